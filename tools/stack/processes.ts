import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

export type Service = {
  name: string;
  /** Resolves with the exit code (or signal) when the process ends, for whatever reason. */
  exited: Promise<string>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL, as a crash would: for the chaos test. */
  kill(): Promise<void>;
};

/** Runs a long-lived child with its output prefixed by its name, so one terminal shows every part. */
export function startService(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Service {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  prefixLines(child, name);
  const exited = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? `exit code ${code}`)),
  );
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  return {
    name,
    exited,
    async kill() {
      process.off("exit", killOnExit);
      child.kill("SIGKILL");
      await exited;
    },
    async stop(graceMs = 10_000) {
      process.off("exit", killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

function prefixLines(child: ChildProcess, name: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream?.on("data", (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) console.log(`[${name}] ${line}`);
    });
  }
}

/** Refuses early, with what to do, when a port LotLedger needs is taken. */
export function assertPortFree(port: number, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", () =>
      reject(
        new Error(
          `Port ${port} is in use (is LotLedger already running?): stop the other program or set ${variable} to a free port.`,
        ),
      ),
    );
    server.listen(port, () => server.close(() => resolve()));
  });
}

/** Polls `url` until it answers below 500, or throws after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
