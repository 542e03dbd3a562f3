import type { Rgba } from "./photo-pixels";
import { readPhotoWithZxingJs } from "./zxing-js-photo";
import { readPhotoWithZxingWasm, type ZxingWasmSource } from "./zxing-wasm-photo";

export type PhotoDecoder = "zxing-wasm" | "zxing-js";

/**
 * The scan page's reading of a photo, in the browser and in the bench alike: zxing-cpp
 * (WebAssembly) first, as it reads the most of the real photos; zxing-js when the WebAssembly can't
 * load (an old browser, the file not reachable) or reads nothing.
 */
export async function decodePhotoPixels(
  photo: Rgba,
  wasm: ZxingWasmSource,
): Promise<{ text: string; decoder: PhotoDecoder } | null> {
  try {
    const text = await readPhotoWithZxingWasm(photo, wasm);
    if (text !== null) return { text, decoder: "zxing-wasm" };
  } catch {
    // Not loadable here: zxing-js below reads what it can.
  }
  const text = readPhotoWithZxingJs(photo);
  return text === null ? null : { text, decoder: "zxing-js" };
}
