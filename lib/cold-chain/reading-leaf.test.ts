import { AbiCoder, getBytes, keccak256 } from "ethers";
import { describe, expect, it } from "vitest";
import { merkleProof, verifyMerkleProof } from "@/lib/chain/merkle";
import { encodeReading, readingLeaf, readingsRootOf } from "./reading-leaf";

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

describe("a reading's Merkle leaf", () => {
  it("encodes exactly as abi.encode(bytes32, uint64, int32, string)", () => {
    for (const r of readings) {
      const expected = AbiCoder.defaultAbiCoder().encode(
        ["bytes32", "uint64", "int32", "string"],
        [lotId, r.takenAt.getTime(), r.milliCelsius, r.sensorId ?? ""],
      );
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

  it("proves one reading with OpenZeppelin's MerkleProof rules", () => {
    const leaves = readings.map((r) => readingLeaf(lotId, r));
    const root = readingsRootOf(lotId, readings);
    expect(verifyMerkleProof(root, leaves[2] as string, merkleProof(leaves, 2))).toBe(true);
  });
});
