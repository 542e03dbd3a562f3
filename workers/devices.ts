// The devices worker: takes data loggers' signed batches off MQTT (MQTT_URL; `npm start` runs an
// embedded broker when it is unset), hands each to the ingestion core in order per device, and
// answers on the device's replies topic. One worker per database at a time (the sole-holder lock),
// so no batch is taken twice; the broker keeps what is published while none runs.
import { startDeviceIngestion } from "@/lib/device-mqtt";
import { devicesEnvSchema } from "@/lib/env";
import { ingestOverMqtt } from "./device-ingest";
import { runAsSoleHolder } from "./sole-holder";
import { startWorker } from "./start-worker";

const { env, db, deployment, signal } = await startWorker("devices", devicesEnvSchema);
// One session per deployment: its queued batches wait for this worker across restarts, and another
// LotLedger on the same broker does not take over (an MQTT broker drops the older of two same ids).
const clientId = `lotledger-devices-${env.CHAIN_ID}-${deployment.address.slice(2, 12).toLowerCase()}`;
await runAsSoleHolder({ name: "devices", databaseUrl: env.DATABASE_URL, signal }, async (held) => {
  const ingestion = await startDeviceIngestion({
    mqttUrl: env.MQTT_URL,
    ingest: ingestOverMqtt(db),
    clientId,
    signal: held,
  });
  if (!held.aborted) {
    await new Promise((resolve) => held.addEventListener("abort", resolve, { once: true }));
  }
  await ingestion.stop();
});
await db.$disconnect();
process.exit(0);
