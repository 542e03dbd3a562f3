import { describe, expect, it } from "vitest";
import { formatElementString } from "@/lib/gs1/element-string";
import {
  type LogisticLabelInput,
  layOutLogisticLabel,
  logisticLabelOptions,
  type UnitContent,
} from "./logistic-label";

const SSCC = "106141411234567897";
const LETTUCE = "09506000134352";
const SPINACH = "09506000134369";
const lot = (gtin: string, lotCode: string, packageCount: number | null): UnitContent => ({
  lotId: `0x${lotCode}`,
  gtin,
  lotCode,
  quantity: "240",
  unit: "kg",
  packageCount,
  product: gtin === LETTUCE ? "Romaine lettuce" : "Baby spinach",
});
const label = (contents: UnitContent[], dates: Partial<LogisticLabelInput> = {}) =>
  layOutLogisticLabel({
    sscc: SSCC,
    shipFrom: { name: "Green Acres Farm", addressLines: ["1 Field Rd", "Salinas CA 93901"] },
    contents,
    packedOn: null,
    bestBefore: null,
    ...dates,
  });

describe("layOutLogisticLabel", () => {
  it("shows a one-lot pallet's GTIN, count, lot and dates, and encodes them above the SSCC", () => {
    const pallet = label([lot(LETTUCE, "L-7", 48)], {
      packedOn: "2026-12-02",
      bestBefore: "2026-12-16",
    });
    expect(pallet.blocks).toEqual([
      { title: "SSCC", value: SSCC },
      { title: "CONTENT", value: LETTUCE },
      { title: "PRODUCT", value: "Romaine lettuce" },
      { title: "COUNT", value: "48" },
      { title: "BATCH/LOT", value: "L-7" },
      { title: "PACK DATE", value: "2026-12-02" },
      { title: "BEST BEFORE", value: "2026-12-16" },
    ]);
    expect(pallet.barcodes).toEqual([
      { "02": LETTUCE, "37": "48", "13": "261202", "15": "261216", "10": "L-7" },
      { "00": SSCC },
    ]);
    expect(pallet.lotLines).toEqual([]);
  });

  it("counts the cases of several lots of one GTIN and leaves BATCH/LOT out", () => {
    const pallet = label([lot(LETTUCE, "L-7", 30), lot(LETTUCE, "L-8", 18)]);
    expect(pallet.blocks.map((block) => block.title)).toEqual([
      "SSCC",
      "CONTENT",
      "PRODUCT",
      "COUNT",
    ]);
    expect(pallet.blocks[3]?.value).toBe("48");
    expect(pallet.barcodes).toEqual([{ "02": LETTUCE, "37": "48" }, { "00": SSCC }]);
    expect(pallet.lotLines).toEqual([
      "Romaine lettuce · lot L-7 · 30 cases",
      "Romaine lettuce · lot L-8 · 18 cases",
    ]);
  });

  it("says a mixed pallet holds 3 lots of 2 products, lists them, and encodes only the SSCC", () => {
    const pallet = label([
      lot(LETTUCE, "L-7", 20),
      lot(LETTUCE, "L-8", 1),
      { ...lot(SPINACH, "S-1", null), product: null },
    ]);
    expect(pallet.blocks).toEqual([
      { title: "SSCC", value: SSCC },
      { title: "CONTENT", value: "Mixed: 3 lots of 2 products" },
    ]);
    const counted = label([lot(LETTUCE, "L-7", 20), lot(SPINACH, "S-1", 4)]);
    expect(counted.blocks.at(-1)).toEqual({ title: "CASES", value: "24" });
    expect(counted.barcodes).toEqual([{ "00": SSCC }]);
    expect(pallet.lotLines).toEqual([
      "Romaine lettuce · lot L-7 · 20 cases",
      "Romaine lettuce · lot L-8 · 1 case",
      `GTIN ${SPINACH} · lot S-1 · 240 kg`,
    ]);
    expect(pallet.barcodes).toEqual([{ "00": SSCC }]);
  });

  it("keeps a mixed pallet's list short", () => {
    const lots = Array.from({ length: 9 }, (_, i) => lot(i % 2 ? LETTUCE : SPINACH, `L${i}`, 2));
    const { lotLines } = label(lots);
    expect(lotLines).toHaveLength(7);
    expect(lotLines.at(-1)).toBe("and 3 more lots");
  });

  it("keeps the dates human-readable when they don't fit one GS1-128 with the lot", () => {
    const pallet = label([lot(LETTUCE, "RM-2611-B2", 48)], {
      packedOn: "2026-12-02",
      bestBefore: "2026-12-16",
    });
    expect(pallet.barcodes).toEqual([
      { "02": LETTUCE, "37": "48", "10": "RM-2611-B2" },
      { "00": SSCC },
    ]);
    expect(pallet.blocks.map((block) => block.title)).toContain("BEST BEFORE");
    expect(pallet.ais).toEqual({ "00": SSCC, "02": LETTUCE, "37": "48", "10": "RM-2611-B2" });
  });

  it("gives a long lot code its own GS1-128 when one symbol would pass 48 characters", () => {
    const lotCode = "ABCDEFGHIJ0123456789";
    const pallet = label([lot(LETTUCE, lotCode, 12345678)], { bestBefore: "2026-12-16" });
    expect(pallet.barcodes).toEqual([
      { "02": LETTUCE, "37": "12345678" },
      { "10": lotCode },
      { "00": SSCC },
    ]);
    for (const ais of pallet.barcodes) {
      expect(formatElementString(ais, { alsoOnLabel: pallet.ais }).length).toBeLessThanOrEqual(48);
    }
  });

  it("draws no content barcode when the cases were not counted: (02) needs (37)", () => {
    const pallet = label([lot(LETTUCE, "L-7", null)]);
    expect(pallet.barcodes).toEqual([{ "00": SSCC }]);
    expect(pallet.blocks.map((block) => block.title)).toEqual([
      "SSCC",
      "CONTENT",
      "PRODUCT",
      "BATCH/LOT",
    ]);
  });
});

describe("logisticLabelOptions", () => {
  it("prints A6 unless 4×6 is asked for", () => {
    expect(logisticLabelOptions.parse({})).toEqual({ layout: "a6" });
    expect(logisticLabelOptions.parse({ layout: "4x6" })).toEqual({ layout: "4x6" });
    expect(logisticLabelOptions.parse({ layout: "a4" })).toEqual({ layout: "a6" });
  });
});
