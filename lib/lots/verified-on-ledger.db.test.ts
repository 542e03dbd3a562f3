import { encodeBytes32String, ZeroHash } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { handOffLot } from "@/lib/events/shipping";
import { getProvenance } from "@/lib/provenance/get-provenance";
import { startRecall } from "@/lib/recall";
import { getFsmaSpreadsheet } from "@/lib/trace";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { TEST_GTIN as GTIN } from "@/tools/testing/lot-steps";
import { getLotDetail } from "./get-lot-detail";
import { findLotsHeldBy } from "./get-lots";

// "Verified on the ledger" binds a payload to its event (issue 13, finding 5): a payload hash is
// public once on the chain, so another organisation could anchor it to a lot of its own, or to its
// own event on the same lot, and have the victim's field and date shown as verified there. Here it
// does so with its own key, straight to the contract, as any client of LotTracker could.

let world: LedgerWorld;
const verdicts = async (lotId: string) =>
  (await getLotDetail({ db: world.db, member: world.members.regulator, lotId }))?.trail.map((e) => [
    e.name,
    e.isVerified,
  ]);
const fsmaVerdicts = async (lotId: string) =>
  (await getFsmaSpreadsheet({ db: world.db, lotId }))?.rows.map((r) => [r.cte, r.verified]);

beforeAll(async () => {
  world = await createLedgerWorld();
});

afterAll(async () => {
  await world.drop();
});

describe("a payload verified on the ledger", () => {
  it("is not verified on another organisation's lot that anchors its hash", async () => {
    const { packer } = world.members;
    const field = await world.harvest("V-FIELD");
    const { payloadHash } = await world.db.lot.findUniqueOrThrow({ where: { id: field } });
    await world.sendAs(packer, (lotTracker) =>
      lotTracker.createLot(BigInt(GTIN), encodeLotCode("V-COPY"), payloadHash as string, ZeroHash),
    );
    const copy = lotIdOf(GTIN, "V-COPY");
    expect(await verdicts(field)).toEqual([["LotCreated", true]]);
    expect(await verdicts(copy)).toEqual([["LotCreated", false]]);
    const held = await findLotsHeldBy({
      db: world.db,
      custodian: packer.organization.chainAddress,
    });
    expect(held.find((lot) => lot.id === copy)?.isVerified).toBe(false);
    expect(await fsmaVerdicts(copy)).toEqual([["Harvesting", "no: record of another lot"]]);
    // The public page tells the copy's creation from the packer's own site and the ledger's time,
    // not from the farm's field and harvest date.
    const [farmStep] = (await getProvenance({ db: world.db, lotId: field }))?.steps ?? [];
    const [copyStep] = (await getProvenance({ db: world.db, lotId: copy }))?.steps ?? [];
    expect(farmStep).toMatchObject({ isVerified: true, isWhenFromPayload: true });
    expect(copyStep).toMatchObject({ isVerified: false, isWhenFromPayload: false });
    expect(copyStep?.where?.organization).toBe(packer.organization.name);
  });

  it("is not verified on an event of the same lot that another organisation signed", async () => {
    const { farm, packer } = world.members;
    const lotId = await world.harvest("V-SHIPPED");
    await handOffLot({
      db: world.db,
      member: farm,
      lotId,
      input: { recipientGln: packer.organization.gln },
    });
    await world.settle();
    const shipment = await world.db.ledgerEvent.findFirstOrThrow({
      where: { lotId, name: "LotHandedOff" },
    });
    // The packer acknowledges receipt with the farm's shipping record instead of its own.
    await world.sendAs(packer, (lotTracker) =>
      lotTracker.acceptHandoff(lotId, shipment.payloadHash as string),
    );
    expect(await verdicts(lotId)).toEqual([
      ["LotCreated", true],
      ["LotHandedOff", true],
      ["LotHandoffAccepted", false],
    ]);
    expect((await fsmaVerdicts(lotId))?.at(-1)).toEqual([
      "Shipping",
      "no: recorded by another organisation",
    ]);
  });

  it("is verified for the receipts and recall notices LotLedger writes, on their own lot only", async () => {
    const { farm, retailer, packer } = world.members;
    const lotId = await world.harvest("V-OWN");
    await world.ship(farm, lotId, retailer);
    await startRecall({
      db: world.db,
      member: retailer,
      lotId,
      input: { reason: "Listeria found in a retained sample.", severity: "CLASS_I" },
      appUrl: "https://lotledger.example",
    });
    await world.settle();
    expect(await verdicts(lotId)).toEqual([
      ["LotCreated", true],
      ["LotHandedOff", true],
      ["LotHandoffAccepted", true],
      ["LotRecalled", true],
    ]);
    // The recall notice of this lot, anchored by the packer as an event of its own lot: not verified.
    const recall = await world.db.ledgerEvent.findFirstOrThrow({
      where: { lotId, name: "LotRecalled" },
    });
    const own = await world.harvest("V-OTHER");
    await world.ship(farm, own, packer);
    await world.sendAs(packer, (lotTracker) =>
      lotTracker.recordEvent(own, encodeBytes32String("inspection"), recall.payloadHash as string),
    );
    expect((await verdicts(own))?.at(-1)).toEqual(["LotEventRecorded", false]);
  });
});
