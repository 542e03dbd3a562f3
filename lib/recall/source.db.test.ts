import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { extendRecall } from "./extend";
import { findRecallsMadeFrom } from "./links";
import { findRecalls } from "./list";
import type { RecallNoticeMessage } from "./notifications/queue";
import { startRecall } from "./start";
import { extendInput, recallInput } from "./terms";
import { getRecall } from "./view";

// Issue 14, finding 3: after a Class I recall of a packed lot, the farm that grew and packed it read
// "No recalls concern your organisation", its harvest lot said only "Used up", the scope listed only
// the current holder, and the carrier was not told either.

const APP_URL = "https://lotledger.test";
const REASON = "Listeria monocytogenes in a retained sample";
let ledger: LedgerWorld;
/** The farm's harvest H, packed by the farm into PACKED (and SIBLING, kept); PACKED went by the carrier to the retailer. */
const lots = { h: "", packed: "", sibling: "" };
let recallId = "";

const extend = (member = ledger.members.farm) =>
  extendRecall({
    db: ledger.db,
    member,
    recallId,
    input: parseInput(extendInput, { reason: `Source of PACKED: ${REASON}`, severity: "CLASS_I" }),
    appUrl: APP_URL,
  });

beforeAll(async () => {
  ledger = await createLedgerWorld();
  const { farm, carrier, retailer } = ledger.members;
  lots.h = await ledger.harvest("HARVEST-H");
  [lots.packed = "", lots.sibling = ""] = await ledger.split(farm, lots.h, ["PACKED", "SIBLING"]);
  await ledger.ship(farm, lots.packed, carrier);
  await ledger.ship(carrier, lots.packed, retailer);
  ({ recallId } = await startRecall({
    db: ledger.db,
    member: retailer,
    lotId: lots.packed,
    input: parseInput(recallInput, { reason: REASON, severity: "CLASS_I" }),
    appUrl: APP_URL,
  }));
  await ledger.settle();
});

afterAll(async () => {
  await ledger.drop();
});

describe("a retailer's recall of a packed lot", () => {
  it("concerns the store that holds it, the carrier that carried it and the farm that grew and packed it", async () => {
    const { db, members } = ledger;
    const rows = await db.recallAcknowledgement.findMany({ where: { recallId } });
    const concernOf = (id: string) => rows.find((r) => r.organizationId === id)?.concern;
    expect(
      [members.retailer, members.carrier, members.farm].map((m) => concernOf(m.organization.id)),
    ).toEqual(["HOLDS_STOCK", "HELD_STOCK", "HELD_STOCK"]);
    expect(rows).toHaveLength(3);
    const notices = await db.notification.findMany({ where: { recallId } });
    const noticeTo = (id: string) =>
      notices.find((n) => n.organizationId === id)?.payload as RecallNoticeMessage;
    expect(noticeTo(members.carrier.organization.id).affectedLots).toEqual([
      { gtin: expect.any(String), lotCode: "PACKED", status: "ACTIVE" },
    ]);
    const farmNotice = noticeTo(members.farm.organization.id);
    expect(farmNotice.affectedLots.map((l) => [l.lotCode, l.isSource ?? false]).sort()).toEqual([
      ["HARVEST-H", true],
      ["PACKED", false],
    ]);
    expect(farmNotice.text).toContain("Lot PACKED was made from your lot HARVEST-H (GTIN");
  });

  it("is listed for the farm and the carrier, and the farm sees its harvest flagged as the source", async () => {
    const { db, members } = ledger;
    for (const member of [members.farm, members.carrier]) {
      const listed = await findRecalls({ db, member });
      expect(listed.map((r) => [r.lotCode, r.concern])).toEqual([["PACKED", "HELD_STOCK"]]);
    }
    const view = await getRecall({ db, member: members.farm, recallId });
    expect(view?.links.sourceLots).toMatchObject([
      { id: lots.h, lotCode: "HARVEST-H", status: "CONSUMED", recallId: null },
    ]);
    expect(await findRecallsMadeFrom({ db, member: members.farm, lotId: lots.h })).toEqual([
      { recallId, lotCode: "PACKED" },
    ]);
    const carrierView = await getRecall({ db, member: members.carrier, recallId });
    expect(carrierView?.links.sourceLots).toEqual([]);
  });

  it("is extended by the farm to its harvest in one step: a linked recall with its own scope and ledger write", async () => {
    const { db, members } = ledger;
    const { recallIds, writeIds } = await extend();
    expect(recallIds).toHaveLength(1);
    const linked = await db.recall.findUniqueOrThrow({
      where: { id: recallIds[0] },
      include: { acknowledgements: true },
    });
    expect(linked).toMatchObject({
      lotId: lots.h,
      lotCode: "HARVEST-H",
      severity: "CLASS_I",
      linkedFromRecallId: recallId,
      initiatedByOrganizationId: members.farm.organization.id,
      ledgerTransactionId: writeIds[0],
    });
    const write = await db.ledgerTransaction.findUniqueOrThrow({ where: { id: writeIds[0] } });
    expect(write).toMatchObject({ method: "recall", args: [lots.h, linked.payloadHash] });
    // Its own scope: the sibling batch the farm still holds is in it now.
    const farmRow = linked.acknowledgements.find(
      (a) => a.organizationId === members.farm.organization.id,
    );
    expect(farmRow?.concern).toBe("HOLDS_STOCK");
    await ledger.settle();
    const parent = await getRecall({ db, member: members.retailer, recallId });
    expect(parent?.links.extensions).toEqual([{ id: linked.id, lotCode: "HARVEST-H" }]);
    const child = await getRecall({ db, member: members.farm, recallId: linked.id });
    expect(child?.links.linkedFrom).toEqual({ id: recallId, lotCode: "PACKED" });
    expect(child?.scope.lots.map((l) => l.lotCode).sort()).toEqual([
      "HARVEST-H",
      "PACKED",
      "SIBLING",
    ]);
    const again = await getRecall({ db, member: members.farm, recallId });
    expect(again?.links.sourceLots[0]?.recallId).toBe(linked.id);
  });

  it("is not extended twice, nor by an organisation that produced none of its sources", async () => {
    const { members } = ledger;
    const refused = async (run: () => Promise<unknown>) =>
      ((await run().catch((e: unknown) => e)) as AppError).message;
    expect(await refused(() => extend())).toBe(
      "Every lot of Test farm that lot PACKED was made from is already recalled, or not one of them: reload the recall's page.",
    );
    expect(await refused(() => extend(members.retailer))).toBe(
      "Lot PACKED was made from no lot of Test retailer: there is nothing to extend the recall to.",
    );
  });
});
