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
 */
export function shrinkGrey(image: Grey, maxSide: number): Grey {
  const { grey, width, height } = image;
  const factor = Math.max(width, height) / maxSide;
  if (factor <= 1) return image;
  const w = Math.max(1, Math.round(width / factor));
  const h = Math.max(1, Math.round(height / factor));
  const out = new Uint8ClampedArray(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor((y * height) / h);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * height) / h));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor((x * width) / w);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * width) / w));
      let sum = 0;
      for (let yy = y0; yy < y1; yy++) {
        for (let xx = x0; xx < x1; xx++) sum += grey[yy * width + xx] ?? 0;
      }
      out[y * w + x] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return { grey: out, width: w, height: h };
}

/**
 * The image turned by `degrees` (clockwise) about its centre onto a canvas that holds all of it,
 * the corners filled with the mean grey: a 1D barcode photographed askew is read along its bars
 * again. Nearest neighbour: one lookup per pixel, and a bar's edge moves by at most half a pixel.
 */
export function rotateGrey({ grey, width, height }: Grey, degrees: number): Grey {
  const radians = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  const w = Math.ceil(Math.abs(width * cos) + Math.abs(height * sin));
  const h = Math.ceil(Math.abs(width * sin) + Math.abs(height * cos));
  let sum = 0;
  for (const level of grey) sum += level;
  const out = new Uint8ClampedArray(w * h).fill(sum / grey.length);
  for (let y = 0; y < h; y++) {
    const dy = y - h / 2;
    for (let x = 0; x < w; x++) {
      const dx = x - w / 2;
      const sx = Math.round(dx * cos + dy * sin + width / 2);
      const sy = Math.round(-dx * sin + dy * cos + height / 2);
      if (sx >= 0 && sx < width && sy >= 0 && sy < height)
        out[y * w + x] = grey[sy * width + sx] ?? 0;
    }
  }
  return { grey: out, width: w, height: h };
}

/** Grey levels back as RGBA, for a reader that takes only ImageData (zxing-wasm). */
export function greyToRgba({ grey, width, height }: Grey): Rgba {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, p = 0; i < grey.length; i++, p += 4) {
    const level = grey[i] ?? 0;
    data.set([level, level, level, 255], p);
  }
  return { data, width, height };
}
