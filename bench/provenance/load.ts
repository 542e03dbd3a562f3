import { Agent, request } from "node:http";

export type LoadResult = {
  requests: number;
  errors: number;
  p50_ms: number;
  p95_ms: number;
  rps: number;
};

/**
 * Keeps `connections` keep-alive connections busy with GET `url` for `seconds` and measures each
 * response's latency (first byte sent to last byte read). Non-200 answers count as errors.
 */
export async function runLoad(
  url: string,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const once = () =>
    new Promise<void>((resolve) => {
      const sent = performance.now();
      const req = request(url, { agent }, (res) => {
        res.on("data", () => {});
        res.on("end", () => {
          if (res.statusCode === 200) latencies.push(performance.now() - sent);
          else errors++;
          resolve();
        });
      });
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end();
    });
  const worker = async () => {
    while (performance.now() < deadline) await once();
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: latencies.length,
    errors,
    p50_ms: round(at(0.5)),
    p95_ms: round(at(0.95)),
    rps: Math.round(latencies.length / elapsed),
  };
}
