import { SimpleMerkleTree } from "@openzeppelin/merkle-tree";
import { AbiCoder, keccak256 } from "ethers";

/** One lot on a logistic unit, as the packing payload lists it in `kde.contents`. */
export type UnitContent = {
  lotId: string;
  gtin: string;
  lotCode: string;
  /** The lot's quantity, in its unit; empty when the ledger does not know it. */
  quantity: string;
  unit: string | null;
  /** The lot's labelled packages (cases): what the label counts and the builder adds up. */
  packageCount: number;
};

/**
 * The Merkle leaf of one content line: keccak256(keccak256(abi.encode(bytes32 lotId, string gtin,
 * string lotCode, string quantity, string unit, uint256 packageCount))), OpenZeppelin's standard
 * double hash, so a line is proven on the unit with MerkleProof.verify as a package is on its lot.
 */
export function contentLeaf(content: UnitContent): string {
  return keccak256(
    keccak256(
      AbiCoder.defaultAbiCoder().encode(
        ["bytes32", "string", "string", "string", "string", "uint256"],
        [
          content.lotId,
          content.gtin,
          content.lotCode,
          content.quantity,
          content.unit ?? "",
          content.packageCount,
        ],
      ),
    ),
  );
}

/**
 * The `contentsRoot` LotTracker.packUnit anchors: the root of the tree over the content lines as the
 * payload lists them (the library sorts the leaves, so any holder of the list gets the same root).
 */
export function contentsRootOf(contents: readonly UnitContent[]): string {
  return SimpleMerkleTree.of(contents.map(contentLeaf)).root;
}
