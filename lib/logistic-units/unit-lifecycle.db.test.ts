import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLotDetail } from "@/lib/lots/get-lot-detail";
import { getRecallScope } from "@/lib/trace";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { buildUnit } from "./build-unit";
import { findPackableLots } from "./find-packable-lots";
import { getUnit } from "./get-unit";
import { listUnits } from "./list-units";
import { unpackUnit } from "./unpack-unit";

// Issue 17, a pallet's life on the real stack (outbox → anvil → indexer → read model): built by the
// farm, seen only by those who may, listed, on the lots' trails, in a recall's scope, taken apart.

let world: LedgerWorld;
let lotIds: string[];
let sscc: string;

beforeAll(async () => {
  world = await createLedgerWorld();
  const { farm } = world.members;
  lotIds = await world.split(farm, await world.harvest("LIFE"), ["LIFE-A", "LIFE-B"], {
    packagesEach: 24,
  });
  const built = await buildUnit({ db: world.db, member: farm, input: { lotIds } });
  sscc = built.sscc;
});

afterAll(async () => {
  await world.drop();
});

describe("a pallet's life", () => {
  it("is being packed until the ledger has it, then on the ledger, and offered no more to the builder", async () => {
    const { farm } = world.members;
    expect(await getUnit({ db: world.db, member: farm, sscc })).toMatchObject({
      status: "BEING_PACKED",
      isPacker: true,
    });
    await world.settle();
    const unit = await getUnit({ db: world.db, member: farm, sscc });
    expect(unit).toMatchObject({
      status: "ON_LEDGER",
      whereNow: "Held by Test farm",
      canTakeApart: true,
    });
    expect(unit?.lines.map((line) => [line.lotCode, line.packageCount])).toEqual([
      ["LIFE-A", 24],
      ["LIFE-B", 24],
    ]);
    const offered = (await findPackableLots({ db: world.db, member: farm })).map((lot) => lot.id);
    expect(offered).not.toContain(lotIds[0]);
    expect((await listUnits({ db: world.db, member: farm })).map((u) => u.sscc)).toEqual([sscc]);
  });

  it("refuses to pack a lot that is on a packed pallet, naming the pallet", async () => {
    const { farm } = world.members;
    await expect(
      buildUnit({ db: world.db, member: farm, input: { lotIds: [lotIds[1]] } }),
    ).rejects.toThrow(
      `Lot LIFE-B is on pallet ${sscc}: take that pallet apart before packing the lot again.`,
    );
  });

  it("is a 404 for a stranger: an organisation that never saw its lots", async () => {
    expect(await getUnit({ db: world.db, member: world.members.retailer, sscc })).toBeNull();
  });

  it("puts the pallet on each lot's trail", async () => {
    const lot = await getLotDetail({
      db: world.db,
      member: world.members.farm,
      lotId: lotIds[0] ?? "",
    });
    const packed = lot?.trail.find((entry) => entry.name === "LogisticUnitPacked");
    expect(packed).toMatchObject({
      description: "Packed on a pallet by Test farm",
      isVerified: true,
      travel: { sscc, shipment: null },
    });
  });

  it("lists the packed pallet in the scope of a recall of its lot's source", async () => {
    const harvest = (await world.db.lot.findFirstOrThrow({ where: { lotCode: "LIFE" } })).id;
    const scope = await getRecallScope({ db: world.db, lotId: harvest });
    expect(scope?.carriers.units).toEqual([
      { sscc, lotIds, isPacked: true, whereNow: "Held by Test farm" },
    ]);
  });

  it("is taken apart only by the holder of every lot, with exactly the packed lots", async () => {
    const { farm, packer } = world.members;
    await expect(unpackUnit({ db: world.db, member: packer, sscc })).rejects.toThrow(
      `Only the holder of every lot on pallet ${sscc} can take it apart; Test packer does not hold lot LIFE-A.`,
    );
    const { writeId } = await unpackUnit({ db: world.db, member: farm, sscc });
    const write = await world.db.ledgerTransaction.findUniqueOrThrow({ where: { id: writeId } });
    expect(write.args).toEqual([BigInt(sscc).toString(), lotIds, write.payloadHash]);
    const payload = await world.db.eventPayload.findUniqueOrThrow({
      where: { hash: write.payloadHash ?? "" },
    });
    expect(payload.body).toMatchObject({ type: "AggregationEvent", action: "DELETE" });
    await world.settle();
    expect(await getUnit({ db: world.db, member: farm, sscc })).toMatchObject({
      status: "TAKEN_APART",
      canTakeApart: false,
    });
    await expect(unpackUnit({ db: world.db, member: farm, sscc })).rejects.toThrow(
      `Pallet ${sscc} has already been taken apart.`,
    );
    const offered = (await findPackableLots({ db: world.db, member: farm })).map((lot) => lot.id);
    expect(offered).toEqual(expect.arrayContaining(lotIds));
  });
});
