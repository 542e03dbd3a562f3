import { type AiValues, assertCheckDigit, invalidGs1 } from "./ai-value";
import { GS, parseBracketedElementString, parseElementString } from "./element-string";
import { parseDigitalLink } from "./parse-digital-link";

export interface ScanData {
  /** What the data was: a Digital Link URI, GS1 element strings, or a bare GTIN (EAN, UPC, ITF). */
  format: "digital-link" | "element-string" | "gtin";
  /** The AIs in the order read; a bare GTIN comes back as (01) with 14 digits. */
  ais: AiValues;
}

/**
 * AIM symbology identifiers a reader may put in front of the data (ISO/IEC 15424), and what follows
 * each: GS1 element strings, plain data (a Digital Link in a QR code or Data Matrix), or a GTIN.
 */
const SYMBOLOGIES: Record<string, { name: string; carries: "ais" | "plain" | number }> = {
  C1: { name: "GS1-128", carries: "ais" },
  d2: { name: "GS1 DataMatrix", carries: "ais" },
  Q3: { name: "GS1 QR Code", carries: "ais" },
  e0: { name: "GS1 DataBar", carries: "ais" },
  Q1: { name: "QR Code", carries: "plain" },
  d1: { name: "Data Matrix", carries: "plain" },
  E0: { name: "EAN-13 or UPC-A", carries: 13 },
  E4: { name: "EAN-8", carries: 8 },
  I1: { name: "ITF-14", carries: 14 },
};

const DIGITAL_LINK = /^https?:\/\//i;

/**
 * One entry point for whatever a scanner or a phone camera hands over: a Digital Link URI; GS1
 * element strings with GS (U+001D) separators, with or without a symbology identifier (]C1, ]d2,
 * ]Q3, ]e0) or a leading GS; the bracketed form "(01)09506000134352(10)ABC"; or the digits of an
 * EAN-13, UPC-A, EAN-8 or GTIN-14 (with ]E0, ]E4, ]I1 or bare). Surrounding whitespace (a reader's
 * CR/LF suffix) is ignored. Each rejection is an AppError("INVALID_INPUT") that says why.
 */
export function parseScanData(text: string): ScanData {
  const data = text.replace(/^[\s]+|[\s]+$/g, "");
  if (data === "") throw invalidGs1("The scan is empty; scan the barcode again.");

  const identifier = /^\](..)/.exec(data)?.[1];
  if (identifier !== undefined) return parseWithIdentifier(identifier, data.slice(3));

  if (DIGITAL_LINK.test(data)) return { format: "digital-link", ais: parseDigitalLink(data).ais };
  if (data.startsWith("(")) {
    return { format: "element-string", ais: parseBracketedElementString(data) };
  }
  if (/^\d+$/.test(data) && [8, 12, 13, 14].includes(data.length)) return parseGtinDigits(data);
  if (data.startsWith(GS) || /^\d\d/.test(data)) {
    return { format: "element-string", ais: parseElementString(data) };
  }
  throw invalidGs1(
    "This scan holds no GS1 data: neither a Digital Link, nor GS1 element strings, nor a GTIN.",
  );
}

function parseWithIdentifier(identifier: string, data: string): ScanData {
  const symbology = SYMBOLOGIES[identifier];
  if (!symbology) {
    throw invalidGs1(
      `LotLedger can't read this kind of barcode (symbology identifier ]${identifier}); scan the label's QR code, GS1 DataMatrix, GS1-128 or EAN-13.`,
    );
  }
  const { name, carries } = symbology;
  if (carries === "ais") return { format: "element-string", ais: parseElementString(data) };
  if (carries === "plain") {
    if (!DIGITAL_LINK.test(data.trim())) {
      throw invalidGs1(`This ${name} holds no GS1 Digital Link: it does not start with https://.`);
    }
    return { format: "digital-link", ais: parseDigitalLink(data).ais };
  }
  if (!new RegExp(`^\\d{${carries}}$`).test(data)) {
    throw invalidGs1(`An ${name} barcode holds ${carries} digits; this one holds “${data}”.`);
  }
  return parseGtinDigits(data);
}

/** The digits of an EAN-8, UPC-A, EAN-13 or GTIN-14, checked and padded to a 14-digit GTIN. */
function parseGtinDigits(digits: string): ScanData {
  assertCheckDigit("GTIN", digits, "barcode");
  return { format: "gtin", ais: new Map([["01", digits.padStart(14, "0")]]) };
}
