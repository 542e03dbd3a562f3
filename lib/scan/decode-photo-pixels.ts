import { photoOf, type Rgba } from "./photo-pixels";
import { readPhotoWithZxingJs } from "./zxing-js-photo";
import { readPhotoWithZxingWasm, type ZxingWasmSource } from "./zxing-wasm-photo";

export type PhotoDecoder = "zxing-wasm" | "zxing-js";

/**
 * The scan page's reading of a photo, in the browser and in the bench alike: zxing-cpp
 * (WebAssembly) first, as it reads the most of the real photos; then zxing-js on the photo scaled
 * down (it reads the odd QR code zxing-cpp misses), or on all of it when the WebAssembly can't load
 * (an old browser, the file not reachable).
 */
export async function decodePhotoPixels(
  pixels: Rgba,
  wasm: ZxingWasmSource,
): Promise<{ text: string; decoder: PhotoDecoder } | null> {
  const photo = photoOf(pixels);
  let isWasmLoaded = true;
  try {
    const text = await readPhotoWithZxingWasm(photo, wasm);
    if (text !== null) return { text, decoder: "zxing-wasm" };
  } catch {
    isWasmLoaded = false;
  }
  const text = readPhotoWithZxingJs(photo, { scaledOnly: isWasmLoaded });
  return text === null ? null : { text, decoder: "zxing-js" };
}
