import { z } from "zod";
import { formatElementString } from "@/lib/gs1/element-string";
import { countText, plural, quantityText } from "@/lib/text/plural";

// The GS1 logistic label of a pallet (GS1 Logistic Label Guideline): top, the ship-from party; middle,
// human-readable blocks (SSCC, CONTENT, COUNT, BATCH/LOT, dates); bottom, GS1-128 barcodes, the SSCC
// last. What goes where is decided here, without drawing anything, so it is tested as data.

/** A6 (105 × 148 mm, the guideline's smallest) or a 4 × 6 in thermal label. */
export type LogisticLabelLayout = "a6" | "4x6";

/** The print page's query string (?layout=a6|4x6); a bad value falls back to A6. */
export const logisticLabelOptions = z.object({ layout: z.enum(["a6", "4x6"]).catch("a6") });

/** One lot on the unit, as the packing payload's kde.contents lists it, with its product's name. */
export type UnitContent = {
  lotId: string;
  gtin: string;
  lotCode: string;
  quantity: string;
  unit: string | null;
  /** Cases (trade items) of the lot on the unit, when the packer counted them. */
  packageCount: number | null;
  product: string | null;
};

export type LogisticLabelInput = {
  sscc: string;
  shipFrom: { name: string; addressLines: string[] };
  contents: UnitContent[];
  /** Calendar days, "2026-12-02"; null when unknown. */
  packedOn: string | null;
  bestBefore: string | null;
};

export type LabelBlock = { title: string; value: string };

export type LogisticLabel = {
  sscc: string;
  shipFrom: LogisticLabelInput["shipFrom"];
  blocks: LabelBlock[];
  /** A mixed unit's lots, one short line each (at most MIXED_LINES, then how many more). */
  lotLines: string[];
  /** The GS1-128 symbols top to bottom, each as its AIs: the SSCC's is last. */
  barcodes: Record<string, string>[];
  /** Every AI on the label: GS1 pairs them per unit, so each symbol is checked against all. */
  ais: Record<string, string>;
};

const MIXED_LINES = 6;
const GS1_128_MAX_CHARACTERS = 48;

/** yymmdd for AIs (13) and (15) from "2026-12-02". */
const yymmdd = (day: string) => day.slice(2, 10).replaceAll("-", "");

/** What the label of a unit shows and encodes. */
export function layOutLogisticLabel(input: LogisticLabelInput): LogisticLabel {
  const { sscc, contents, packedOn, bestBefore } = input;
  const gtins = new Set(contents.map((content) => content.gtin));
  const [only] = gtins;
  const isHomogeneous = gtins.size === 1 && only !== undefined;
  const counts = contents.map((content) => content.packageCount);
  const count = counts.every((n) => n !== null) ? counts.reduce((a, b) => a + (b ?? 0), 0) : null;
  const lotCode = contents.length === 1 ? contents[0]?.lotCode : undefined;

  const blocks: LabelBlock[] = [{ title: "SSCC", value: sscc }];
  blocks.push({
    title: "CONTENT",
    value: isHomogeneous
      ? only
      : `Mixed: ${countText(contents.length, "lot")} of ${countText(gtins.size, "product")}`,
  });
  if (isHomogeneous && contents[0]?.product) {
    blocks.push({ title: "PRODUCT", value: contents[0].product });
  }
  // COUNT is AI (37), the count of one GTIN's trade items; a mixed unit's total is plain text.
  if (count !== null)
    blocks.push({ title: isHomogeneous ? "COUNT" : "CASES", value: String(count) });
  if (lotCode !== undefined) blocks.push({ title: "BATCH/LOT", value: lotCode });
  if (packedOn) blocks.push({ title: "PACK DATE", value: packedOn });
  if (bestBefore) blocks.push({ title: "BEST BEFORE", value: bestBefore });

  const dates: Record<string, string> = {
    ...(packedOn ? { "13": yymmdd(packedOn) } : {}),
    ...(bestBefore ? { "15": yymmdd(bestBefore) } : {}),
  };
  const hasContentBarcode = isHomogeneous && count !== null && count > 0;
  const content = { "02": only ?? "", "37": String(count) };
  const withLot = lotCode === undefined ? content : { ...content, "10": lotCode };
  const fits = (symbol: Record<string, string>) =>
    formatElementString(symbol, { alsoOnLabel: { "00": sscc, ...withLot } }).length <=
    GS1_128_MAX_CHARACTERS;
  // Two symbols fit an A6 label: the dates join (02)(37)(10) only when all fit one GS1-128 (they
  // stay human-readable otherwise), and only a lot code too long for it gets a symbol of its own.
  const contentSymbols = !hasContentBarcode
    ? []
    : fits({ ...withLot, ...dates })
      ? [{ ...withLot, ...dates }]
      : fits(withLot)
        ? [withLot]
        : [content, { "10": lotCode ?? "" }];
  const barcodes = [...contentSymbols, { "00": sscc }];
  return {
    sscc,
    shipFrom: input.shipFrom,
    blocks,
    lotLines: isHomogeneous && contents.length === 1 ? [] : lotLines(contents),
    barcodes,
    ais: Object.assign({}, ...barcodes),
  };
}

function lotLines(contents: UnitContent[]): string[] {
  const lines = contents.slice(0, MIXED_LINES).map((content) => {
    const what = content.product ?? `GTIN ${content.gtin}`;
    const cases = content.packageCount === null ? null : countText(content.packageCount, "case");
    return `${what} · lot ${content.lotCode} · ${cases ?? quantityText(content.quantity, content.unit)}`;
  });
  const more = contents.length - MIXED_LINES;
  if (more > 0) lines.push(`and ${more} more ${plural(more, "lot")}`);
  return lines;
}
