// zxing-cpp in WebAssembly (zxing-wasm) on a still photo or a camera frame: the scan page's first
// reader, loaded only when the camera opens or a photo is to be read. It reads more of the real
// photos than zxing-js (docs/labels-and-scanning.md).
import type { ReaderOptions, ZXingModuleOverrides } from "zxing-wasm/reader";
import { greyToRgba, type Photo, type Rgba, rotateGrey } from "./photo-pixels";

/** Where the .wasm comes from: a URL on our own origin (the browser), or its bytes (Node). */
export type ZxingWasmSource = { url: string } | { bytes: ArrayBuffer };

/** The browser's: served by app/decoders/zxing-reader.wasm/route.ts, never a CDN. */
export const ZXING_WASM_URL = "/decoders/zxing-reader.wasm";

const OPTIONS: ReaderOptions = {
  formats: ["QRCode", "DataMatrix", "Code128", "EAN13"],
  // The raw data with GS for FNC1: the symbology identifier is put in front below, as zxing-js does.
  textMode: "Plain",
  maxNumberOfSymbols: 1,
};

const RETRY: ReaderOptions = { tryRotate: false, tryInvert: false };

/** Turns that bring a GS1-128 tilted by up to ~40° either way back within zxing-cpp's reach. */
const TURNS = [-20, 20];

let loading: Promise<typeof import("zxing-wasm/reader")> | undefined;

function load(source: ZxingWasmSource) {
  loading ??= (async () => {
    const zxing = await import("zxing-wasm/reader");
    // zxing-wasm fetches its .wasm from a CDN unless told otherwise.
    const overrides: ZXingModuleOverrides =
      "url" in source ? { locateFile: () => source.url } : { wasmBinary: source.bytes };
    await zxing.prepareZXingModule({ overrides, fireImmediately: true });
    return zxing;
  })();
  // A failed load (no WebAssembly, the file not served) may succeed on the next photo.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** One read of a pixel buffer: the symbology identifier in front of GS1 data, as zxing-js does. */
async function readOnce(image: Rgba, source: ZxingWasmSource, options: ReaderOptions = {}) {
  const { readBarcodes } = await load(source);
  // Field by field: a canvas's ImageData keeps them as getters, which a spread would drop.
  const { data, width, height } = image;
  const imageData = { data, width, height, colorSpace: "srgb" } as ImageData;
  const [result] = await readBarcodes(imageData, { ...OPTIONS, ...options });
  if (!result) return null;
  return result.contentType === "GS1" ? `${result.symbologyIdentifier}${result.text}` : result.text;
}

/**
 * The text of the barcode in one camera frame, or null: the camera's reader, as zxing-js 0.21.3's
 * Code 128 reader misses GS1-128 labels (docs/labels-and-scanning.md). Inverted colours are not
 * tried, to keep a cheap phone's frames fast. Throws when the WebAssembly can't be loaded.
 */
export function readFrameWithZxingWasm(frame: Rgba, source: ZxingWasmSource) {
  return readOnce(frame, source, { tryInvert: false });
}

/**
 * The text of the first label barcode in the photo, or null. Read scaled down (a phone photo's
 * code is large), then at full size (a small label in a 12-MP frame); then, scaled, with one fixed
 * threshold (a blurred GS1-128's narrow bars stay grey, and local averaging loses them) and turned
 * ±20° (a tilted GS1-128: zxing-cpp scans rows and columns only). A GS1 symbol's text starts with
 * its symbology identifier (]C1, ]d2, ]Q3), so lib/gs1's parseScanData reads its element strings
 * as such. Throws when the WebAssembly module can't be loaded: the caller falls back to zxing-js.
 */
export async function readPhotoWithZxingWasm(
  { full, scaled }: Photo,
  source: ZxingWasmSource,
): Promise<string | null> {
  const read = (image: Rgba, options: ReaderOptions = {}) => readOnce(image, source, options);
  const scaledRgba = scaled.width === full.width ? full : greyToRgba(scaled);
  // The first read tries quarter turns, inverted colours and smaller copies; later ones need not.
  const attempts: [() => Rgba, ReaderOptions][] = [
    [() => scaledRgba, {}],
    // Native resolution only: all of zxing-cpp's tries on 12 MP took ~6 s (bench/scan.ts).
    ...(scaledRgba === full
      ? []
      : [[() => full, { ...RETRY, tryDownscale: false }] as [() => Rgba, ReaderOptions]]),
    [() => scaledRgba, { ...RETRY, binarizer: "FixedThreshold" }],
    ...TURNS.map((degrees): [() => Rgba, ReaderOptions] => [
      () => greyToRgba(rotateGrey(scaled, degrees)),
      RETRY,
    ]),
  ];
  for (const [image, options] of attempts) {
    const text = await read(image(), options);
    if (text !== null) return text;
  }
  return null;
}
