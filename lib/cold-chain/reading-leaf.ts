import { getBytes, toUtf8Bytes } from "ethers";
import { merkleLeaf, sortedMerkleRoot } from "@/lib/epcis/merkle-root";

/** One reading as it is anchored: the time to the millisecond, °C to the milli-degree, the device. */
export type AnchoredReading = { takenAt: Date; milliCelsius: number; sensorId: string | null };

/**
 * The Merkle leaf of one reading, built like a package serial's (lib/packages/serials.ts):
 * keccak256(keccak256(abi.encode(bytes32 lotId, uint64 takenAt in ms, int32 milli-°C, string sensor))),
 * an empty string standing for "no sensor id". Whole numbers only, so no rounding differs by platform.
 */
export function readingLeaf(lotId: string, reading: AnchoredReading): string {
  return `0x${merkleLeaf(encodeReading(lotId, reading)).toString("hex")}`;
}

/**
 * abi.encode(bytes32, uint64, int32, string) written straight into bytes: ethers' AbiCoder took
 * ~60 µs a reading here, most of a 10,000-reading batch's root. reading-leaf.test.ts checks that
 * both give the same bytes.
 */
export function encodeReading(lotId: string, reading: AnchoredReading): Uint8Array {
  const sensor = toUtf8Bytes(reading.sensorId ?? "");
  const bytes = new Uint8Array(160 + Math.ceil(sensor.length / 32) * 32);
  const view = new DataView(bytes.buffer);
  bytes.set(getBytes(lotId), 0);
  view.setBigUint64(56, BigInt(reading.takenAt.getTime()));
  // int32, sign-extended to a 32-byte word.
  if (reading.milliCelsius < 0) bytes.fill(0xff, 64, 92);
  view.setInt32(92, reading.milliCelsius);
  view.setUint32(124, 128); // the string's offset: after the four head words
  view.setUint32(156, sensor.length);
  bytes.set(sensor, 160);
  return bytes;
}

/**
 * The root LotTracker.anchorReadings takes for a batch of readings of the lot (and a device signs,
 * anchorDeviceReadings): OpenZeppelin's StandardMerkleTree over the leaves above, computed on bytes
 * (lib/epcis/merkle-root.ts) so that they keep their fast encoding. The leaves are sorted, so anyone
 * with the readings, in any order, gets one root; reading-leaf.test.ts pins it to
 * StandardMerkleTree.of's.
 */
export function readingsRootOf(lotId: string, readings: readonly AnchoredReading[]): string {
  return sortedMerkleRoot(readings.map((r) => merkleLeaf(encodeReading(lotId, r))));
}
