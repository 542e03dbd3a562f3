import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lotEpcClass } from "@/lib/epcis/event";
import { ssccOfEpc } from "@/lib/epcis/logistic-unit";
import { hasValidCheckDigit } from "@/lib/gs1/keys";
import { createLedgerWorld, GTIN, type LedgerWorld } from "@/tools/testing/ledger-world";
import { buildUnit } from "./build-unit";
import { contentsRootOf } from "./unit-contents";

// Issue 17, building a pallet: the packing write the outbox sends (LotTracker.packUnit with the
// EPCIS AggregationEvent ADD and the Merkle root of its contents), mined on anvil, and each refusal.

let world: LedgerWorld;

beforeAll(async () => {
  world = await createLedgerWorld();
});

afterAll(async () => {
  await world.drop();
});

const writeOf = (id: string) => world.db.ledgerTransaction.findUniqueOrThrow({ where: { id } });
const payloadOf = async (hash: string | null) =>
  (await world.db.eventPayload.findUniqueOrThrow({ where: { hash: hash ?? "" } })).body as Record<
    string,
    unknown
  > & { kde: { contents: { lotId: string; packageCount: number }[] } };

/** Two lots the farm holds, each with its labelled cases. */
async function twoLots(code: string, cases = 12): Promise<string[]> {
  const { farm } = world.members;
  return world.split(farm, await world.harvest(code), [`${code}-A`, `${code}-B`], {
    packagesEach: cases,
  });
}

describe("building a pallet", () => {
  it("queues one packUnit whose payload is an AggregationEvent ADD of the lots with their cases", async () => {
    const { farm } = world.members;
    const lotIds = await twoLots("PAL1");
    const built = await buildUnit({ db: world.db, member: farm, input: { lotIds } });
    expect(built.sscc).toMatch(/^0(950600|0614141)\d+$/);
    expect(hasValidCheckDigit(built.sscc)).toBe(true);
    const write = await writeOf(built.writeId);
    const payload = await payloadOf(write.payloadHash);
    expect(payload).toMatchObject({
      type: "AggregationEvent",
      action: "ADD",
      bizStep: "packing",
      childQuantityList: [
        { epcClass: lotEpcClass(GTIN, "PAL1-A"), quantity: 50, uom: "KGM" },
        { epcClass: lotEpcClass(GTIN, "PAL1-B"), quantity: 50, uom: "KGM" },
      ],
    });
    expect(ssccOfEpc(String(payload.parentID))).toBe(built.sscc);
    expect(payload.kde.contents.map((c) => [c.lotId, c.packageCount])).toEqual([
      [lotIds[0], 12],
      [lotIds[1], 12],
    ]);
    expect(write.method).toBe("packUnit");
    expect(write.args).toEqual([
      BigInt(built.sscc).toString(),
      lotIds,
      contentsRootOf(payload.kde.contents as never),
      write.payloadHash,
    ]);
    await world.settle();
    expect(await writeOf(built.writeId)).toMatchObject({ status: "CONFIRMED", error: null });
  });

  it("numbers each pallet with a new SSCC, with the extension digit asked for", async () => {
    const { farm } = world.members;
    const [first, second] = await twoLots("PAL2");
    const a = await buildUnit({ db: world.db, member: farm, input: { lotIds: [first] } });
    const b = await buildUnit({
      db: world.db,
      member: farm,
      input: { lotIds: [second], extensionDigit: "7" },
    });
    expect(b.sscc[0]).toBe("7");
    expect(b.sscc.slice(1, 17)).not.toBe(a.sscc.slice(1, 17));
    await world.settle();
    expect(await writeOf(b.writeId)).toMatchObject({ status: "CONFIRMED" });
  });

  it("refuses a lot already waiting on another pallet's write, and writes nothing", async () => {
    const { farm } = world.members;
    const [lotId] = await twoLots("PAL3");
    await buildUnit({ db: world.db, member: farm, input: { lotIds: [lotId] } });
    const before = await world.db.ledgerTransaction.count();
    await expect(
      buildUnit({ db: world.db, member: farm, input: { lotIds: [lotId] } }),
    ).rejects.toThrow("Lot PAL3-A is already waiting for the ledger: wait until that is recorded.");
    expect(await world.db.ledgerTransaction.count()).toBe(before);
    await world.settle();
  });

  it("refuses lots the organisation does not hold, bad input and read-only accounts in one sentence", async () => {
    const { farm, packer, retailerReadOnly } = world.members;
    const [lotId] = await twoLots("PAL4");
    await expect(
      buildUnit({ db: world.db, member: packer, input: { lotIds: [lotId] } }),
    ).rejects.toThrow(
      "Your organisation does not hold this lot, so it cannot be packed here. Check the lot code, or ask its holder.",
    );
    await expect(buildUnit({ db: world.db, member: farm, input: { lotIds: [] } })).rejects.toThrow(
      "Choose at least one lot to put on the pallet.",
    );
    await expect(
      buildUnit({ db: world.db, member: farm, input: { lotIds: [lotId, lotId] } }),
    ).rejects.toThrow("Each lot goes on the pallet once.");
    await expect(
      buildUnit({ db: world.db, member: farm, input: { lotIds: [lotId], extensionDigit: "12" } }),
    ).rejects.toThrow("The extension digit is one digit from 0 to 9, or empty for 0.");
    await expect(
      buildUnit({ db: world.db, member: retailerReadOnly, input: { lotIds: [lotId] } }),
    ).rejects.toThrow(
      "Your account is read-only: ask a colleague with staff access to build pallets.",
    );
  });
});
