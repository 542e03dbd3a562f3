import { nextBin } from "./build";
import { type Service, startService } from "./processes";

export type PartName = "sender" | "indexer" | "web";

const tsxScript = (file: string) => ["--conditions=react-server", "--import", "tsx", file];

/**
 * Starts one of LotLedger's three long-running processes: the outbox sender, the indexer, or the web
 * app (`next start`). `npm start` runs all three; the chaos test kills and restarts them one by one.
 */
export function startPart(name: PartName, env: NodeJS.ProcessEnv, port: number): Service {
  const args = {
    sender: tsxScript("scripts/sender.ts"),
    indexer: tsxScript("scripts/indexer.ts"),
    web: [nextBin, "start", "--port", String(port)],
  }[name];
  return startService(name, process.execPath, args, env);
}
