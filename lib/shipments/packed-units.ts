import "server-only";
import { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";

// A pallet's contents as the domain knows them before and after the indexer: the LogisticUnit row
// once its packing is on the ledger, else the organisation's packUnit write waiting in the outbox.
// Quantities and case counts come from the packing payload (EPCIS AggregationEvent ADD, kde.contents).

const packingPayload = z.object({
  parentID: z.string().optional(),
  kde: z.object({
    contents: z.array(
      z.object({
        lotId: z.string(),
        gtin: z.string(),
        lotCode: z.string(),
        quantity: z.union([z.string(), z.number()]).transform(String).nullish(),
        unit: z.string().nullish(),
        packageCount: z.number().int().nonnegative().nullish(),
      }),
    ),
  }),
});

export type UnitContent = z.infer<typeof packingPayload>["kde"]["contents"][number];

export type PackedUnit = {
  sscc: string;
  /** The lots on it, in the order packed. */
  lotIds: string[];
  /** Its EPC as the packing payload names it (parentID), else its GS1 Digital Link. */
  epc: string;
  contents: UnitContent[];
  /** Cases on it: the packing payload's package counts. */
  caseCount: number;
  isOnLedger: boolean;
  isUnpacked: boolean;
};

/** The SSCC's EPC when its packing payload gives none: GS1 Digital Link, as lots' EPC classes are. */
export const ssccDigitalLink = (sscc: string) => `https://id.gs1.org/00/${sscc}`;

/** The units with these SSCCs, packed or being packed; an SSCC never packed is left out. */
export async function findPackedUnits(
  db: Db | Tx,
  ssccs: readonly string[],
): Promise<PackedUnit[]> {
  if (ssccs.length === 0) return [];
  const indexed = await db.logisticUnit.findMany({
    where: { sscc: { in: [...ssccs] } },
    select: { sscc: true, lotIds: true, payloadHash: true, unpackedTxHash: true },
  });
  const missing = ssccs.filter((sscc) => !indexed.some((unit) => unit.sscc === sscc));
  // The outbox keeps the uint64 SSCC as a decimal string: extension digit 0 loses its leading zero.
  const spellings = missing.flatMap((sscc) => [sscc, BigInt(sscc).toString()]);
  const queued =
    missing.length === 0
      ? []
      : await db.$queryRaw<{ sscc: string; lotIds: string[]; payloadHash: string | null }[]>`
          SELECT DISTINCT ON (args->>0) lpad(args->>0, 18, '0') AS sscc,
            ARRAY(SELECT jsonb_array_elements_text(args->1)) AS "lotIds", "payloadHash"
          FROM "LedgerTransaction"
          WHERE method = 'packUnit' AND status <> 'FAILED' AND args->>0 = ANY(${spellings}::text[])
          ORDER BY args->>0, "createdAt" DESC`;
  const rows = [
    ...indexed.map((unit) => ({ ...unit, isOnLedger: true, isUnpacked: !!unit.unpackedTxHash })),
    ...queued.map((unit) => ({ ...unit, isOnLedger: false, isUnpacked: false })),
  ];
  const hashes = rows.flatMap((row) => (row.payloadHash ? [row.payloadHash] : []));
  const payloads = await db.eventPayload.findMany({
    where: { hash: { in: hashes } },
    select: { hash: true, body: true },
  });
  return rows.map((row) => {
    const parsed = packingPayload.safeParse(
      payloads.find((payload) => payload.hash === row.payloadHash)?.body,
    );
    const contents = parsed.success ? parsed.data.kde.contents : [];
    return {
      sscc: row.sscc,
      lotIds: row.lotIds,
      epc: (parsed.success && parsed.data.parentID) || ssccDigitalLink(row.sscc),
      contents,
      caseCount: contents.reduce((sum, lot) => sum + (lot.packageCount ?? 0), 0),
      isOnLedger: row.isOnLedger,
      isUnpacked: row.isUnpacked,
    };
  });
}
