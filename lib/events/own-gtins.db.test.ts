import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { lotIdOf } from "@/lib/chain/lot-id";
import { AppError } from "@/lib/errors";
import { countRows } from "@/tools/testing/database-text";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { TEST_GTIN as GTIN, harvestValues, siteOf } from "@/tools/testing/lot-steps";
import { queueTrackingEvent } from "./record-event";
import { createLot } from "./register-lot";

// A producer registers lots only of GTINs under its GS1 company prefixes (issue 13, finding 5):
// another brand's GTIN is refused with a sentence at the GTIN field before anything is queued, as
// LotTracker would refuse it. The test world's producers hold 950600 and 0614141.

const WRITTEN = ["LedgerTransaction", "EventPayload", "Package"];
/** GS1's example GTIN under prefix 4006381: another brand's. */
const FOREIGN_GTIN = "04006381333931";
const TODAY = new Date().toISOString().slice(0, 10);

let world: LedgerWorld;

beforeAll(async () => {
  world = await createLedgerWorld();
});

afterAll(async () => {
  await world.drop();
});

async function refusal(attempt: () => Promise<unknown>) {
  const before = await countRows(world.db, WRITTEN);
  const error = await attempt().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect(await countRows(world.db, WRITTEN)).toEqual(before);
  return { message: (error as AppError).message, field: (error as AppError).field };
}

const foreignSentence = (member: Member) =>
  `GTIN ${FOREIGN_GTIN} is not under ${member.organization.name}'s GS1 company prefixes 0614141, 950600: lots of another brand's product are registered by that brand. Check the GTIN, or ask your LotLedger administrator to register the prefix if your organisation holds it.`;

describe("GTINs of another brand", () => {
  it("are refused when a lot is registered, at the GTIN field, writing nothing", async () => {
    const { farm } = world.members;
    const input = { gtin: FOREIGN_GTIN, lotCode: "BRAND-1", quantity: "10", unit: "kg" };
    expect(await refusal(() => createLot({ db: world.db, member: farm, input }))).toEqual({
      message: foreignSentence(farm),
      field: "gtin",
    });
  });

  it("are refused for a harvest and for each output of a transformation", async () => {
    const { farm, packer } = world.members;
    const values = await harvestValues(
      world.db,
      farm,
      { lotCode: "BRAND-2", nextHolder: packer },
      { gtin: FOREIGN_GTIN },
    );
    expect(
      await refusal(() =>
        queueTrackingEvent({ db: world.db, member: farm, cte: "harvesting", values }),
      ),
    ).toEqual({ message: foreignSentence(farm), field: "gtin" });

    const input = await world.harvest("OWN-1");
    const transformation = {
      inputLotIds: input,
      [`used.${input}`]: "50",
      locationGln: await siteOf(world.db, farm),
      "outputs.0.gtin": GTIN,
      "outputs.0.lotCode": "OWN-1A",
      "outputs.0.quantity": "25",
      "outputs.0.unit": "kg",
      "outputs.0.productDescription": "Romaine hearts",
      "outputs.1.gtin": FOREIGN_GTIN,
      "outputs.1.lotCode": "BRAND-3",
      "outputs.1.quantity": "25",
      "outputs.1.unit": "kg",
      "outputs.1.productDescription": "Someone else's salad",
      dateCompleted: TODAY,
      documentType: "prodorder",
      documentNumber: "PO-BRAND",
    };
    expect(
      await refusal(() =>
        queueTrackingEvent({
          db: world.db,
          member: farm,
          cte: "transformation",
          values: transformation,
        }),
      ),
    ).toEqual({ message: foreignSentence(farm), field: "outputs.1.gtin" });
    expect(await world.db.lot.findUnique({ where: { id: lotIdOf(GTIN, "OWN-1A") } })).toBeNull();
  });

  it("are refused with another sentence to a producer that has no prefix registered", async () => {
    const { farm } = world.members;
    const bare = { ...farm, organization: { ...farm.organization, id: "no-prefixes" } };
    const input = { gtin: GTIN, lotCode: "BARE-1", quantity: "10", unit: "kg" };
    expect(await refusal(() => createLot({ db: world.db, member: bare, input }))).toEqual({
      message: `${farm.organization.name} has no GS1 company prefix registered on LotLedger, so it cannot register lots of GTIN ${GTIN}: ask your LotLedger administrator to register your organisation's prefix.`,
      field: "gtin",
    });
  });

  it("of its own prefixes go through to the ledger", async () => {
    const { farm } = world.members;
    const input = { gtin: GTIN, lotCode: "OWN-2", quantity: "10", unit: "kg" };
    const { lotId } = await createLot({ db: world.db, member: farm, input });
    await world.settle();
    expect(await world.db.lot.findUnique({ where: { id: lotId } })).not.toBeNull();
  });
});
