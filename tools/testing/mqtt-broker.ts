import { startEmbeddedBroker } from "@/tools/stack/mqtt-broker";

/**
 * A real MQTT broker for a test: the one MQTT_URL names (CI starts a Mosquitto per suite), else an
 * embedded aedes on a free port, stopped with the test.
 */
export async function startTestBroker(): Promise<{ url: string; stop(): Promise<void> }> {
  const url = process.env.MQTT_URL;
  if (url) return { url, stop: async () => {} };
  return startEmbeddedBroker({ port: 0 });
}
