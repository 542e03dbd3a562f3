import { type BarcodeSymbology, renderBarcode } from "@/lib/barcode/render-barcode";
import { buildDigitalLink } from "@/lib/gs1/digital-link";
import { gs1CheckDigit } from "@/lib/gs1/keys";
import { DEGRADATIONS, type Degradation, degrade, mulberry32 } from "./phone-camera";

export type { Degradation };

export interface DegradedLabel {
  name: string;
  symbology: BarcodeSymbology;
  degradation: Degradation;
  /** The AIs the label carries: what the scan page must get back from it. */
  ais: Record<string, string>;
  /** The photo as a phone hands it over: a JPEG file. */
  jpeg: Buffer;
}

const SYMBOLOGIES: BarcodeSymbology[] = ["qr", "gs1-datamatrix", "gs1-128"];

/**
 * `perKind` labels of each symbology for each degradation (3 give 63), the same on every run for
 * a seed: the app's own labels as the label sheet prints them, photographed badly.
 */
export async function degradedLabels({ perKind = 3, seed = 16 } = {}): Promise<DegradedLabel[]> {
  const random = mulberry32(seed);
  const labels: DegradedLabel[] = [];
  for (const degradation of DEGRADATIONS) {
    for (const symbology of SYMBOLOGIES) {
      for (let i = 0; i < perKind; i++) {
        const ais = labelAis(random, symbology);
        const name = `${degradation}-${symbology}-${i + 1}`;
        const jpeg = await degrade(await renderLabel(symbology, ais), degradation, random);
        labels.push({ name, symbology, degradation, ais, jpeg });
      }
    }
  }
  return labels;
}

/** One label photographed as `degradation` says, seeded: for a test that needs a real lot's label. */
export async function photographLabel(options: {
  symbology: BarcodeSymbology;
  ais: Record<string, string>;
  degradation: Degradation;
  seed: number;
}): Promise<Buffer> {
  const png = await renderLabel(options.symbology, options.ais);
  return degrade(png, options.degradation, mulberry32(options.seed));
}

/**
 * The AIs one label carries, as the label sheet prints them: a package's GTIN, lot and serial in
 * its QR or DataMatrix; the lot alone (GTIN and lot code) in the case label's GS1-128.
 */
function labelAis(random: () => number, symbology: BarcodeSymbology): Record<string, string> {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join("");
  const gtin13 = `0950600${digits(6)}`;
  const lot = { "01": `${gtin13}${gs1CheckDigit(gtin13)}`, "10": `L${digits(2)}-${digits(4)}` };
  return symbology === "gs1-128" ? lot : { ...lot, "21": digits(6) };
}

function renderLabel(symbology: BarcodeSymbology, ais: Record<string, string>): Promise<Buffer> {
  // 3 px per point: a 2-point module is 6 px, about what a phone sees of a 0.5 mm module at 15 cm.
  if (symbology === "qr") {
    const data = buildDigitalLink({ stem: "https://lotledger.example", ais });
    return renderBarcode({ symbology, data, format: "png", scale: 3 });
  }
  return renderBarcode({ symbology, data: ais, format: "png", scale: 3, barHeightMm: 25 });
}
