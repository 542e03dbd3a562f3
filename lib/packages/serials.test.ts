import { describe, expect, it } from "vitest";
import { lotIdOf } from "@/lib/chain/lot-id";
import { generateSerials, isSerialInLot, serialProofOf, serialsRootOf } from "./serials";

const lotId = lotIdOf("09520123456788", "L-1");

describe("package serials", () => {
  it("are distinct, random, 10 unambiguous characters", () => {
    const serials = generateSerials(500);
    expect(new Set(serials).size).toBe(500);
    for (const serial of serials) expect(serial).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    expect(generateSerials(500)).not.toEqual(serials);
  });

  it("refuses counts outside 1 to 10,000 with the sentence a user sees", () => {
    for (const count of [0, -1, 1.5, 10_001]) {
      expect(() => generateSerials(count)).toThrow(
        "Packages must be a whole number from 1 to 10000.",
      );
    }
  });

  it("prove membership of every package of the lot, and of nothing else", {
    timeout: 20_000,
  }, () => {
    for (const count of [1, 2, 3, 7, 33]) {
      const serials = generateSerials(count);
      const root = serialsRootOf(lotId, serials);
      for (const serial of serials) {
        const proof = serialProofOf(lotId, serials, serial);
        expect(proof).not.toBeNull();
        expect(isSerialInLot(lotId, root, serial, proof ?? [])).toBe(true);
        // The same serial under another lot's id, or a proof for a neighbour, does not verify.
        expect(isSerialInLot(lotIdOf("09520123456788", "L-2"), root, serial, proof ?? [])).toBe(
          false,
        );
      }
      expect(serialProofOf(lotId, serials, "NOTINLOT22")).toBeNull();
      if (count > 1) {
        const [first, second] = serials as [string, string];
        expect(isSerialInLot(lotId, root, second, serialProofOf(lotId, serials, first) ?? [])).toBe(
          false,
        );
      }
    }
  });

  it("give the same root whatever the order of the list", () => {
    const serials = generateSerials(9);
    expect(serialsRootOf(lotId, [...serials].reverse())).toBe(serialsRootOf(lotId, serials));
  });
});
