import { toBeHex } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import {
  deployLotTracker,
  grantOrganizationRole,
  roleForOrganizationKind,
} from "@/lib/chain/deploy";
import { LotTracker__factory } from "@/lib/chain/generated";
import { lotIdOf } from "@/lib/chain/lot-id";
import { processOutbox, type SenderContext } from "@/lib/chain/outbox/sender";
import { createProvider } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { type IndexerSource, indexNextBatch } from "@/lib/indexer/indexer";
import { createSigningKey } from "@/lib/organizations/signing-key";
import { serialsRootOf } from "@/lib/packages/serials";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { queueTrackingEvent } from "./record-event";

const CHAIN_ID = 31337;
const MASTER_KEY = "cd".repeat(32);
const GTIN = "09506000134352";
const TODAY = new Date().toISOString().slice(0, 10);
const provider = createProvider(inject("rpcUrl"), CHAIN_ID);

let database: TestDatabase;
let db: Db;
let sender: SenderContext;
let indexer: IndexerSource;
const members: Record<string, Member> = {};

async function addOrganization(key: string, kind: string, gln: string, role = "STAFF") {
  const { address, encryptedKey } = createSigningKey(MASTER_KEY);
  const organization = await db.organization.create({
    data: { name: `${key} org`, kind: kind as "FARM", gln, chainAddress: address, encryptedKey },
  });
  await db.location.create({
    data: { organizationId: organization.id, gln, name: `${key} site`, address: `${key} road 1` },
  });
  await provider.send("anvil_setBalance", [address, toBeHex(10n ** 20n)]);
  const member = (role: string): Member => ({
    userId: `${key}-${role}`,
    name: key,
    email: `${key}@events.test`,
    role: role as Member["role"],
    organization: {
      id: organization.id,
      name: organization.name,
      kind,
      gln,
      chainAddress: address,
    },
  });
  members[key] = member(role);
  members[`${key}-viewer`] = member("READ_ONLY");
  return address;
}

/** Sends what is queued and indexes it, as the sender and indexer processes do. */
async function settle() {
  for (let pass = 0; pass < 3; pass++) await processOutbox(sender);
  for (;;) if ((await indexNextBatch(indexer)).blocks === 0) return;
}

const record = (key: string, cte: string, values: Record<string, string>) =>
  queueTrackingEvent({ db, member: members[key] as Member, cte, values });

const counts = async () => [
  await db.ledgerTransaction.count(),
  await db.eventPayload.count(),
  await db.package.count(),
];

async function refusal(key: string, cte: string, values: Record<string, string>) {
  const before = await counts();
  const error = await record(key, cte, values).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(AppError);
  expect(await counts()).toEqual(before);
  return { message: (error as AppError).message, field: (error as AppError).field };
}

const harvest = (lotCode: string, overrides: Record<string, string> = {}) => ({
  locationGln: "9520000000016",
  gtin: GTIN,
  lotCode,
  commodity: "Lettuce",
  variety: "Romaine",
  quantity: "500",
  unit: "kg",
  fieldName: "North field 3",
  harvestDate: TODAY,
  recipientLocationGln: "9520000000023",
  documentType: "harvestlog",
  documentNumber: "HL-77",
  ...overrides,
});

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const admin = await provider.getSigner(0);
  const deployment = await deployLotTracker(admin);
  const lotTracker = LotTracker__factory.connect(deployment.address, admin);
  for (const [key, kind, gln] of [
    ["farm", "FARM", "9520000000016"],
    ["packer", "PACKER", "9520000000023"],
    ["carrier", "CARRIER", "9520000000030"],
  ] as const) {
    const address = await addOrganization(key, kind, gln);
    await grantOrganizationRole(lotTracker, roleForOrganizationKind(kind), address);
  }
  sender = {
    db,
    provider,
    chainId: CHAIN_ID,
    contractAddress: deployment.address,
    masterKey: MASTER_KEY,
  };
  indexer = {
    db,
    provider,
    chainId: CHAIN_ID,
    contractAddress: deployment.address,
    startBlock: deployment.blockNumber,
    confirmations: 0,
    batchSize: 500,
  };
});

afterAll(async () => {
  await database.drop();
});

