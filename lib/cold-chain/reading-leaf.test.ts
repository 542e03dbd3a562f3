import { SimpleMerkleTree, StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { AbiCoder, getBytes, keccak256 } from "ethers";
import { describe, expect, it } from "vitest";
import { type AnchoredReading, encodeReading, readingLeaf, readingsRootOf } from "./reading-leaf";

const lotId = keccak256("0x01");
const readings = [
  { takenAt: new Date("2026-11-24T06:00:00Z"), milliCelsius: 3500, sensorId: "TRUCK-7" },
  { takenAt: new Date("2026-11-24T06:10:00.250Z"), milliCelsius: -18_250, sensorId: null },
  {
    takenAt: new Date("2026-11-24T06:20:00Z"),
    milliCelsius: -1,
    sensorId: "Kühlraum 2 — a sensor id longer than thirty-two bytes",
  },
  { takenAt: new Date("2026-11-24T06:30:00Z"), milliCelsius: 60_000, sensorId: "" },
];

/** A reading as StandardMerkleTree takes it, with the types of its leaf. */
const LEAF_TYPES = ["bytes32", "uint64", "int32", "string"];
const leafValue = (r: AnchoredReading) => [
  lotId,
  r.takenAt.getTime(),
  r.milliCelsius,
  r.sensorId ?? "",
];

describe("a reading's Merkle leaf", () => {
  it("encodes exactly as abi.encode(bytes32, uint64, int32, string)", () => {
    for (const r of readings) {
      const expected = AbiCoder.defaultAbiCoder().encode(LEAF_TYPES, leafValue(r));
      expect(encodeReading(lotId, r)).toEqual(getBytes(expected));
    }
  });

  it("gives one root whatever the order, and a changed reading another", () => {
    const root = readingsRootOf(lotId, readings);
    expect(readingsRootOf(lotId, [...readings].reverse())).toBe(root);
    const warmer = readings.map((r, i) => (i === 1 ? { ...r, milliCelsius: -18_249 } : r));
    expect(readingsRootOf(lotId, warmer)).not.toBe(root);
    expect(readingsRootOf(keccak256("0x02"), readings)).not.toBe(root);
  });

  it("gives the root of @openzeppelin/merkle-tree's StandardMerkleTree over the readings", () => {
    const root = readingsRootOf(lotId, readings);
    // Computed by the library for these four readings: a change of tree or leaf shows here.
    expect(root).toBe("0xe7dc2910b1c7a476ddaf1cafce89a35a95dcfc6b57fdc39e09126c8c3dd40165");
    expect(StandardMerkleTree.of(readings.map(leafValue), LEAF_TYPES).root).toBe(root);
  });

  it("proves one reading as OpenZeppelin's MerkleProof.verify checks it", () => {
    const root = readingsRootOf(lotId, readings);
    const proof = StandardMerkleTree.of(readings.map(leafValue), LEAF_TYPES).getProof(2);
    expect(
      SimpleMerkleTree.verify(root, readingLeaf(lotId, readings[2] as AnchoredReading), proof),
    ).toBe(true);
    expect(
      SimpleMerkleTree.verify(root, readingLeaf(lotId, readings[1] as AnchoredReading), proof),
    ).toBe(false);
  });
});
