// How a phone sees a printed label, done to a rendered label with sharp: deterministic for a seed,
// so the degraded set (degraded-labels.ts) is the same on every machine and run.
import sharp, { type Sharp } from "sharp";

/** The kinds of damage; each degraded label has one, with seeded strength. */
export const DEGRADATIONS = [
  "tilt",
  "blur",
  "noise",
  "glare",
  "low-contrast",
  "jpeg",
  "12-mp",
] as const;
export type Degradation = (typeof DEGRADATIONS)[number];

const PAPER = { r: 250, g: 250, b: 246 };
const TABLE = { r: 120, g: 112, b: 104 };

/** The label on paper on a table, photographed with `kind` of damage: a JPEG as a phone saves it. */
export async function degrade(
  png: Buffer,
  kind: Degradation,
  random: () => number,
): Promise<Buffer> {
  const between = (low: number, high: number) => low + random() * (high - low);
  // The label on paper on a table, as every photo shows it.
  let photo = sharp(png)
    .flatten({ background: PAPER })
    .extend({ top: 24, bottom: 24, left: 24, right: 24, background: PAPER });
  photo = sharp(
    await photo
      .extend({ top: 60, bottom: 60, left: 80, right: 80, background: TABLE })
      .png()
      .toBuffer(),
  );
  if (kind === "tilt") {
    const angle = (between(8, 35) * Math.PI) / 180;
    const shear = between(-0.15, 0.15);
    const [c, s] = [Math.cos(angle), Math.sin(angle)];
    photo = photo.affine(
      [
        [c, -s + shear],
        [s, c],
      ],
      { background: TABLE, interpolator: "bilinear" },
    );
  }
  if (kind === "blur") photo = photo.blur(between(1.2, 2.4));
  if (kind === "low-contrast") photo = photo.linear(between(0.3, 0.45), between(60, 90));
  let jpegQuality = kind === "jpeg" ? Math.round(between(30, 60)) : 85;
  if (kind === "noise" || kind === "glare") photo = sharp(await pixelwise(photo, kind, random));
  if (kind === "12-mp") {
    const label = await photo.blur(0.8).png().toBuffer();
    const { width = 0, height = 0 } = await sharp(label).metadata();
    const left = Math.round(between(400, 4000 - width - 400));
    const top = Math.round(between(300, 3000 - height - 300));
    photo = sharp({
      create: { width: 4000, height: 3000, channels: 3, background: TABLE },
    }).composite([{ input: label, left, top }]);
    jpegQuality = 90;
  }
  return photo.jpeg({ quality: jpegQuality }).toBuffer();
}

/**
 * A 12-MP photo of the table and no label (sensor noise on it): every retry of the scan page's
 * reader runs before it says "not read", so this is the longest a photo keeps a phone busy.
 */
export async function photoWithoutLabel(): Promise<Buffer> {
  // The noise is drawn around the table's grey; sharp wants a background too, and ignores it.
  const noise = { type: "gaussian" as const, mean: 110, sigma: 12 };
  const table = sharp({
    create: { width: 4000, height: 3000, channels: 3, background: TABLE, noise },
  });
  return table.jpeg({ quality: 90 }).toBuffer();
}

/** Sensor noise (seeded, about ±σ 25 grey levels) or a glare spot that washes part of the label out. */
async function pixelwise(photo: Sharp, kind: "noise" | "glare", random: () => number) {
  const { data, info } = await photo.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width, height, channels } = info;
  const cx = width * (0.3 + random() * 0.4);
  const cy = height * (0.3 + random() * 0.4);
  const radius = Math.min(width, height) * (0.15 + random() * 0.1);
  const strength = 0.6 + random() * 0.25;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const glare =
        kind === "glare" ? strength * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / radius ** 2) : 0;
      const noise = kind === "noise" ? (random() + random() + random() - 1.5) * 50 : 0;
      for (let c = 0; c < channels; c++) {
        const i = (y * width + x) * channels + c;
        const level = data[i] ?? 0;
        data[i] = Math.max(0, Math.min(255, level + (255 - level) * glare + noise));
      }
    }
  }
  return sharp(data, { raw: { width, height, channels } }).png().toBuffer();
}

/** A small seeded PRNG, so the degraded set is the same on every machine and run. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
