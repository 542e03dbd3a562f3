import "server-only";
import { type ColdChainBatch, getColdChain } from "@/lib/cold-chain/get-cold-chain";
import { withReadingsVerdict } from "@/lib/cold-chain/readings-verdict";
import type { Db } from "@/lib/db/client";
import { getLotDetail } from "@/lib/lots/get-lot-detail";
import { findRecalledAncestor } from "@/lib/trace/recall-scope";
import { buildSteps, type ProvenanceStep } from "./build-steps";
import { getPlaceDirectory, type Place } from "./places";

/** What the public may know about one lot: no chain addresses, people or staff-only notes. */
export type Provenance = {
  lotId: string;
  gtin: string;
  lotCode: string;
  quantity: string | null;
  unit: string | null;
  /**
   * The recalled lot that makes this one unsafe: itself, or the nearest lot it was made from (a
   * recall covers everything made from the lot, though the chain marks only the lot itself). Null
   * when neither it nor anything it came from is recalled.
   */
  recall: { gtin: string; lotCode: string; isThisLot: boolean } | null;
  status: "ACTIVE" | "IN_TRANSIT" | "RECALLED" | "CONSUMED";
  producer: { name: string; place: Place | null };
  holder: string;
  steps: ProvenanceStep[];
  /** Temperature readings, one entry per batch anchored on the ledger; empty when there are none. */
  coldChain: ColdChainBatch[];
};

/** A lot's public provenance from the read model (never the chain), or null if LotLedger has none. */
export async function getProvenance({
  db,
  lotId,
}: {
  db: Db;
  lotId: string;
}): Promise<Provenance | null> {
  const [lot, places, recalled, coldChain] = await Promise.all([
    getLotDetail({ db, lotId }),
    getPlaceDirectory({ db }),
    findRecalledAncestor({ db, lotId }),
    getColdChain({ db, lotId }),
  ]);
  if (!lot) return null;
  const steps = buildSteps(lot.trail.map(withReadingsVerdict(coldChain)), places);
  return {
    lotId: lot.id,
    gtin: lot.gtin,
    lotCode: lot.lotCode,
    quantity: lot.quantity,
    unit: lot.unit,
    recall: recalled && {
      gtin: recalled.gtin,
      lotCode: recalled.lotCode,
      isThisLot: recalled.lotId === lot.id,
    },
    status: lot.status,
    producer: {
      name: lot.producer.name,
      place: steps[0]?.where ?? places.byAddress(lot.producer.address),
    },
    holder: lot.custodian.name,
    steps,
    coldChain,
  };
}
