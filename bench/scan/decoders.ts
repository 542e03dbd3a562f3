import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import {
  BinaryBitmap,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from "@zxing/library";
import { decodePhotoPixels } from "@/lib/scan/decode-photo-pixels";
import { photoOf, type Rgba, toGrey } from "@/lib/scan/photo-pixels";
import { labelHints, readPhotoWithZxingJs } from "@/lib/scan/zxing-js-photo";
import { readPhotoWithZxingWasm, type ZxingWasmSource } from "@/lib/scan/zxing-wasm-photo";

/** A photo as each decoder takes it: pixels in Node, a URL on the Chromium bench page. */
export interface BenchPhoto {
  pixels: Rgba;
  url: string;
}

export type Decoder = (photo: BenchPhoto) => Promise<{ text: string | null; ms: number }>;

/** The .wasm the browser fetches from /decoders/zxing-reader.wasm, read from the same package. */
export async function zxingWasmBytes(): Promise<ZxingWasmSource> {
  const wasmFile = createRequire(import.meta.url).resolve("zxing-wasm/reader/zxing_reader.wasm");
  const file = await readFile(wasmFile);
  return {
    bytes: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
  };
}

/**
 * The decoders compared in Node, on the same RGBA pixels: zxing-js as the scan page used it before
 * (one hybrid pass with TRY_HARDER), zxing-js with the photo strategy (scales, two binarizers),
 * zxing-wasm with its retries, and what ships (zxing-wasm, then zxing-js).
 */
export async function nodeDecoders(): Promise<Record<string, Decoder>> {
  const wasm = await zxingWasmBytes();
  const timed =
    (decode: (pixels: Rgba) => Promise<string | null> | string | null): Decoder =>
    async ({ pixels }) => {
      const started = performance.now();
      const text = await decode(pixels);
      return { text, ms: performance.now() - started };
    };
  return {
    "zxing-js, one pass": timed(readOnePass),
    "zxing-js, photo strategy": timed((pixels) => readPhotoWithZxingJs(photoOf(pixels))),
    "zxing-wasm": timed((pixels) => readPhotoWithZxingWasm(photoOf(pixels), wasm)),
    shipped: timed(async (pixels) => (await decodePhotoPixels(pixels, wasm))?.text ?? null),
  };
}

function readOnePass(photo: Rgba): string | null {
  const { grey, width, height } = toGrey(photo);
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(grey, width, height)));
  try {
    return new MultiFormatReader().decode(bitmap, labelHints({ tryHarder: true })).getText();
  } catch {
    return null;
  }
}
