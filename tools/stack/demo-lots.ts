import type { Db } from "@/lib/db/client";
import { digitalLinkUri, resolveDigitalLinkPath } from "@/lib/provenance/digital-link";
import { findDemoCast, waitUntilRecorded } from "./demo-cast";
import { ROMAINE_HEARTS_GTIN } from "./demo-forms";
import { DEMO_LOT_CODES, tellRomaineJourney, tellSiblingBatches } from "./demo-story";

export type DemoLotsOutcome =
  | { status: "seeded"; provenanceUrl: string; seconds: number }
  | { status: "skipped" };

/**
 * The demo story's lots, on a fresh ledger only: written through the app's own domain functions, so
 * each goes through the outbox, the sender and the indexer like real use — which must therefore be
 * running. Once anything was ever written to the ledger (the story, or the user's own lots) it is
 * skipped, so a later start never adds it again nor mixes it into real data.
 */
export async function seedDemoLots({
  db,
  chainId,
  appUrl,
  log,
  recordTimeoutMs,
}: {
  db: Db;
  chainId: number;
  appUrl: string;
  log: (line: string) => void;
  recordTimeoutMs?: number;
}): Promise<DemoLotsOutcome> {
  // The demo products' storage rules (seed.ts) are written before the story: they are no lots.
  const [lots, writes] = await Promise.all([
    db.lot.count(),
    db.ledgerTransaction.count({ where: { method: { not: "setStorageRule" } } }),
  ]);
  if (lots > 0 || writes > 0) return { status: "skipped" };
  const started = performance.now();
  const context = {
    db,
    cast: await findDemoCast(db),
    recorded: waitUntilRecorded(db, chainId, recordTimeoutMs),
    log,
  };
  // The two stories touch different lots, so they are told side by side.
  const [packedId] = await Promise.all([tellRomaineJourney(context), tellSiblingBatches(context)]);
  const firstCase = await db.package.findFirstOrThrow({
    where: { lotId: packedId },
    orderBy: { serial: "asc" },
    select: { serial: true },
  });
  const path = `/01/${ROMAINE_HEARTS_GTIN}/10/${DEMO_LOT_CODES.packed}/21/${firstCase.serial}`;
  return {
    status: "seeded",
    provenanceUrl: digitalLinkUri(appUrl, resolveDigitalLinkPath(path).path),
    seconds: (performance.now() - started) / 1000,
  };
}
