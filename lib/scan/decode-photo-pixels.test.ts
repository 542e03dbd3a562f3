import { beforeAll, describe, expect, it } from "vitest";
import { zxingWasmBytes } from "@/bench/scan/decoders";
import { type DegradedLabel, degradedLabels } from "@/bench/scan/degraded-labels";
import { rgbaOf } from "@/bench/scan/photo-folders";
import { parseScanData } from "@/lib/gs1/scan-data";
import { decodePhotoPixels } from "./decode-photo-pixels";
import { photoOf, type Rgba } from "./photo-pixels";
import { readPhotoWithZxingJs } from "./zxing-js-photo";
import type { ZxingWasmSource } from "./zxing-wasm-photo";

// The app's own labels photographed badly (bench/scan/degraded-labels.ts, seeded): a handful the
// shipped strategy must read, 12-MP ones included. How fast is the bench's business (bench/scan.ts).
const READ = [
  "tilt-gs1-128-1",
  "blur-gs1-128-1",
  "glare-qr-1",
  "noise-gs1-datamatrix-1",
  "12-mp-qr-1",
  "12-mp-gs1-128-1",
];

let labels: Map<string, DegradedLabel>;
let wasm: ZxingWasmSource;

beforeAll(async () => {
  labels = new Map((await degradedLabels({ perKind: 1 })).map((label) => [label.name, label]));
  wasm = await zxingWasmBytes();
});

async function labelPhoto(name: string): Promise<{ label: DegradedLabel; pixels: Rgba }> {
  const label = labels.get(name);
  if (!label) throw new Error(`No degraded label ${name}`);
  return { label, pixels: await rgbaOf(label.jpeg) };
}

// A 12-MP photo is read in about a second on a laptop; two cores shared with a whole test run may
// take several times that, and reading it at all is what is tested here.
describe("decodePhotoPixels", { timeout: 30_000 }, () => {
  it.each(READ)("reads %s with the label's AIs", async (name) => {
    const { label, pixels } = await labelPhoto(name);
    const read = await decodePhotoPixels(pixels, wasm);
    expect(read?.decoder).toBe("zxing-wasm");
    expect(Object.fromEntries(parseScanData(read?.text ?? "").ais)).toEqual(label.ais);
  });

  it("puts the GS1-128's symbology identifier in front, so its element strings are read as such", async () => {
    const { label, pixels } = await labelPhoto("jpeg-gs1-128-1");
    const read = await decodePhotoPixels(pixels, wasm);
    expect(read?.text).toBe(`]C101${label.ais["01"]}10${label.ais["10"]}`);
  });

  it("answers null for a 12-MP photo without a barcode", async () => {
    const blank = {
      data: new Uint8ClampedArray(4000 * 3000 * 4).fill(128),
      width: 4000,
      height: 3000,
    };
    expect(await decodePhotoPixels(blank, wasm)).toBeNull();
  });
});

describe("readPhotoWithZxingJs, the fallback where WebAssembly can't load", () => {
  it("reads a tilted QR label", async () => {
    const { label, pixels } = await labelPhoto("tilt-qr-1");
    expect(
      Object.fromEntries(parseScanData(readPhotoWithZxingJs(photoOf(pixels)) ?? "").ais),
    ).toEqual(label.ais);
  });
});
