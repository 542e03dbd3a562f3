import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

// The scan page's photo reader (zxing-cpp in WebAssembly, lib/scan/zxing-wasm-photo.ts) from our
// own origin: zxing-wasm would otherwise fetch it from a CDN, which the app's CSP (connect-src
// 'self') and a phone without signal in a cold store both refuse.
let wasm: Promise<Buffer> | undefined;

export async function GET(): Promise<Response> {
  wasm ??= readFile(
    createRequire(path.join(process.cwd(), "package.json")).resolve(
      "zxing-wasm/reader/zxing_reader.wasm",
    ),
  );
  return new Response(new Uint8Array(await wasm), {
    headers: {
      // application/wasm lets the browser compile the module while it downloads.
      "content-type": "application/wasm",
      "cache-control": "public, max-age=86400",
    },
  });
}
