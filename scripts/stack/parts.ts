import { type Service, startService } from "./processes";

export type PartName = "sender" | "indexer" | "notifier" | "web";

const tsxScript = (file: string) => ["--conditions=react-server", "--import", "tsx", file];

/**
 * Starts one of LotLedger's long-running processes: the outbox sender, the indexer, the notifier of
 * recall notices, or the web app (Next.js behind scripts/web.ts). `npm start` runs them all; the
 * chaos test kills and restarts the sender, the indexer and the web app one by one.
 */
export function startPart(name: PartName, env: NodeJS.ProcessEnv, port: number): Service {
  const args = {
    sender: tsxScript("scripts/sender.ts"),
    indexer: tsxScript("scripts/indexer.ts"),
    notifier: tsxScript("scripts/notifier.ts"),
    web: [...tsxScript("scripts/web.ts"), "--port", String(port)],
  }[name];
  return startService(name, process.execPath, args, env);
}
