// Bundled by bench/scan/in-chromium.ts (esbuild) into a page: the scan page's decodePhoto exactly as
// the browser runs it — its own JPEG/PNG decoding and canvas, zxing-wasm fetched from /decoders.
import { decodePhoto } from "@/lib/scan/barcode-reader";

async function readPhoto(url: string): Promise<{ text: string | null; ms: number }> {
  const photo = await (await fetch(url)).blob();
  const started = performance.now();
  const text = await decodePhoto(photo);
  return { text, ms: performance.now() - started };
}

Object.assign(globalThis, { readPhoto });
