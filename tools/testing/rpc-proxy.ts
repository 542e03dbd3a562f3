import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A JSON-RPC node as tests need one to misbehave: in front of anvil, it counts the calls by method
// and lets a test answer some of them itself (a node that refuses wide eth_getLogs ranges, one that
// lags behind, one without EIP-1559 fees), passing the rest through.

export type RpcRequest = { jsonrpc: "2.0"; id: number | string; method: string; params: unknown[] };
export type RpcReply = { result: unknown } | { error: { code: number; message: string } };

export type RpcProxy = {
  url: string;
  /** Calls received, by method, since the proxy started or since `calls.clear()`. */
  calls: Map<string, number>;
  /** Answers a request instead of the node (return undefined to pass it through). */
  intercept: (request: RpcRequest) => RpcReply | undefined | Promise<RpcReply | undefined>;
  /** Changes the node's answer to a request that went through. */
  rewrite: (request: RpcRequest, result: unknown) => unknown;
  close(): Promise<void>;
};

export async function startRpcProxy(upstreamUrl: string): Promise<RpcProxy> {
  const proxy: RpcProxy = {
    url: "",
    calls: new Map(),
    intercept: () => undefined,
    rewrite: (_request, result) => result,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const answer = async (request: RpcRequest) => {
    proxy.calls.set(request.method, (proxy.calls.get(request.method) ?? 0) + 1);
    const own = await proxy.intercept(request);
    if (own) return { jsonrpc: "2.0", id: request.id, ...own };
    const response = await fetch(upstreamUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request),
    });
    const reply = (await response.json()) as { result?: unknown };
    if ("result" in reply) reply.result = proxy.rewrite(request, reply.result);
    return reply;
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as RpcRequest | RpcRequest[];
      const reply = Array.isArray(body) ? await Promise.all(body.map(answer)) : await answer(body);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
