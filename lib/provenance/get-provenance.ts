import "server-only";
import type { Db } from "@/lib/db/client";
import { getLotDetail } from "@/lib/lots/get-lot-detail";
import { buildSteps, type ProvenanceStep } from "./build-steps";
import { getPlaceDirectory, type Place } from "./places";

/** What the public may know about one lot: no chain addresses, people or staff-only notes. */
export type Provenance = {
  lotId: string;
  gtin: string;
  lotCode: string;
  quantity: string | null;
  unit: string | null;
  isRecalled: boolean;
  status: "ACTIVE" | "IN_TRANSIT" | "RECALLED" | "CONSUMED";
  producer: { name: string; place: Place | null };
  holder: string;
  steps: ProvenanceStep[];
};

/** A lot's public provenance from the read model (never the chain), or null if LotLedger has none. */
export async function getProvenance({
  db,
  lotId,
}: {
  db: Db;
  lotId: string;
}): Promise<Provenance | null> {
  const [lot, places] = await Promise.all([getLotDetail({ db, lotId }), getPlaceDirectory({ db })]);
  if (!lot) return null;
  const steps = buildSteps(lot.trail, places);
  return {
    lotId: lot.id,
    gtin: lot.gtin,
    lotCode: lot.lotCode,
    quantity: lot.quantity,
    unit: lot.unit,
    isRecalled: lot.status === "RECALLED",
    status: lot.status,
    producer: {
      name: lot.producer.name,
      place: steps[0]?.where ?? places.byAddress(lot.producer.address),
    },
    holder: lot.custodian.name,
    steps,
  };
}
