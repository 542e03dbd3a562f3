import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { build } from "esbuild";
import { newNonce, securityHeaders } from "@/lib/api/security-headers";
import { ZXING_WASM_URL } from "@/lib/scan/zxing-wasm-photo";

const ORIGIN = "http://scan-bench.invalid";
const ROOT = path.resolve(import.meta.dirname, "../..");

/** Files the bench page may fetch, by path: the photos it is handed, the bundle, the .wasm. */
export type PageFiles = Map<
  string,
  { body: Buffer; contentType: string; headers?: Record<string, string> }
>;

/**
 * Debian's Chromium with the scan page's photo reader bundled (chromium-entry.ts): `read(path)`
 * decodes one photo there as decodePhoto does, answering its text and the ms it took.
 * `barcodeDetector()` says whether the Shape Detection API's BarcodeDetector is there (Android,
 * ChromeOS and macOS have it; Linux desktop builds don't), and which formats it reads.
 */
export async function openChromiumReader(files: PageFiles) {
  const bundle = await build({
    entryPoints: [path.join(import.meta.dirname, "chromium-entry.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
    alias: { "@": ROOT },
    logLevel: "error",
  });
  const wasmFile = createRequire(import.meta.url).resolve("zxing-wasm/reader/zxing_reader.wasm");
  files.set("/entry.js", {
    body: Buffer.from(bundle.outputFiles[0]?.contents ?? []),
    contentType: "text/javascript",
  });
  files.set(ZXING_WASM_URL, {
    body: await readFile(wasmFile),
    contentType: "application/wasm",
  });
  // The page carries the app's own Content-Security-Policy, so a reader it would block fails here.
  const nonce = newNonce();
  const policy = securityHeaders({ pathname: "/scan", nonce, isHttps: false });
  files.set("/", {
    body: Buffer.from(`<script nonce="${nonce}" src="/entry.js"></script>`),
    contentType: "text/html",
    headers: { "content-security-policy": policy["content-security-policy"] ?? "" },
  });
  const browser: Browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const page: Page = await browser.newPage();
  await page.route(`${ORIGIN}/**`, async (route) => {
    const file = files.get(new URL(route.request().url()).pathname);
    if (!file) return route.fulfill({ status: 404 });
    const { body, contentType, headers } = file;
    return route.fulfill({ body, contentType, ...(headers ? { headers } : {}) });
  });
  await page.goto(`${ORIGIN}/`);
  return {
    version: browser.version(),
    read: (file: string) =>
      page.evaluate(
        (url) =>
          (
            globalThis as unknown as {
              readPhoto(url: string): Promise<{ text: string | null; ms: number }>;
            }
          ).readPhoto(url),
        file,
      ),
    barcodeDetector: () =>
      page.evaluate(async () => {
        const api = (
          globalThis as { BarcodeDetector?: { getSupportedFormats(): Promise<string[]> } }
        ).BarcodeDetector;
        return { present: Boolean(api), formats: api ? await api.getSupportedFormats() : [] };
      }),
    close: () => browser.close(),
  };
}
