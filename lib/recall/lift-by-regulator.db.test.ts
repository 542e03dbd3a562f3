import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { countRows } from "@/tools/testing/database-text";
import { createLedgerWorld, type LedgerWorld, MASTER_KEY } from "@/tools/testing/ledger-world";
import { findRecallOf } from "./in-force";
import { liftRecall } from "./lift";
import { deliverDueNotifications } from "./notifications/deliver";
import { startRecall } from "./start";
import { liftInput, recallInput } from "./terms";
import { getRecall } from "./view";

const APP_URL = "https://lotledger.test";

let ledger: LedgerWorld;
/** A harvest lot the farm shipped to the retailer, recalled by the retailer. */
let lotId = "";
let recallId = "";

const lift = async (member: Member, reason: string) =>
  liftRecall({
    db: ledger.db,
    member,
    recallId,
    input: parseInput(liftInput, { reason }),
    appUrl: APP_URL,
  });

beforeAll(async () => {
  ledger = await createLedgerWorld();
  lotId = await ledger.harvest("HARVEST-2");
  await ledger.ship(ledger.members.farm, lotId, ledger.members.retailer);
  ({ recallId } = await startRecall({
    db: ledger.db,
    member: ledger.members.retailer,
    lotId,
    input: parseInput(recallInput, {
      reason: "Listeria in a retained sample",
      severity: "CLASS_II",
    }),
    appUrl: APP_URL,
  }));
});

afterAll(async () => {
  await ledger.drop();
});

describe("a regulator lifting a retailer's recall", () => {
  it("is refused, writing nothing, while the ledger has not recorded the recall", async () => {
    const tables = ["LedgerTransaction", "EventPayload", "Notification"];
    const before = await countRows(ledger.db, tables);
    const error = await lift(ledger.members.regulator, "Clean").catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(
      "This recall of lot HARVEST-2 is still waiting for the ledger: lift it once it is recorded.",
    );
    expect(await countRows(ledger.db, tables)).toEqual(before);
    await ledger.settle();
  });

  it("may lift a retailer's recall; the ledger refusing a lift leaves the recall in force", async () => {
    const { db, members } = ledger;
    const view = await getRecall({ db, member: members.regulator, recallId });
    expect(view?.canLift).toBe(true);
    // The retailer loses its role: the ledger refuses its lift, and the recall stands.
    await ledger.revokeRole(members.retailer);
    await lift(members.retailer, "Wrong batch");
    await ledger.settle();
    const refused = await getRecall({ db, member: members.regulator, recallId });
    expect(refused?.lift?.status).toBe("FAILED");
    expect(refused?.canLift).toBe(true);
    await deliverDueNotifications({ db, masterKey: MASTER_KEY, log: () => {} });
    const cancelled = await db.notification.findMany({
      where: { recallId, status: "CANCELLED" },
    });
    // The retailer's and the farm's (it shipped the harvest to the retailer) lift notices.
    expect(cancelled.map((n) => n.lastError)).toEqual([
      "The ledger refused to lift the recall.",
      "The ledger refused to lift the recall.",
    ]);
    expect((await findRecallOf({ db, lotId }))?.id).toBe(recallId);
    await lift(members.regulator, "Tests on the batch came back clean");
    await ledger.settle();
    expect(await db.lot.findUniqueOrThrow({ where: { id: lotId } })).toMatchObject({
      status: "ACTIVE",
    });
    expect(await findRecallOf({ db, lotId })).toBeNull();
    const lifted = await getRecall({ db, member: members.regulator, recallId });
    expect(lifted?.lift).toMatchObject({
      status: "CONFIRMED",
      reason: "Tests on the batch came back clean",
    });
  });
});
