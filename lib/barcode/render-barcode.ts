import "server-only";
import bwipjs from "bwip-js/node";
import { AppError } from "@/lib/errors";
import type { AiInput } from "@/lib/gs1/ai-value";
import {
  entriesForBarcode,
  formatElementString,
  formatHumanReadable,
  type OnLabel,
} from "@/lib/gs1/element-string";
import { parseDigitalLink } from "@/lib/gs1/parse-digital-link";

export type BarcodeSymbology = "qr" | "gs1-datamatrix" | "gs1-128";
export type BarcodeImageFormat = "png" | "svg";

interface ImageOptions {
  format: BarcodeImageFormat;
  /** Pixels per point (a 2D module is 2 points, a GS1-128 module 1); 1–20, default 2. */
  scale?: number;
  /** A GS1-128's bar height in millimetres (bwip-js's default is about 13 mm). */
  barHeightMm?: number;
  /** Print the human-readable interpretation, "(01)09506000134352(10)ABC", under the symbol. */
  includeText?: boolean;
}

export type RenderBarcodeOptions = ImageOptions &
  (
    | {
        symbology: "qr";
        /** A GS1 Digital Link URI, e.g. from buildDigitalLink. */
        data: string;
      }
    | { symbology: "gs1-datamatrix" | "gs1-128"; data: AiInput; alsoOnLabel?: AiInput }
  );

export const BARCODE_CONTENT_TYPES = { png: "image/png", svg: "image/svg+xml" } as const;

/**
 * bwip-js encoder and quiet zone (in points) per symbology: 4 modules around a QR Code, 10 modules
 * left and right of a GS1-128, and 2 around a GS1 DataMatrix (1 is the GS1 minimum; 2 is kinder to
 * phone cameras).
 */
const SYMBOLOGIES = {
  qr: { bcid: "qrcode", name: "QR code", paddingwidth: 8, paddingheight: 8 },
  "gs1-datamatrix": {
    bcid: "gs1datamatrix",
    name: "GS1 DataMatrix",
    paddingwidth: 4,
    paddingheight: 4,
  },
  "gs1-128": { bcid: "gs1-128", name: "GS1-128 barcode", paddingwidth: 10, paddingheight: 0 },
} as const;

/**
 * Renders a barcode as PNG (a Buffer) or SVG (a string). A QR code carries a package's Digital Link
 * URI as plain data (GS1 Digital Link QR); GS1 DataMatrix and GS1-128 carry AI element strings,
 * FNC1-separated by the encoder. The data is validated by lib/gs1 first, so a rejection is an
 * AppError("INVALID_INPUT") that says why.
 */
export function renderBarcode(options: RenderBarcodeOptions & { format: "png" }): Promise<Buffer>;
export function renderBarcode(options: RenderBarcodeOptions & { format: "svg" }): Promise<string>;
export function renderBarcode(options: RenderBarcodeOptions): Promise<Buffer | string>;
export async function renderBarcode(options: RenderBarcodeOptions): Promise<Buffer | string> {
  const { symbology, format, scale = 2, includeText = false } = options;
  if (!Number.isFinite(scale) || scale < 1 || scale > 20) {
    throw new AppError("INVALID_INPUT", "A barcode's scale is a number from 1 to 20.");
  }
  const { bcid, name, paddingwidth, paddingheight } = SYMBOLOGIES[symbology];
  const { text, humanReadable } =
    options.symbology === "qr"
      ? qrContent(options.data)
      : gs1Content(options.data, options.symbology, { alsoOnLabel: options.alsoOnLabel });
  const renderOptions: bwipjs.RenderOptions & { eclevel?: string } = {
    bcid,
    text,
    scale,
    paddingwidth,
    paddingheight,
    ...(options.symbology === "qr" ? { eclevel: "M" } : { parse: true }),
    ...(options.symbology === "gs1-128" && options.barHeightMm
      ? { height: options.barHeightMm }
      : {}),
    ...(includeText ? { includetext: true, alttext: humanReadable, textxalign: "center" } : {}),
  };
  try {
    return format === "png" ? await bwipjs.toBuffer(renderOptions) : bwipjs.toSVG(renderOptions);
  } catch (error) {
    // BWIPP's own checks ("bwipp.qrcodeNoValidSymbol: Maximum length exceeded …") for what
    // lib/gs1 doesn't cover, such as a symbol's capacity.
    const message = error instanceof Error ? error.message : String(error);
    if (!message.startsWith("bwipp.")) throw error;
    const reason = message.slice(message.indexOf(":") + 1).trim();
    throw new AppError("INVALID_INPUT", `The ${name} can't be drawn: ${reason}.`, { cause: error });
  }
}

function qrContent(uri: string) {
  const { ais } = parseDigitalLink(uri);
  if (!/^https?:\/\//i.test(uri.trim())) {
    throw new AppError(
      "INVALID_INPUT",
      "A QR code on a label carries a full https:// Digital Link.",
    );
  }
  return { text: uri.trim(), humanReadable: formatHumanReadable(ais) };
}

/** GS1 General Specifications: a GS1-128 holds at most 48 data characters, separators included. */
const GS1_128_MAX_CHARACTERS = 48;

/**
 * bwip-js reads "(AI)value" and inserts the FNC1s itself. A parenthesis inside a value would be
 * taken for the start of an AI, so it goes in as BWIPP's ordinal escape (^040, ^041, with parse).
 */
function gs1Content(ais: AiInput, symbology: "gs1-datamatrix" | "gs1-128", label: OnLabel) {
  const entries = entriesForBarcode(ais, label);
  const length = formatElementString(entries, label).length;
  if (symbology === "gs1-128" && length > GS1_128_MAX_CHARACTERS) {
    throw new AppError(
      "INVALID_INPUT",
      `A GS1-128 barcode holds at most ${GS1_128_MAX_CHARACTERS} characters and this data needs ${length}; use a GS1 DataMatrix or split the data over two GS1-128 barcodes.`,
    );
  }
  const text = entries
    .map(([ai, value]) => `(${ai})${value.replaceAll("(", "^040").replaceAll(")", "^041")}`)
    .join("");
  return { text, humanReadable: formatHumanReadable(entries, label) };
}
