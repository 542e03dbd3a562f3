import "server-only";
import { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";
import type { UnitContent } from "./unit-contents";

/** A packUnit or unpackUnit write as the unit's page follows it. */
export type UnitWrite = { id: string; organizationId: string; status: string };

/** A logistic unit as the read model and the outbox know it, before anyone's view of it. */
export type UnitRecord = {
  sscc: string;
  /** The organisation that built it (its packUnit write), when LotLedger queued the packing. */
  packerOrganizationId: string | null;
  /** The lots on it, in the order packed. */
  lotIds: string[];
  /** Its content lines, from the packing payload (empty when that payload is not stored). */
  contents: UnitContent[];
  /** The packing payload's parentID (urn:epc:id:sscc:…), which its unpacking names again. */
  parentId: string;
  /** Packed on the ledger and indexed; false while its packing is on its way, or refused. */
  isIndexed: boolean;
  isTakenApart: boolean;
  packWrite: UnitWrite | null;
  /** The latest unpackUnit write not refused, or the refused one when there is no other. */
  unpackWrite: UnitWrite | null;
};

const contentLines = z.array(
  z.object({
    lotId: z.string(),
    gtin: z.string(),
    lotCode: z.string(),
    quantity: z.union([z.string(), z.number()]).transform(String),
    unit: z
      .string()
      .nullish()
      .transform((unit) => unit ?? null),
    packageCount: z
      .number()
      .int()
      .nonnegative()
      .nullish()
      .transform((count) => count ?? 0),
  }),
);

/** The content lines a packing payload lists in `kde.contents`, or none when it lists none. */
export function contentsOfPayload(body: unknown): UnitContent[] {
  const kde = (body as { kde?: { contents?: unknown } } | null)?.kde;
  const parsed = contentLines.safeParse(kde?.contents);
  return parsed.success ? parsed.data : [];
}

/**
 * The unit with this SSCC: its indexed LogisticUnit row, else its packing write in the outbox (what
 * is on its way); null when neither knows it. The outbox keeps the uint64 SSCC as a decimal string,
 * so an SSCC with extension digit 0 is looked for without its leading zero too.
 */
export async function findUnitRecord(db: Db | Tx, sscc: string): Promise<UnitRecord | null> {
  const spellings = [sscc, BigInt(sscc).toString()];
  const [row, writes] = await Promise.all([
    db.logisticUnit.findUnique({ where: { sscc } }),
    db.$queryRaw<(UnitWrite & { method: string; lotIds: string[]; payloadHash: string | null })[]>`
      SELECT id, "organizationId", status::text AS status, method, "payloadHash",
        ARRAY(SELECT jsonb_array_elements_text(args->1)) AS "lotIds"
      FROM "LedgerTransaction"
      WHERE method IN ('packUnit', 'unpackUnit') AND args->>0 = ANY(${spellings}::text[])
      ORDER BY (status = 'FAILED'), "createdAt" DESC`,
  ]);
  const packWrite = writes.find((write) => write.method === "packUnit") ?? null;
  const unpackWrite = writes.find((write) => write.method === "unpackUnit") ?? null;
  if (!row && !packWrite) return null;
  const payloadHash = row?.payloadHash ?? packWrite?.payloadHash ?? null;
  const payload = payloadHash
    ? await db.eventPayload.findUnique({ where: { hash: payloadHash }, select: { body: true } })
    : null;
  const pick = (write: typeof packWrite): UnitWrite | null =>
    write && { id: write.id, organizationId: write.organizationId, status: write.status };
  return {
    sscc,
    packerOrganizationId: packWrite?.organizationId ?? null,
    lotIds: row?.lotIds ?? packWrite?.lotIds ?? [],
    contents: contentsOfPayload(payload?.body),
    parentId: parentIdOf(payload?.body) ?? `https://id.gs1.org/00/${sscc}`,
    isIndexed: row !== null,
    isTakenApart: row?.unpackedTxHash != null,
    packWrite: pick(packWrite),
    unpackWrite: pick(unpackWrite),
  };
}

function parentIdOf(body: unknown): string | null {
  const parentId = (body as { parentID?: unknown } | null)?.parentID;
  return typeof parentId === "string" ? parentId : null;
}
