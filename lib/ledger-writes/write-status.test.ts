import { describe, expect, it } from "vitest";
import { followWrites, writeIdsOf } from "./follow";
import { describeWrite, isSettled } from "./write-status";

describe("what a followed write records, in words", () => {
  it("names the lot it concerns, and a new lot by its code", () => {
    expect(describeWrite({ method: "handoff", lotCode: "RM-2611" })).toBe(
      "The shipment of lot RM-2611",
    );
    expect(describeWrite({ method: "createLot", lotCode: "RM-2611" })).toBe("Lot RM-2611");
    expect(describeWrite({ method: "liftRecall", lotCode: "RM-2611" })).toBe(
      "The lifting of the recall of lot RM-2611",
    );
  });

  it("reads well without a lot code, and for a call it does not know", () => {
    expect(describeWrite({ method: "createLot", lotCode: null })).toBe("The new lot");
    expect(describeWrite({ method: "handoffPart", lotCode: null })).toBe("The part shipped");
    expect(describeWrite({ method: "somethingNew", lotCode: null })).toBe("The entry");
  });
});

describe("a write is settled", () => {
  it("once on the ledger (mined and indexed) or refused, not when only mined", () => {
    expect(isSettled({ status: "CONFIRMED", isOnLedger: true })).toBe(true);
    expect(isSettled({ status: "FAILED", isOnLedger: false })).toBe(true);
    expect(isSettled({ status: "CONFIRMED", isOnLedger: false })).toBe(false);
    expect(isSettled({ status: "SIGNED", isOnLedger: false })).toBe(false);
  });
});

describe("the writes a page follows from its address", () => {
  it("reads one or several ids, each once, and round-trips what an action puts there", () => {
    const ids = ["cmi0abc123", "cmi0def456"];
    const query = new URLSearchParams(followWrites(ids));
    expect(writeIdsOf(query.getAll("write"))).toEqual(ids);
    expect(writeIdsOf("cmi0abc123")).toEqual(["cmi0abc123"]);
    expect(writeIdsOf(["a1", "a1"])).toEqual(["a1"]);
    expect(writeIdsOf(undefined)).toEqual([]);
  });

  it("ignores an address someone edited into anything else", () => {
    expect(writeIdsOf("x'; drop table")).toEqual([]);
    expect(writeIdsOf(Array.from({ length: 21 }, (_, i) => `w${i}`))).toEqual([]);
  });
});
