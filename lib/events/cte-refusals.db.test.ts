import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { lotIdOf } from "@/lib/chain/lot-id";
import { AppError } from "@/lib/errors";
import { countRows } from "@/tools/testing/database-text";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { TEST_GTIN as GTIN, harvestValues, siteOf } from "@/tools/testing/lot-steps";
import { queueTrackingEvent } from "./record-event";

// Bad input on the event forms: one exact sentence (on the field it is about, where there is one),
// and not one row written — no ledger write, no payload, no package.

const TODAY = new Date().toISOString().slice(0, 10);
const WRITTEN = ["LedgerTransaction", "EventPayload", "Package"];

let world: LedgerWorld;

async function refusal(member: Member, cte: string, values: Record<string, string>) {
  const before = await countRows(world.db, WRITTEN);
  const error = await queueTrackingEvent({ db: world.db, member, cte, values }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(await countRows(world.db, WRITTEN)).toEqual(before);
  return { message: (error as AppError).message, field: (error as AppError).field };
}

/** The harvest form as the farm fills it in (500 kg), with the given fields changed. */
const harvest = (lotCode: string, overrides: Record<string, string> = {}) =>
  harvestValues(
    world.db,
    world.members.farm,
    { lotCode, nextHolder: world.members.packer },
    { quantity: "500", ...overrides },
  );

beforeAll(async () => {
  world = await createLedgerWorld();
  await queueTrackingEvent({
    db: world.db,
    member: world.members.farm,
    cte: "harvesting",
    values: await harvest("H-2"),
  });
  await world.settle();
});

afterAll(async () => {
  await world.drop();
});

describe("event forms refuse bad input and write nothing", () => {
  it.each([
    [{ commodity: " " }, "Enter the commodity.", "commodity"],
    [
      { gtin: "09506000134353" },
      "GTIN 09506000134353 has a wrong check digit: the last digit should be 2, not 3. Check the number on the label.",
      "gtin",
    ],
    [
      { harvestDate: "2999-01-01" },
      "The harvest date is in the future: enter the day it happened.",
      "harvestDate",
    ],
    [
      { harvestDate: "2026-02-30" },
      "The harvest date is not a date: pick it from the calendar, e.g. 2026-11-24.",
      "harvestDate",
    ],
    [
      { recipientLocationGln: "" },
      "Choose the immediate subsequent recipient from the list.",
      "recipientLocationGln",
    ],
    [{ documentNumber: "" }, "Enter the reference document number.", "documentNumber"],
    [
      { lotCode: "H-2" },
      `Lot H-2 of GTIN ${GTIN} is already on the ledger: give a new batch a new lot code.`,
      "lotCode",
    ],
  ])("harvesting with %o: %s", async (overrides, message, field) => {
    expect(
      await refusal(world.members.farm, "harvesting", await harvest("H-BAD", overrides)),
    ).toEqual({ message, field });
  });

  it("a site of another organisation is not where the farm harvests", async () => {
    const packerSite = await siteOf(world.db, world.members.packer);
    expect(
      await refusal(
        world.members.farm,
        "harvesting",
        await harvest("H-BAD", { locationGln: packerSite }),
      ),
    ).toEqual({
      message: "Choose one of your organisation's locations.",
      field: "locationGln",
    });
  });

  it("refuses using more than a lot holds, the same new lot code twice, and lots it does not hold", async () => {
    const { farm, packer } = world.members;
    const split = {
      lotId: lotIdOf(GTIN, "H-2"),
      locationGln: await siteOf(world.db, farm),
      "outputs.0.lotCode": "H-2A",
      "outputs.0.quantity": "300",
      "outputs.0.unit": "kg",
      "outputs.1.lotCode": "H-2B",
      "outputs.1.quantity": "250",
      "outputs.1.unit": "kg",
      splitDate: TODAY,
      documentType: "prodorder",
      documentNumber: "PO-9",
    };
    expect(await refusal(farm, "split", split)).toEqual({
      message: "Lot H-2 holds 500 kg: 550 kg is more than that. Check the quantity.",
      field: "outputs.1.quantity",
    });
    expect(await refusal(farm, "split", { ...split, "outputs.1.lotCode": "H-2A" })).toEqual({
      message: "Lot H-2A appears twice: give each new lot its own code.",
      field: "outputs.1.lotCode",
    });
    expect(
      (await refusal(packer, "split", { ...split, locationGln: await siteOf(world.db, packer) }))
        .message,
    ).toBe(
      "Your organisation does not hold this lot, so it cannot be split here. Check the lot code, or ask its holder.",
    );
  });

  it("refuses read-only accounts and organisation kinds that do not record the event", async () => {
    const { farm, carrier } = world.members;
    expect(
      (await refusal({ ...farm, role: "READ_ONLY" }, "harvesting", await harvest("H-3"))).message,
    ).toBe("Your account is read-only: ask a colleague with staff access to record the harvest.");
    expect((await refusal(carrier, "harvesting", await harvest("H-3"))).message).toBe(
      `Only farms record harvest; ${carrier.organization.name} is a carrier.`,
    );
    expect((await refusal(carrier, "initial_packing", {})).message).toBe(
      `Only farms and packers record initial packing; ${carrier.organization.name} is a carrier.`,
    );
  });
});
