import { parseScanData } from "@/lib/gs1/scan-data";
import type { BenchPhoto, Decoder } from "./decoders";
import type { DegradedLabel } from "./degraded-labels";
import { isExpected, JAVA_UPRIGHT, type Photo } from "./photo-folders";

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Each folder: read-and-correct and ms per image for every decoder, next to Java's upright count. */
export async function measureFolders(
  decoders: Record<string, Decoder>,
  folders: Map<string, Photo[]>,
) {
  const rows = [];
  for (const [folder, { java }] of Object.entries(JAVA_UPRIGHT)) {
    const photos = folders.get(folder) ?? [];
    const results: Record<string, { read: number; ms_per_image: number; missed: string[] }> = {};
    for (const [name, decode] of Object.entries(decoders)) {
      if (photos[0]) await decode(photos[0]); // loads the WebAssembly outside the timing
      const missed: string[] = [];
      let ms = 0;
      for (const photo of photos) {
        const read = await decode(photo);
        ms += read.ms;
        if (!isExpected(read.text, photo.expected)) missed.push(photo.name);
      }
      const msPerImage = round(ms / photos.length);
      results[name] = { read: photos.length - missed.length, ms_per_image: msPerImage, missed };
    }
    rows.push({ folder, total: photos.length, java, decoders: results });
  }
  return rows;
}

/**
 * The degraded labels: read when the decoded text carries the label's AIs as lib/gs1 parses a scan.
 * The 12-MP photos are timed apart: they are the ones that could keep a phone busy.
 */
export async function measureDegraded(
  decoders: Record<string, Decoder>,
  photos: (BenchPhoto & { label: DegradedLabel })[],
) {
  const results: Record<string, ReturnType<typeof emptyResult>> = {};
  const twelveMp = photos.filter(({ label }) => label.degradation === "12-mp").length;
  for (const [name, decode] of Object.entries(decoders)) {
    const result = emptyResult();
    let [ms, twelveMpMs] = [0, 0];
    for (const photo of photos) {
      const { label } = photo;
      const read = await decode(photo);
      if (label.degradation === "12-mp") twelveMpMs += read.ms;
      else ms += read.ms;
      const kind = result.by_degradation[label.degradation] ?? { read: 0, total: 0 };
      result.by_degradation[label.degradation] = kind;
      kind.total++;
      if (carriesAis(read.text, label.ais)) {
        result.read++;
        kind.read++;
      } else result.missed.push(label.name);
    }
    result.rate = Math.round((result.read / photos.length) * 1000) / 1000;
    result.ms_per_image = round(ms / (photos.length - twelveMp));
    result.ms_per_12mp_image = round(twelveMpMs / twelveMp);
    results[name] = result;
  }
  return { total: photos.length, decoders: results };
}

function emptyResult() {
  return {
    read: 0,
    rate: 0,
    ms_per_image: 0,
    ms_per_12mp_image: 0,
    by_degradation: {} as Record<string, { read: number; total: number }>,
    missed: [] as string[],
  };
}

function carriesAis(text: string | null, expected: Record<string, string>): boolean {
  if (text === null) return false;
  try {
    const { ais } = parseScanData(text);
    return Object.entries(expected).every(([ai, value]) => ais.get(ai) === value);
  } catch {
    return false;
  }
}

/** How long each decoder takes to say "nothing here" about a 12-MP photo without a barcode. */
export async function measureNothingToRead(decoders: Record<string, Decoder>, photo: BenchPhoto) {
  const results: Record<string, { read_nothing: boolean; ms: number }> = {};
  for (const [name, decode] of Object.entries(decoders)) {
    const { text, ms } = await decode(photo);
    results[name] = { read_nothing: text === null, ms: round(ms) };
  }
  return results;
}
