import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";

// The load balancer in front of several web instances, as production runs them: one address (the
// APP_URL every instance is configured with), requests spread round-robin. A request that cannot
// reach an instance at all (it is down) goes to the next one, as a balancer's health check would
// arrange; one that an instance dropped half-way is answered 502, and the client tries again.

export type Balancer = { close(): Promise<void> };

export function startBalancer(port: number, upstreamPorts: readonly number[]): Promise<Balancer> {
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const body: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => body.push(chunk));
    incoming.on("end", () => {
      const first = next++ % upstreamPorts.length;
      forward(incoming, Buffer.concat(body), outgoing, upstreamPorts, first, 0);
    });
  });
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () =>
      resolve({
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}

function forward(
  incoming: IncomingMessage,
  body: Buffer,
  outgoing: ServerResponse,
  ports: readonly number[],
  first: number,
  tried: number,
): void {
  const port = ports[(first + tried) % ports.length] as number;
  let isConnected = false;
  const upstream = httpRequest(
    {
      host: "127.0.0.1",
      port,
      method: incoming.method,
      path: incoming.url,
      headers: incoming.headers,
    },
    (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
      response.on("error", () => outgoing.destroy());
    },
  );
  // A kept-alive socket is connected already; a new one says so once.
  upstream.on("socket", (socket) => {
    if (!socket.connecting) isConnected = true;
    else socket.once("connect", () => (isConnected = true));
  });
  upstream.on("error", () => {
    if (!isConnected && tried + 1 < ports.length) {
      forward(incoming, body, outgoing, ports, first, tried + 1);
    } else if (!outgoing.headersSent) {
      outgoing.writeHead(502).end();
    } else {
      outgoing.destroy();
    }
  });
  upstream.end(body);
}
