import { partEnv } from "./part-env";
import { type Service, startService } from "./processes";

export type PartName = "sender" | "indexer" | "notifier" | "capture" | "devices" | "web";

const tsxScript = (file: string) => ["--conditions=react-server", "--import", "tsx", file];

/**
 * Starts one of LotLedger's long-running processes: the outbox sender, the indexer, the notifier of
 * recall notices, the capture worker of large EPCIS documents, the devices worker of data loggers' MQTT batches, or the web app (Next.js behind workers/web.ts). `npm start` runs them all; the
 * chaos test kills and restarts the sender, the indexer and the web app one by one. `stackEnv` holds
 * every secret of the stack; each part is given only the ones it needs (part-env.ts).
 */
export function startPart(name: PartName, stackEnv: NodeJS.ProcessEnv, port: number): Service {
  const args = {
    sender: tsxScript("workers/sender.ts"),
    indexer: tsxScript("workers/indexer.ts"),
    notifier: tsxScript("workers/notifier.ts"),
    capture: tsxScript("workers/capture.ts"),
    devices: tsxScript("workers/devices.ts"),
    web: [...tsxScript("workers/web.ts"), "--port", String(port)],
  }[name];
  return startService(name, process.execPath, args, partEnv(name, stackEnv));
}
