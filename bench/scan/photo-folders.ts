import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { Rgba } from "@/lib/scan/photo-pixels";

/** The real photos the scan bench reads: ZXing's own black-box sets, copied into shared/. */
export const SCAN_PHOTOS_DIR = path.resolve(
  import.meta.dirname,
  "../../../shared/conformance/scan-photos",
);

/** Each folder with how many of its upright images ZXing's Java library reads (its README). */
export const JAVA_UPRIGHT: Record<string, { java: number; total: number }> = {
  "qrcode-3": { java: 38, total: 42 },
  "qrcode-4": { java: 36, total: 48 },
  "datamatrix-2": { java: 13, total: 18 },
  "code128-1": { java: 7, total: 7 },
  "ean13-3": { java: 53, total: 55 },
};

export interface Photo {
  name: string;
  /** The content ZXing's test expects, exactly as in N.txt. */
  expected: string;
  /** The file as a phone hands it over, at `url` on the Chromium bench page. */
  file: Buffer;
  url: string;
  pixels: Rgba;
}

/** The photos of one folder, decoded to RGBA as a browser's canvas would hand them over. */
export async function loadPhotoFolder(folder: string): Promise<Photo[]> {
  const dir = path.join(SCAN_PHOTOS_DIR, folder);
  const names = (await readdir(dir)).filter((name) => /\.(png|jpe?g)$/i.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = await readFile(path.join(dir, name));
      return {
        name,
        expected: await readFile(path.join(dir, name.replace(/\.\w+$/, ".txt")), "utf8"),
        file,
        url: `/photos/${folder}/${name}`,
        pixels: await rgbaOf(file),
      };
    }),
  );
}

/** A PNG or JPEG file as RGBA pixels. */
export async function rgbaOf(file: Buffer): Promise<Rgba> {
  const { data, info } = await sharp(file)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
}

/**
 * Whether a decoder's text is the expected content. ZXing's Java test reads without ASSUME_GS1, so
 * it drops a GS1-128's FNC1s; the scan page keeps them (as GS and a ]C1 prefix): compare without.
 */
export function isExpected(text: string | null, expected: string): boolean {
  if (text === null) return false;
  return text.replace(/^\][A-Za-z]\d/, "").replaceAll("\u001d", "") === expected;
}
