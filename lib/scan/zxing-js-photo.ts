// zxing-js on a still photo: the fallback reader, and the camera's reader (scan-camera.tsx).
import {
  BarcodeFormat,
  type Binarizer,
  BinaryBitmap,
  DecodeHintType,
  GlobalHistogramBinarizer,
  HybridBinarizer,
  type LuminanceSource,
  MultiFormatReader,
  RGBLuminanceSource,
} from "@zxing/library";
import { type Grey, type Photo, toGrey } from "./photo-pixels";

/** What LotLedger's labels and retail packs carry: Digital Link QR, GS1 DataMatrix, GS1-128, EAN-13. */
export const LABEL_FORMATS = [
  BarcodeFormat.QR_CODE,
  BarcodeFormat.DATA_MATRIX,
  BarcodeFormat.CODE_128,
  BarcodeFormat.EAN_13,
];

/**
 * ASSUME_GS1 keeps a GS1-128's FNC1s: without it zxing drops them, separators included, and the
 * element strings run together. TRY_HARDER only for photos: one still image can afford it, video
 * frames on a cheap phone cannot — and zxing-js tries harder whenever the hint is present, even as
 * false, so it is added only when wanted.
 */
export function labelHints({ tryHarder }: { tryHarder: boolean }): Map<DecodeHintType, unknown> {
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, LABEL_FORMATS],
    [DecodeHintType.ASSUME_GS1, true],
  ]);
  if (tryHarder) hints.set(DecodeHintType.TRY_HARDER, true);
  return hints;
}

const BINARIZERS: ((source: LuminanceSource) => Binarizer)[] = [
  // Local thresholds first: they survive glare and shadow across a label.
  (source) => new HybridBinarizer(source),
  // One threshold per row: reads blurred 2D codes whose modules the local average washes out.
  (source) => new GlobalHistogramBinarizer(source),
];

/**
 * The text of the first label barcode in the photo, or null. The photo is read scaled down first
 * (fast, and a close-up's code is still large); then, unless `scaledOnly`, at full size, where a
 * small label in a 12-MP frame keeps its modules (over a second on a laptop: zxing-wasm, when it
 * loads, has already looked there). Measured in bench/scan.ts.
 */
export function readPhotoWithZxingJs(
  { full, scaled }: Photo,
  { scaledOnly = false } = {},
): string | null {
  const hints = labelHints({ tryHarder: true });
  const images = [() => scaled];
  if (!scaledOnly && scaled.width !== full.width) images.push(() => toGrey(full));
  for (const image of images) {
    const grey = image();
    for (const binarizer of BINARIZERS) {
      const text = readOnce(grey, binarizer, hints);
      if (text !== null) return text;
    }
  }
  return null;
}

function readOnce(
  { grey, width, height }: Grey,
  binarizer: (source: LuminanceSource) => Binarizer,
  hints: Map<DecodeHintType, unknown>,
): string | null {
  const bitmap = new BinaryBitmap(binarizer(new RGBLuminanceSource(grey, width, height)));
  try {
    return new MultiFormatReader().decode(bitmap, hints).getText();
  } catch {
    return null; // zxing throws NotFoundException (and checksum errors) for "nothing read here"
  }
}
