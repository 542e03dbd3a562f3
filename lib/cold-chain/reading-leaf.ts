import { AbiCoder, keccak256 } from "ethers";
import { merkleRoot } from "@/lib/chain/merkle";

/** One reading as it is anchored: the time to the millisecond, °C to the milli-degree, the device. */
export type AnchoredReading = { takenAt: Date; milliCelsius: number; sensorId: string | null };

/**
 * The Merkle leaf of one reading, built like a package serial's (lib/packages/serials.ts):
 * keccak256(keccak256(abi.encode(bytes32 lotId, uint64 takenAt in ms, int32 milli-°C, string sensor))),
 * an empty string standing for "no sensor id". Whole numbers only, so no rounding differs by platform.
 */
export function readingLeaf(lotId: string, reading: AnchoredReading): string {
  return keccak256(
    keccak256(
      AbiCoder.defaultAbiCoder().encode(
        ["bytes32", "uint64", "int32", "string"],
        [lotId, reading.takenAt.getTime(), reading.milliCelsius, reading.sensorId ?? ""],
      ),
    ),
  );
}

/** Time order, then sensor id: the order the leaves take, so anyone with the readings gets one root. */
export function compareReadings(a: AnchoredReading, b: AnchoredReading): number {
  const byTime = a.takenAt.getTime() - b.takenAt.getTime();
  if (byTime !== 0) return byTime;
  const [x, y] = [a.sensorId ?? "", b.sensorId ?? ""];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The root LotTracker.anchorReadings takes for a batch of readings of the lot. */
export function readingsRootOf(lotId: string, readings: readonly AnchoredReading[]): string {
  return merkleRoot([...readings].sort(compareReadings).map((r) => readingLeaf(lotId, r)));
}
