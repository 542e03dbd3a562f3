import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from "@zxing/library";
import { PNG } from "pngjs";

export { BarcodeFormat };

/** A PNG as pngjs reads it: RGBA bytes, row by row. */
export type DecodedPng = { width: number; height: number; data: Buffer };

/** Grey levels (0 black … 255 white), one byte per pixel, as zxing reads an image. */
export type GreyImage = { grey: Uint8ClampedArray; width: number; height: number };

/**
 * A PNG drawn on a white grey canvas, enlarged `factor` times with nearest neighbours (any other
 * scaling blurs a code's modules) with its top-left corner at (left, top). Transparent reads white.
 */
export function drawOnCanvas(
  png: Buffer | DecodedPng,
  canvas: { width: number; height: number; left?: number; top?: number; factor?: number },
): GreyImage {
  const image = Buffer.isBuffer(png) ? PNG.sync.read(png) : png;
  const { width, height, left = 0, top = 0, factor = 1 } = canvas;
  const grey = new Uint8ClampedArray(width * height).fill(255);
  for (let y = 0; y < image.height * factor; y++) {
    for (let x = 0; x < image.width * factor; x++) {
      const pixel = (Math.floor(y / factor) * image.width + Math.floor(x / factor)) * 4;
      const [r = 0, g = 0, b = 0, alpha = 255] = image.data.subarray(pixel, pixel + 4);
      grey[(top + y) * width + left + x] = alpha === 0 ? 255 : (r * 299 + g * 587 + b * 114) / 1000;
    }
  }
  return { grey, width, height };
}

/** What the scan page's zxing reads from the image, or null when it reads nothing. */
export function readBarcode(
  { grey, width, height }: GreyImage,
  format: BarcodeFormat,
  { tryHarder = true, assumeGs1 = false, pureBarcode = false } = {},
): string | null {
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [format]]]);
  // zxing-js tries harder when TRY_HARDER is present at all, even as false: set hints only when on.
  if (tryHarder) hints.set(DecodeHintType.TRY_HARDER, true);
  if (assumeGs1) hints.set(DecodeHintType.ASSUME_GS1, true);
  // A rendered label, upright and alone on white: read it as such instead of hunting finder patterns.
  if (pureBarcode) hints.set(DecodeHintType.PURE_BARCODE, true);
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(grey, width, height)));
  try {
    return new MultiFormatReader().decode(bitmap, hints).getText();
  } catch {
    return null;
  }
}
