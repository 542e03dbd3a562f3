import { describe, expect, it } from "vitest";
import {
  describeAction,
  newQueueItem,
  outcomeOf,
  refusedItems,
  requestOf,
  sentItems,
  waitingItems,
} from "./queue";

const receive = { kind: "receive", lotId: "0xab", lotCode: "L-1", product: "Romaine" } as const;
const removal = {
  kind: "remove",
  recallId: "rc1",
  lotId: "0xcd",
  lotCode: "R-9",
  serial: "S7",
} as const;

describe("the offline queue", () => {
  it("turns each action into its API request", () => {
    expect(requestOf(receive)).toEqual({
      url: "/api/lots/0xab/receipts",
      body: { decision: "accept" },
    });
    expect(requestOf(removal)).toEqual({
      url: "/api/recalls/rc1/removals",
      body: { lotId: "0xcd", serial: "S7" },
    });
  });

  it("names each action as its button did", () => {
    expect(describeAction(receive)).toBe("Accept lot L-1 (Romaine)");
    expect(describeAction(removal)).toBe("Mark package S7 of lot R-9 removed");
  });

  it("drops a sent action, keeps a refused one with its sentence, retries the rest later", () => {
    expect(outcomeOf(202, { writeId: "w1", lotId: "0xab", status: "PENDING" })).toEqual({
      kind: "sent",
      writeId: "w1",
    });
    expect(outcomeOf(201, { serial: "S7", wasAlreadyRemoved: true })).toEqual({
      kind: "sent",
      writeId: null,
    });
    expect(outcomeOf(409, { code: "CONFLICT", error: "Lot L-1 was recalled." })).toEqual({
      kind: "refused",
      sentence: "Lot L-1 was recalled.",
    });
    expect(outcomeOf(403, { error: { code: "FORBIDDEN", message: "Read-only." } })).toEqual({
      kind: "refused",
      sentence: "Read-only.",
    });
    expect(outcomeOf(400, null)).toEqual({
      kind: "refused",
      sentence:
        "LotLedger refused this action without saying why: open the lot to see where it stands.",
    });
    for (const status of [401, 429, 500, 503]) {
      expect(outcomeOf(status, { error: "later" })).toEqual({ kind: "unsent" });
    }
  });

  it("sends the user's waiting actions oldest first, never another person's", () => {
    const at = (key: string, time: string, userId = "u1") =>
      newQueueItem(receive, { key, userId, now: new Date(`2026-12-02T${time}Z`) });
    const later = at("k2", "10:00:02");
    const first = at("k1", "10:00:01");
    const refused = { ...at("k0", "09:00:00"), refusal: "No." };
    const colleagues = at("k3", "08:00:00", "u2");
    const sent = { ...at("k4", "07:00:00"), writeId: "w4" };
    const items = [later, refused, colleagues, first, sent];
    expect(waitingItems(items, "u1").map((item) => item.key)).toEqual(["k1", "k2"]);
    expect(sentItems(items, "u1").map((item) => item.key)).toEqual(["k4"]);
    expect(refusedItems(items, "u1").map((item) => item.key)).toEqual(["k0"]);
    expect(waitingItems(items, "u2").map((item) => item.key)).toEqual(["k3"]);
  });
});
