import { createServer } from "node:net";
import { Aedes } from "aedes";

export type EmbeddedBroker = { url: string; port: number; stop(): Promise<void> };

/**
 * The embedded MQTT broker of `npm start` (aedes, in this process) when MQTT_URL names none. Its
 * sessions and queued messages live in memory: enough for a pilot and for tests; a fleet of loggers
 * wants a broker of its own (Mosquitto, with TLS and logins) named by MQTT_URL. It listens on
 * loopback only: an open broker would let anyone on the network read every lot's readings.
 */
export async function startEmbeddedBroker({
  port,
  host = "127.0.0.1",
}: {
  port: number;
  host?: string;
}): Promise<EmbeddedBroker> {
  const broker = await Aedes.createBroker();
  const server = createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  return {
    url: `mqtt://${host}:${bound}`,
    port: bound,
    async stop() {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
