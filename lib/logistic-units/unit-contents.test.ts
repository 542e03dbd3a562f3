import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { describe, expect, it } from "vitest";
import { countWords } from "./count-words";
import { contentsRootOf, type UnitContent } from "./unit-contents";

const line = (lotCode: string, packageCount: number): UnitContent => ({
  lotId: `0x${lotCode.padStart(64, "0")}`,
  gtin: "09506000134352",
  lotCode,
  quantity: "120",
  unit: "kg",
  packageCount,
});

describe("a logistic unit's contents", () => {
  it("anchors the root OpenZeppelin's StandardMerkleTree gives for the content lines", () => {
    const contents = [line("A1", 12), line("B2", 24), line("C3", 0)];
    const types = ["bytes32", "string", "string", "string", "string", "uint256"];
    const values = contents.map((c) => [
      c.lotId,
      c.gtin,
      c.lotCode,
      c.quantity,
      c.unit ?? "",
      c.packageCount,
    ]);
    expect(contentsRootOf(contents)).toBe(StandardMerkleTree.of(values, types).root);
  });

  it("changes its root when a line's count changes", () => {
    expect(contentsRootOf([line("A1", 12)])).not.toBe(contentsRootOf([line("A1", 13)]));
  });

  it("counts lots and cases as the builder's button says them", () => {
    expect(countWords([line("A1", 12), line("B2", 24), line("C3", 12)])).toBe("3 lots, 48 cases");
    expect(countWords([line("A1", 1)])).toBe("1 lot, 1 case");
    expect(countWords([line("A1", 0)])).toBe("1 lot");
  });
});
