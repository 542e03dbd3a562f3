import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { buildDigitalLink } from "@/lib/gs1/digital-link";
import { formatElementString, GS } from "@/lib/gs1/element-string";
import { parseScanData } from "@/lib/gs1/scan-data";
import { rejectionOf } from "@/lib/gs1/testing";
import { BarcodeFormat, drawOnCanvas, readBarcode } from "@/tools/testing/zxing";
import { BARCODE_CONTENT_TYPES, type RenderBarcodeOptions, renderBarcode } from "./render-barcode";

/** Decodes a PNG with the same zxing the scan page uses, as grey levels on white. */
function decodePng(png: Buffer, format: BarcodeFormat, { assumeGs1 = false } = {}) {
  const { width, height } = PNG.sync.read(png);
  const text = readBarcode(drawOnCanvas(png, { width, height }), format, { assumeGs1 });
  if (text === null) throw new Error(`zxing read no ${BarcodeFormat[format]} in the image`);
  return { text, width, height };
}

const STEM = "https://id.lotledger.example";
const PACKAGE = { "01": "09506000134352", "10": "LOT-2026/07", "21": "k7Q2xP9w" };
// Each fits a GS1-128 (at most 48 characters) and covers: qualifiers, a "(" in a value, a measure,
// an SSCC label, a fixed-length AI that is not predefined (422) and every symbol of set 82.
const AI_SETS: Record<string, string>[] = [
  PACKAGE,
  { "01": "09506000134352", "17": "261231", "10": "AB(1)", "21": "S1" },
  { "01": "09506000134352", "3103": "001250", "15": "270115", "10": "L1", "422": "276" },
  { "00": "106141411234567897", "02": "09506000134352", "37": "24", "10": "L1" },
  { "01": "09506000134352", "7007": "260701", "10": `x!"%&'*+,-./:;<=>?_` },
];

describe("renderBarcode: QR code with a Digital Link", () => {
  it.each([
    buildDigitalLink({ stem: STEM, ais: PACKAGE }),
    buildDigitalLink({ stem: "https://example.com/r", ais: { ...PACKAGE, "17": "261231" } }),
    buildDigitalLink({ stem: STEM, ais: { "01": "09506000134352", "10": "AB(1)/2%" } }),
    "https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426",
    "http://localhost:3000/01/09506000134352",
  ])("decodes back to %s", async (uri) => {
    const png = await renderBarcode({ symbology: "qr", data: uri, format: "png" });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(decodePng(png, BarcodeFormat.QR_CODE).text).toBe(uri);
  });

  it("leaves a 4-module quiet zone and grows with the scale", async () => {
    // 36 characters: QR version 3 (29 × 29 modules) at error correction level M
    const data = "https://id.gs1.org/01/09520123456788";
    const render = async (scale?: number) =>
      decodePng(
        await renderBarcode({ symbology: "qr", data, format: "png", scale }),
        BarcodeFormat.QR_CODE,
      );
    const [small, large] = [await render(), await render(4)];
    expect(small.width).toBe((29 + 2 * 4) * 4); // 2 points per module, 2 px per point
    expect(large.width).toBe(small.width * 2);
  });
});

describe("renderBarcode: GS1 DataMatrix and GS1-128 from AIs", () => {
  it.each(AI_SETS)("GS1 DataMatrix of %j decodes to the same element string", async (ais) => {
    const png = await renderBarcode({ symbology: "gs1-datamatrix", data: ais, format: "png" });
    const { text } = decodePng(png, BarcodeFormat.DATA_MATRIX);
    // zxing passes the FNC1 in first position on as a GS
    expect(text).toBe(`${GS}${formatElementString(ais)}`);
    expect(Object.fromEntries(parseScanData(text).ais)).toEqual(ais);
  });

  it.each(AI_SETS)("GS1-128 of %j decodes to the same element string", async (ais) => {
    const png = await renderBarcode({ symbology: "gs1-128", data: ais, format: "png", scale: 3 });
    const gs1 = decodePng(png, BarcodeFormat.CODE_128, { assumeGs1: true }).text;
    expect(gs1).toBe(`]C1${formatElementString(ais)}`);
    expect(Object.fromEntries(parseScanData(gs1).ais)).toEqual(ais);
    // Without ASSUME_GS1 zxing drops every FNC1, separators included: the scan page must set it
    const plain = decodePng(png, BarcodeFormat.CODE_128).text;
    expect(plain).toBe(formatElementString(ais).replaceAll(GS, ""));
  });

  it("draws a logistic label's content GS1-128 given the SSCC printed below it", async () => {
    const content = { "02": "09506000134352", "37": "48", "10": "L1" };
    const alone = await renderBarcode({ symbology: "gs1-128", data: content, format: "png" }).catch(
      (error: unknown) => error,
    );
    expect(
      rejectionOf(() => {
        throw alone;
      }),
    ).toBe("The barcode's count of trade items (37) is only valid together with AI (00).");
    const png = await renderBarcode({
      symbology: "gs1-128",
      data: content,
      format: "png",
      scale: 3,
      alsoOnLabel: { "00": "106141411234567897" },
    });
    expect(decodePng(png, BarcodeFormat.CODE_128, { assumeGs1: true }).text).toBe(
      `]C10209506000134352${"10L1"}${GS}3748`,
    );
  });

  it("draws a case label's GS1-128 with taller bars when asked, and it still decodes", async () => {
    const case_ = { "01": PACKAGE["01"], "10": PACKAGE["10"] };
    const render = (barHeightMm?: number) =>
      renderBarcode({ symbology: "gs1-128", data: case_, format: "png", scale: 2, barHeightMm });
    const [standard, tall] = [await render(), await render(25)];
    expect(PNG.sync.read(tall).height).toBeGreaterThan(PNG.sync.read(standard).height * 1.5);
    expect(decodePng(tall, BarcodeFormat.CODE_128, { assumeGs1: true }).text).toBe(
      `]C1${formatElementString(case_)}`,
    );
  });

  it("prints the human-readable text under the symbol when asked, and still decodes", async () => {
    for (const symbology of ["gs1-128", "gs1-datamatrix"] as const) {
      const format = symbology === "gs1-128" ? BarcodeFormat.CODE_128 : BarcodeFormat.DATA_MATRIX;
      const plain = decodePng(
        await renderBarcode({ symbology, data: PACKAGE, format: "png" }),
        format,
      );
      const withText = decodePng(
        await renderBarcode({ symbology, data: PACKAGE, format: "png", includeText: true }),
        format,
      );
      expect(withText.height).toBeGreaterThan(plain.height);
      expect(withText.text).toBe(plain.text);
    }
  });
});