describe("critical tracking events", () => {
  it("harvest → cooling → initial packing with packages → split → merge → transformation, on the chain", async () => {
    await record("farm", "harvesting", harvest("H-1"));
    await settle();
    const harvested = await db.lot.findUniqueOrThrow({ where: { id: lotIdOf(GTIN, "H-1") } });
    expect(harvested).toMatchObject({ status: "ACTIVE", unit: "kg" });
    expect(harvested.quantity?.toString()).toBe("500");

    await record("farm", "cooling", {
      lotId: harvested.id,
      locationGln: "9520000000016",
      coolingDate: TODAY,
      quantity: "500",
      unit: "kg",
      recipientLocationGln: "9520000000023",
      documentType: "harvestlog",
      documentNumber: "HL-77",
    });
    const packed = await record("farm", "initial_packing", {
      inputLotIds: harvested.id,
      locationGln: "9520000000016",
      quantityReceived: "500",
      unitReceived: "kg",
      productDescription: "Romaine hearts 3-pack",
      commodity: "Lettuce",
      variety: "Romaine",
      dateReceived: TODAY,
      harvestLocation: "farm site, farm road 1",
      fieldName: "North field 3",
      harvesterBusinessName: "farm org",
      harvestDate: TODAY,
      packingDate: TODAY,
      gtin: GTIN,
      lotCode: "P-1",
      quantity: "480",
      unit: "kg",
      packages: "12",
      documentType: "prodorder",
      documentNumber: "PO-1",
    }).catch((e) => e);
    // Cooling is still waiting for the ledger: one write per lot at a time.
    expect(packed).toBeInstanceOf(AppError);
    expect(packed.message).toBe(
      "Lot H-1 is already waiting for the ledger: wait until that is recorded.",
    );
    await settle();
    const events = await db.ledgerEvent.findMany({
      where: { lotId: harvested.id },
      select: { name: true },
    });
    expect(events.map((e) => e.name)).toEqual(["LotCreated", "LotEventRecorded"]);
  });

  it("commissions packages whose Merkle root is the one on the chain, and links the packed lot to its harvest", async () => {
    const harvestedId = lotIdOf(GTIN, "H-1");
    const { newLotIds } = await record("farm", "initial_packing", {
      inputLotIds: harvestedId,
      locationGln: "9520000000016",
      quantityReceived: "500",
      unitReceived: "kg",
      productDescription: "Romaine hearts 3-pack",
      commodity: "Lettuce",
      variety: "Romaine",
      dateReceived: TODAY,
      harvestLocation: "farm site, farm road 1",
      fieldName: "North field 3",
      harvesterBusinessName: "farm org",
      harvestDate: TODAY,
      packingDate: TODAY,
      gtin: GTIN,
      lotCode: "P-1",
      quantity: "480",
      unit: "kg",
      packages: "12",
      documentType: "prodorder",
      documentNumber: "PO-1",
    });
    await settle();
    const packedId = lotIdOf(GTIN, "P-1");
    expect(newLotIds).toEqual([packedId]);
    const packed = await db.lot.findUniqueOrThrow({ where: { id: packedId } });
    const serials = (await db.package.findMany({ where: { lotId: packedId } })).map(
      (p) => p.serial,
    );
    expect(serials).toHaveLength(12);
    expect(packed.serialsRoot).toBe(serialsRootOf(packedId, serials));
    expect(packed.quantity?.toString()).toBe("480");
    expect((await db.lot.findUniqueOrThrow({ where: { id: harvestedId } })).status).toBe(
      "CONSUMED",
    );
    expect(
      await db.lotLineage.findMany({
        where: { childId: packedId },
        select: { parentId: true, kind: true },
      }),
    ).toEqual([{ parentId: harvestedId, kind: "TRANSFORM" }]);

    await record("farm", "split", {
      lotId: packedId,
      locationGln: "9520000000016",
      "outputs.0.lotCode": "P-1A",
      "outputs.0.quantity": "200",
      "outputs.0.unit": "kg",
      "outputs.1.lotCode": "P-1B",
      "outputs.1.quantity": "280",
      "outputs.1.unit": "kg",
      splitDate: TODAY,
      documentType: "prodorder",
      documentNumber: "PO-2",
    });
    await settle();
    await record("farm", "merge", {
      inputLotIds: [lotIdOf(GTIN, "P-1A"), lotIdOf(GTIN, "P-1B")].join(","),
      locationGln: "9520000000016",
      lotCode: "P-1M",
      quantity: "480",
      unit: "kg",
      mergeDate: TODAY,
      documentType: "prodorder",
      documentNumber: "PO-3",
    });
    await settle();
    const mergedId = lotIdOf(GTIN, "P-1M");
    await record("farm", "transformation", {
      inputLotIds: mergedId,
      [`used.${mergedId}`]: "480",
      locationGln: "9520000000016",
      "outputs.0.gtin": "09506000134369",
      "outputs.0.lotCode": "SALAD-1",
      "outputs.0.quantity": "400",
      "outputs.0.unit": "kg",
      "outputs.0.productDescription": "Chopped salad",
      dateCompleted: TODAY,
      documentType: "prodorder",
      documentNumber: "PO-4",
    });
    await settle();
    const salad = await db.lot.findUniqueOrThrow({
      where: { id: lotIdOf("09506000134369", "SALAD-1") },
    });
    expect(salad.quantity?.toString()).toBe("400");
    const merged = await db.lotLineage.findMany({
      where: { childId: mergedId },
      orderBy: { parentId: "asc" },
    });
    expect(merged.map((link) => link.kind)).toEqual(["MERGE", "MERGE"]);
    expect(await db.ledgerTransaction.count({ where: { status: { not: "CONFIRMED" } } })).toBe(0);
  });

  it.each([
    ["harvesting", { commodity: " " }, "Enter the commodity.", "commodity"],
    [
      "harvesting",
      { gtin: "09506000134353" },
      "GTIN 09506000134353 has a wrong check digit: the last digit should be 2, not 3. Check the number on the label.",
      "gtin",
    ],
    [
      "harvesting",
      { harvestDate: "2999-01-01" },
      "The harvest date is in the future: enter the day it happened.",
      "harvestDate",
    ],
    [
      "harvesting",
      { harvestDate: "2026-02-30" },
      "The harvest date is not a date: pick it from the calendar, e.g. 2026-11-24.",
      "harvestDate",
    ],
    [
      "harvesting",
      { recipientLocationGln: "" },
      "Choose the immediate subsequent recipient from the list.",
      "recipientLocationGln",
    ],
    [
      "harvesting",
      { documentNumber: "" },
      "Enter the reference document number.",
      "documentNumber",
    ],
    [
      "harvesting",
      { locationGln: "9520000000023" },
      "Choose one of your organisation's locations.",
      "locationGln",
    ],
    [
      "harvesting",
      { lotCode: "H-1" },
      `Lot H-1 of GTIN ${GTIN} is already on the ledger: give a new batch a new lot code.`,
      "lotCode",
    ],
  ])("%s with %o is refused: %s", async (cte, overrides, message, field) => {
    expect(await refusal("farm", cte, harvest("H-BAD", overrides))).toEqual({ message, field });
  });

  it("refuses using more than a lot holds, and lots it does not hold, writing nothing", async () => {
    await record("farm", "harvesting", harvest("H-2"));
    await settle();
    const lotId = lotIdOf(GTIN, "H-2");
    const split = {
      lotId,
      locationGln: "9520000000016",
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
    expect(await refusal("farm", "split", split)).toEqual({
      message: "Lot H-2 holds 500 kg: 550 kg is more than that. Check the quantity.",
      field: "outputs.1.quantity",
    });
    expect(await refusal("farm", "split", { ...split, "outputs.1.lotCode": "H-2A" })).toEqual({
      message: "Lot H-2A appears twice: give each new lot its own code.",
      field: "outputs.1.lotCode",
    });
    expect(
      (await refusal("packer", "split", { ...split, locationGln: "9520000000023" })).message,
    ).toBe(
      "Your organisation does not hold this lot, so it cannot be split here. Check the lot code, or ask its holder.",
    );
  });

  it("refuses read-only accounts and organisation kinds that do not record the event", async () => {
    expect((await refusal("farm-viewer", "harvesting", harvest("H-3"))).message).toBe(
      "Your account is read-only: ask a colleague with staff access to record the harvest.",
    );
    expect((await refusal("carrier", "harvesting", harvest("H-3"))).message).toBe(
      "Only farms record harvest; carrier org is a carrier.",
    );
    expect((await refusal("carrier", "initial_packing", {})).message).toBe(
      "Only farms and packers record initial packing; carrier org is a carrier.",
    );
  });
});
