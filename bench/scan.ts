// Measures the scan page's photo decoders: on ZXing's own real-photo sets (../shared/conformance/
// scan-photos, upright), read-and-correct per folder next to ZXing Java's count, and on the app's own
// labels degraded as phones see them (bench/scan/degraded-labels.ts, generated here, seeded), the
// share read with the right AIs — each with ms per image, the 12-MP photos apart. The decoders run in
// Node on the same pixels, and the shipped one also in Debian's Chromium as the scan page runs it,
// which also says whether Chromium has a BarcodeDetector. Prints a short report, or with --json one
// JSON object. Exits 1 when the shipped decoder reads fewer than Java on a folder or, in Chromium,
// under 95 % of the degraded set.

import { type Decoder, nodeDecoders } from "./scan/decoders";
import { degradedLabels } from "./scan/degraded-labels";
import { openChromiumReader, type PageFiles } from "./scan/in-chromium";
import { measureDegraded, measureFolders, measureNothingToRead } from "./scan/measure";
import { photoWithoutLabel } from "./scan/phone-camera";
import { JAVA_UPRIGHT, loadPhotoFolder, type Photo, rgbaOf } from "./scan/photo-folders";

const DEGRADED_TARGET = 0.95;
const SHIPPED = "shipped, in Chromium";

async function main(): Promise<number> {
  const isJson = process.argv.includes("--json");
  const say = (line: string) => (isJson ? console.error(line) : console.log(line));
  const files: PageFiles = new Map();
  const folders = new Map<string, Photo[]>();
  for (const folder of Object.keys(JAVA_UPRIGHT)) {
    const photos = await loadPhotoFolder(folder);
    folders.set(folder, photos);
    for (const { url, file } of photos) files.set(url, { body: file, contentType: typeOf(url) });
  }
  say("generating the degraded labels…");
  const degraded = await Promise.all(
    (await degradedLabels()).map(async (label) => {
      const url = `/degraded/${label.name}.jpg`;
      files.set(url, { body: label.jpeg, contentType: "image/jpeg" });
      return { label, url, pixels: await rgbaOf(label.jpeg) };
    }),
  );
  const blankJpeg = await photoWithoutLabel();
  const blank = { url: "/12-mp-without-label.jpg", pixels: await rgbaOf(blankJpeg) };
  files.set(blank.url, { body: blankJpeg, contentType: "image/jpeg" });
  const chromium = await openChromiumReader(files);
  const decoders: Record<string, Decoder> = {
    ...(await nodeDecoders()),
    [SHIPPED]: async ({ url }) => chromium.read(url),
  };
  try {
    say("reading the real photos…");
    const folderRows = await measureFolders(decoders, folders);
    say("reading the degraded labels…");
    const degradedResult = await measureDegraded(decoders, degraded);
    const nothingToRead = await measureNothingToRead(decoders, blank);
    const result = {
      shipped: "zxing-wasm (zxing-cpp), lazy-loaded; zxing-js when it can't load or reads nothing",
      chromium: chromium.version,
      barcode_detector: await chromium.barcodeDetector(),
      folders: folderRows,
      degraded: degradedResult,
      twelve_mp_without_label: nothingToRead,
    };
    console.log(isJson ? JSON.stringify(result) : JSON.stringify(result, null, 2));
    let isMet = true;
    for (const row of folderRows) {
      const shipped = row.decoders[SHIPPED]?.read ?? 0;
      isMet &&= shipped >= row.java;
      say(
        `${shipped >= row.java ? "✓" : "✗"} ${row.folder}: shipped ${shipped}/${row.total}, Java ${row.java}`,
      );
    }
    const rate = degradedResult.decoders[SHIPPED]?.rate ?? 0;
    isMet &&= rate >= DEGRADED_TARGET;
    say(
      `${rate >= DEGRADED_TARGET ? "✓" : "✗"} degraded labels: shipped ${(rate * 100).toFixed(1)} % (≥ 95 %)`,
    );
    return isMet ? 0 : 1;
  } finally {
    await chromium.close();
  }
}

const typeOf = (url: string) => (url.endsWith(".png") ? "image/png" : "image/jpeg");

process.exitCode = await main();