describe("renderBarcode: SVG", () => {
  it.each([
    ["qr", buildDigitalLink({ stem: STEM, ais: PACKAGE })],
    ["gs1-datamatrix", PACKAGE],
    ["gs1-128", PACKAGE],
  ] as const)("renders %s as an SVG document", async (symbology, data) => {
    const options = { symbology, data, format: "svg", includeText: true } as RenderBarcodeOptions;
    const svg = await renderBarcode({ ...options, format: "svg" });
    expect(typeof svg).toBe("string");
    expect(svg).toMatch(/^<svg viewBox="0 0 \d+ \d+" xmlns="http:\/\/www\.w3\.org\/2000\/svg">/);
    expect(svg.trimEnd()).toMatch(/<\/svg>$/);
  });

  it("names the content type of each format", () => {
    expect(BARCODE_CONTENT_TYPES).toEqual({ png: "image/png", svg: "image/svg+xml" });
  });
});

describe("renderBarcode rejects", () => {
  const reject = async (options: RenderBarcodeOptions) => {
    const error = await renderBarcode(options).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    return rejectionOf(() => {
      throw error;
    });
  };

  it.each([
    [
      { symbology: "qr", data: "https://id.lotledger.example/01/09506000134353", format: "png" },
      "The Digital Link's GTIN 09506000134353 has a wrong check digit: the last digit should be 2.",
    ],
    [
      { symbology: "qr", data: "/01/09506000134352", format: "png" },
      "A QR code on a label carries a full https:// Digital Link.",
    ],
    [
      { symbology: "qr", data: "hello", format: "svg" },
      "This is not a GS1 Digital Link: one starts with https:// and a host name, followed by a path such as /01/ and the GTIN.",
    ],
    [
      { symbology: "gs1-128", data: { "01": "09506000134353" }, format: "png" },
      "The barcode's GTIN 09506000134353 has a wrong check digit: the last digit should be 2.",
    ],
    [
      {
        symbology: "gs1-datamatrix",
        data: { "01": "09506000134352", "10": "LOT 1" },
        format: "png",
      },
      `The barcode's lot code (10) may only contain letters, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _, not “ ”.`,
    ],
    [
      { symbology: "gs1-datamatrix", data: { "21": "S1" }, format: "svg" },
      "The barcode's serial number (21) is only valid together with AI (01), AI (03) or AI (8006).",
    ],
    [
      { symbology: "gs1-128", data: PACKAGE, format: "png", scale: 0 },
      "A barcode's scale is a number from 1 to 20.",
    ],
    [
      { symbology: "gs1-128", data: PACKAGE, format: "png", scale: Number.NaN },
      "A barcode's scale is a number from 1 to 20.",
    ],
    [
      {
        symbology: "gs1-128",
        data: {
          "00": "106141411234567897",
          "02": "09506000134352",
          "37": "24",
          "10": "L1",
          "400": "PO-42",
        },
        format: "png",
      },
      "A GS1-128 barcode holds at most 48 characters and this data needs 54; use a GS1 DataMatrix or split the data over two GS1-128 barcodes.",
    ],
    [
      {
        symbology: "qr",
        data: `https://id.lotledger.example/01/09506000134352?${["91", "92", "93", "94", "95", "96", "97", "98", "99"].map((ai) => `${ai}=${"%25".repeat(90)}`).join("&")}`,
        format: "png",
      },
      "The QR code can't be drawn: Maximum length exceeded or invalid content.",
    ],
  ] as const)("%j", async (options, message) => {
    expect(await reject(options as RenderBarcodeOptions)).toBe(message);
  });
});
