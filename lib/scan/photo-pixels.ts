// Pixels of a photo as both the browser (canvas ImageData) and Node (the bench, the tests) hold them,
// and the few transforms the decoding strategy needs, done here so both run the same arithmetic.

/** RGBA bytes row by row, as ImageData holds them. */
export interface Rgba {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Grey levels (0 black … 255 white), one byte per pixel: what a zxing luminance source reads. */
export interface Grey {
  grey: Uint8ClampedArray;
  width: number;
  height: number;
}

/** A photo to read: its pixels, and its grey levels scaled to at most PHOTO_MAX_SIDE. */
export interface Photo {
  full: Rgba;
  scaled: Grey;
}

/** A phone photo is 12 megapixels; a binariser on all of them takes seconds on a cheap phone. */
export const PHOTO_MAX_SIDE = 1600;

export function photoOf(full: Rgba): Photo {
  return { full, scaled: shrinkGrey(toGrey(full), PHOTO_MAX_SIDE) };
}

/** ITU-R 601 luma, as zxing's own RGB luminance source weighs the channels. */
export function toGrey({ data, width, height }: Rgba): Grey {
  const grey = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < grey.length; i++, p += 4) {
    grey[i] = ((data[p] ?? 0) * 306 + (data[p + 1] ?? 0) * 601 + (data[p + 2] ?? 0) * 117) >> 10;
  }
  return { grey, width, height };
}

/**
 * The image shrunk so its longest side is at most `maxSide`, each new pixel the mean of the source
 * pixels it covers: a box filter keeps a bar's edges where nearest-neighbour would drop whole bars.
 * Rows are summed into one accumulator row at a time, so a 12-MP photo takes one pass.
 */
export function shrinkGrey(image: Grey, maxSide: number): Grey {
  const { grey, width, height } = image;
  const factor = Math.max(width, height) / maxSide;
  if (factor <= 1) return image;
  const w = Math.max(1, Math.round(width / factor));
  const h = Math.max(1, Math.round(height / factor));
  // Which output column each source column falls in, and how many source columns each one has.
  const column = new Uint32Array(width);
  const columnCount = new Uint32Array(w);
  for (let x = 0; x < width; x++) {
    const target = Math.min(w - 1, Math.floor((x * w) / width));
    column[x] = target;
    columnCount[target] = (columnCount[target] ?? 0) + 1;
  }
  const out = new Uint8ClampedArray(w * h);
  const sums = new Float64Array(w);
  let y = 0;
  for (let target = 0; target < h; target++) {
    const rowEnd = Math.max(y + 1, Math.round(((target + 1) * height) / h));
    const rows = rowEnd - y;
    sums.fill(0);
    for (; y < rowEnd; y++) {
      const offset = y * width;
      for (let x = 0; x < width; x++) {
        const at = column[x] ?? 0;
        sums[at] = (sums[at] ?? 0) + (grey[offset + x] ?? 0);
      }
    }
    for (let x = 0; x < w; x++) {
      out[target * w + x] = (sums[x] ?? 0) / ((columnCount[x] ?? 1) * rows);
    }
  }
  return { grey: out, width: w, height: h };
}

/**
 * The image turned by `degrees` (clockwise) about its centre onto a canvas that holds all of it,
 * the corners filled with mid grey: a 1D barcode photographed askew is read along its bars again.
 * Nearest neighbour: one lookup per pixel, and a bar's edge moves by at most half a pixel.
 */
export function rotateGrey({ grey, width, height }: Grey, degrees: number): Grey {
  const radians = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  const w = Math.ceil(Math.abs(width * cos) + Math.abs(height * sin));
  const h = Math.ceil(Math.abs(width * sin) + Math.abs(height * cos));
  const out = new Uint8ClampedArray(w * h).fill(128);
  for (let y = 0; y < h; y++) {
    // Walking along a row of the turned image is a straight line through the source.
    let sx = -(w / 2) * cos + (y - h / 2) * sin + width / 2;
    let sy = (w / 2) * sin + (y - h / 2) * cos + height / 2;
    for (let x = 0, i = y * w; x < w; x++, i++, sx += cos, sy -= sin) {
      if (sx >= 0 && sx < width && sy >= 0 && sy < height) {
        out[i] = grey[(sy | 0) * width + (sx | 0)] ?? 128;
      }
    }
  }
  return { grey: out, width: w, height: h };
}

/** Grey levels back as RGBA, for a reader that takes only ImageData (zxing-wasm). */
export function greyToRgba({ grey, width, height }: Grey): Rgba {
  const data = new Uint8ClampedArray(width * height * 4);
  const words = new Uint32Array(data.buffer);
  // One 32-bit write per pixel: R = G = B = the grey level, alpha opaque (byte order of the platform).
  const isLittleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  for (let i = 0; i < grey.length; i++) {
    const level = grey[i] ?? 0;
    const rgb = level * 0x010101;
    words[i] = isLittleEndian ? (0xff000000 | rgb) >>> 0 : ((rgb << 8) | 0xff) >>> 0;
  }
  return { data, width, height };
}
