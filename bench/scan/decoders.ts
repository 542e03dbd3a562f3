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

export type Decoder = (photo: Rgba) => Promise<string | null>;

/** The .wasm the browser fetches from /decoders/zxing-reader.wasm, read from the same package. */
export async function zxingWasmBytes(): Promise<ZxingWasmSource> {
  const file = await readFile(
    createRequire(import.meta.url).resolve("zxing-wasm/reader/zxing_reader.wasm"),
  );
  return {
    bytes: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
  };
}

/**
 * The decoders compared, on the same RGBA pixels: zxing-js as the scan page used it before (one
 * hybrid pass with TRY_HARDER), zxing-js with the photo strategy (scales, two binarizers),
 * zxing-wasm alone, and what ships (zxing-wasm, then zxing-js).
 */
export async function benchDecoders(): Promise<Record<string, Decoder>> {
  const wasm = await zxingWasmBytes();
  return {
    "zxing-js, one pass": async (photo) => readOnePass(photo),
    "zxing-js, photo strategy": async (photo) => readPhotoWithZxingJs(photoOf(photo)),
    "zxing-wasm": (photo) => readPhotoWithZxingWasm(photoOf(photo), wasm),
    shipped: async (photo) => (await decodePhotoPixels(photo, wasm))?.text ?? null,
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
