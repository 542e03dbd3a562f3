// Measures the scan page's photo decoders: on ZXing's own real-photo sets (../shared/conformance/
// scan-photos, upright), read-and-correct per folder next to ZXing Java's count, and on the app's own
// labels degraded as phones see them (bench/scan/degraded-labels.ts, generated here, seeded), the
// share read with the right AIs — each with ms per image, the 12-MP photos apart. Says whether
// Chromium has a BarcodeDetector. Prints a short report, or with --json one JSON object. Exits 1
// when the shipped decoder reads fewer than Java on a folder or under 95 % of the degraded set.

import { barcodeDetectorInChromium } from "./scan/barcode-detector";
import { benchDecoders } from "./scan/decoders";
import { degradedLabels } from "./scan/degraded-labels";
import { measureDegraded, measureFolders } from "./scan/measure";

const DEGRADED_TARGET = 0.95;

async function main(): Promise<number> {
  const isJson = process.argv.includes("--json");
  const say = (line: string) => (isJson ? console.error(line) : console.log(line));
  const decoders = await benchDecoders();
  say("reading the real photos…");
  const folders = await measureFolders(decoders);
  say("generating and reading the degraded labels…");
  const degraded = await measureDegraded(decoders, await degradedLabels());
  const barcodeDetector = await barcodeDetectorInChromium().catch((error: Error) => ({
    present: false,
    formats: [],
    browser: `not measured: ${error.message.split("\n")[0]}`,
  }));
  const result = {
    shipped: "zxing-wasm (zxing-cpp), lazy-loaded; zxing-js when it can't load or reads nothing",
    barcode_detector: barcodeDetector,
    folders,
    degraded,
  };
  console.log(isJson ? JSON.stringify(result) : JSON.stringify(result, null, 2));
  let isMet = true;
  for (const folder of folders) {
    const shipped = folder.decoders.shipped?.read ?? 0;
    const ok = shipped >= folder.java;
    isMet &&= ok;
    say(
      `${ok ? "✓" : "✗"} ${folder.folder}: shipped ${shipped}/${folder.total}, Java ${folder.java}`,
    );
  }
  const rate = degraded.decoders.shipped?.rate ?? 0;
  isMet &&= rate >= DEGRADED_TARGET;
  say(
    `${rate >= DEGRADED_TARGET ? "✓" : "✗"} degraded labels: shipped ${(rate * 100).toFixed(1)} % (≥ 95 %)`,
  );
  return isMet ? 0 : 1;
}

process.exitCode = await main();
