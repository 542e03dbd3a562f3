// Bundled by bench/scan/in-chromium.ts (esbuild) into a page: the scan page's photo reading exactly
// as the browser runs it — its own JPEG/PNG decoding and canvas, zxing-wasm fetched by URL.
import { decodePhotoPixels } from "@/lib/scan/decode-photo-pixels";

async function readPhoto(url: string): Promise<{ text: string | null; ms: number }> {
  const image = await createImageBitmap(await (await fetch(url)).blob());
  const started = performance.now();
  const canvas = document.createElement("canvas");
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  context?.drawImage(image, 0, 0);
  const pixels = context?.getImageData(0, 0, image.width, image.height);
  if (!pixels) throw new Error("no 2D canvas");
  const read = await decodePhotoPixels(pixels, { url: "/zxing-reader.wasm" });
  return { text: read?.text ?? null, ms: performance.now() - started };
}

Object.assign(globalThis, { readPhoto });
