import "server-only";
import type { Member } from "@/lib/auth/session";
import { lotIdOf } from "@/lib/chain/lot-id";
import type { Db } from "@/lib/db/client";
import { findMainSiteGln } from "@/lib/events/locations";
import { receiveLot } from "@/lib/events/receiving";
import { queueTrackingEvent } from "@/lib/events/record-event";
import { handOffLot } from "@/lib/events/shipping";

// Lots for tests, made through the app's own domain functions (harvest, split, ship, receive):
// each queues its ledger write; a sender and an indexer — the test's or the running stack's — take it
// from there. Every lot is of one GTIN, so sibling batches differ by lot code only.

export const TEST_GTIN = "09506000134352";
const TODAY = () => new Date().toISOString().slice(0, 10);

/** The GLN of the member organisation's main site, where its events happen. */
export async function siteOf(db: Db, member: Member): Promise<string> {
  const gln = await findMainSiteGln(db, member.organization.id);
  if (!gln) throw new Error(`${member.organization.name} has no location to record events at.`);
  return gln;
}

/** The harvest form as a farm fills it in: 100 kg, today, the next holder's site; `overrides` win. */
export async function harvestValues(
  db: Db,
  member: Member,
  { lotCode, nextHolder }: { lotCode: string; nextHolder: Member },
  overrides: Record<string, string> = {},
): Promise<Record<string, string>> {
  return {
    locationGln: await siteOf(db, member),
    gtin: TEST_GTIN,
    lotCode,
    commodity: "Lettuce",
    variety: "Romaine",
    quantity: "100",
    unit: "kg",
    fieldName: "Field 7",
    harvestDate: TODAY(),
    recipientLocationGln: await siteOf(db, nextHolder),
    documentType: "harvestlog",
    documentNumber: `HL-${lotCode}`,
    ...overrides,
  };
}

/** A harvest of 100 kg registered by a farm: a new lot with no parents. */
export async function harvestLot(
  db: Db,
  member: Member,
  { lotCode, nextHolder }: { lotCode: string; nextHolder: Member },
): Promise<{ writeId: string; lotId: string }> {
  const values = await harvestValues(db, member, { lotCode, nextHolder });
  const { writeId, lotId } = await queueTrackingEvent({ db, member, cte: "harvesting", values });
  return { writeId, lotId };
}

/** Splits a held lot into equal parts (kg), each with the packages asked for. */
export async function splitLot(
  db: Db,
  member: Member,
  { lotId, outputs }: { lotId: string; outputs: { lotCode: string; packages?: number }[] },
): Promise<{ writeId: string; lotIds: string[] }> {
  const lot = await db.lot.findUniqueOrThrow({ where: { id: lotId }, select: { quantity: true } });
  const share = String(Math.floor((Number(lot.quantity) / outputs.length) * 1000) / 1000);
  const values: Record<string, string> = {
    lotId,
    locationGln: await siteOf(db, member),
    splitDate: TODAY(),
    documentType: "prodorder",
    documentNumber: `SPLIT-${outputs[0]?.lotCode}`,
  };
  for (const [i, output] of outputs.entries()) {
    values[`outputs.${i}.lotCode`] = output.lotCode;
    values[`outputs.${i}.quantity`] = share;
    values[`outputs.${i}.unit`] = "kg";
    values[`outputs.${i}.packages`] = output.packages ? String(output.packages) : "";
  }
  const { writeId } = await queueTrackingEvent({ db, member, cte: "split", values });
  return { writeId, lotIds: outputs.map((output) => lotIdOf(TEST_GTIN, output.lotCode)) };
}

export function shipLot(db: Db, from: Member, { lotId, to }: { lotId: string; to: Member }) {
  return handOffLot({ db, member: from, lotId, input: { recipientGln: to.organization.gln } });
}

export function acceptLot(db: Db, by: Member, { lotId }: { lotId: string }) {
  return receiveLot({ db, member: by, lotId, input: { decision: "accept" } });
}
