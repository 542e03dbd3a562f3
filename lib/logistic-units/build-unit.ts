import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Db, Tx } from "@/lib/db/client";
import { ssccCompanyPrefix, ssccEpc } from "@/lib/epcis/logistic-unit";
import { AppError } from "@/lib/errors";
import { enqueueLedgerWrite } from "@/lib/events/ledger-write";
import { memberSiteGln } from "@/lib/events/locations";
import { parseInput } from "@/lib/input";
import { assertCanRecord, assertHoldsCustody, requireHeldLot } from "@/lib/lots/guards";
import { allocateSscc } from "./allocate-sscc";
import { findPackedUnitsOf } from "./lot-availability";
import { aggregationPayload } from "./packing-payload";
import { contentsRootOf, type UnitContent } from "./unit-contents";

/** The most lots one unit carries: a pallet of mixed lots, and one transaction's worth of checks. */
export const MAX_LOTS_PER_UNIT = 50;

const LOT_ID = /^0x[0-9a-f]{64}$/;

const buildUnitInput = z.object({
  lotIds: z.preprocess(
    (value) => [value ?? []].flat(),
    z
      .array(z.string().trim().toLowerCase().regex(LOT_ID, "Choose the lots from the list."))
      .min(1, "Choose at least one lot to put on the pallet.")
      .max(MAX_LOTS_PER_UNIT, `A pallet carries at most ${MAX_LOTS_PER_UNIT} lots: build two.`)
      .refine((ids) => new Set(ids).size === ids.length, "Each lot goes on the pallet once."),
  ),
  extensionDigit: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.coerce
      .number("The extension digit is one digit from 0 to 9, or empty for 0.")
      .int("The extension digit is one digit from 0 to 9, or empty for 0.")
      .min(0, "The extension digit is one digit from 0 to 9, or empty for 0.")
      .max(9, "The extension digit is one digit from 0 to 9, or empty for 0.")
      .optional(),
  ),
});

/**
 * Builds a logistic unit (a pallet) from lots the member's organisation holds: each active, on no
 * other packed unit and in no write still on its way; allocates its SSCC and queues one
 * LotTracker.packUnit with the EPCIS AggregationEvent ADD as payload and the Merkle root of its
 * contents. `input` is the builder's form or the API body: { lotIds, extensionDigit? }.
 */
export async function buildUnit({
  db,
  member,
  input,
  idempotencyKey,
}: {
  db: Db;
  member: Member;
  input: unknown;
  idempotencyKey?: string;
}): Promise<{ writeId: string; sscc: string }> {
  const { lotIds, extensionDigit } = parseInput(buildUnitInput, input, "Choose the lots to pack.");
  assertCanRecord(member, "build pallets");
  assertHoldsCustody(member, "build pallets");
  return db.$transaction(async (tx) => {
    const contents = await packableContents(tx, member, lotIds);
    const sscc = await allocateSscc({
      db: tx,
      organizationId: member.organization.id,
      extensionDigit,
    });
    const prefix = ssccCompanyPrefix(sscc, await ownPrefixes(tx, member));
    if (prefix === null) throw new Error(`SSCC ${sscc} is under none of its packer's prefixes.`);
    const payload = aggregationPayload({
      member,
      action: "ADD",
      parentId: ssccEpc(sscc, prefix),
      siteGln: await memberSiteGln(tx, member),
      contents,
    });
    const contentsRoot = contentsRootOf(contents);
    const { id } = await enqueueLedgerWrite(tx, member, {
      payload,
      call: (payloadHash) => ({
        method: "packUnit",
        args: [BigInt(sscc).toString(), lotIds, contentsRoot, payloadHash],
      }),
      lotId: lotIds[0] as string,
      idempotencyKey,
    });
    return { writeId: id, sscc };
  });
}

/** The content lines of the lots, in the order chosen, each refused in its own sentence. */
async function packableContents(tx: Tx, member: Member, lotIds: string[]): Promise<UnitContent[]> {
  const lots = [];
  for (const lotId of lotIds) lots.push(await requireHeldLot(tx, member, lotId, "be packed"));
  // requireHeldLot refuses a lot that any write on its way names, batch writes included.
  const [packed, packages] = await Promise.all([
    findPackedUnitsOf(tx, lotIds),
    tx.package.groupBy({ by: ["lotId"], where: { lotId: { in: lotIds } }, _count: true }),
  ]);
  for (const lot of lots) {
    const sscc = packed.get(lot.id);
    if (sscc) {
      throw new AppError(
        "CONFLICT",
        `Lot ${lot.lotCode} is on pallet ${sscc}: take that pallet apart before packing the lot again.`,
      );
    }
  }
  const counts = new Map(packages.map((row) => [row.lotId, row._count]));
  return lots.map((lot) => ({
    lotId: lot.id,
    gtin: lot.gtin,
    lotCode: lot.lotCode,
    quantity: lot.quantity ?? "",
    unit: lot.unit,
    packageCount: counts.get(lot.id) ?? 0,
  }));
}

async function ownPrefixes(tx: Tx, member: Member): Promise<string[]> {
  const rows = await tx.companyPrefix.findMany({
    where: { organizationId: member.organization.id },
    select: { prefix: true },
  });
  return rows.map((row) => row.prefix);
}
