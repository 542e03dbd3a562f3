import { describe, expect, it } from "vitest";
import { ledgerStateOf } from "./follow-ledger";

describe("ledgerStateOf", () => {
  it("is on the ledger once recorded and indexed, pending before", () => {
    expect(ledgerStateOf({ status: "CONFIRMED", isOnLedger: true })).toBe("on-ledger");
    expect(ledgerStateOf({ status: "CONFIRMED", isOnLedger: false })).toBe("pending");
    expect(ledgerStateOf({ status: "SIGNED" })).toBe("pending");
    // A server that does not say isOnLedger yet: a confirmed write counts.
    expect(ledgerStateOf({ status: "CONFIRMED" })).toBe("on-ledger");
    expect(ledgerStateOf(null)).toBe("pending");
  });

  it("brings the ledger's reason back for a failed write", () => {
    expect(
      ledgerStateOf({ status: "FAILED", error: "The lot was recalled on the ledger." }),
    ).toEqual({
      failed: "The lot was recalled on the ledger.",
    });
    expect(ledgerStateOf({ status: "FAILED", error: null })).toEqual({
      failed: "The ledger refused this action: open the lot to see where it stands.",
    });
  });
});
