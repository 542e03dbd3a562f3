/**
 * The GS1 Application Identifiers LotLedger reads and writes: the ones its labels carry plus the
 * common ones a scanner meets on food packaging and logistic labels. Formats, requisites and the
 * Digital Link roles follow the GS1 Barcode Syntax Dictionary (the machine-readable form of the AI
 * section of the GS1 General Specifications) and the GS1 Digital Link URI Syntax standard.
 */

/** N: digits; X: GS1 character set 82; Y: GS1 character set 39. */
export type AiCharset = "N" | "X" | "Y";

/** Value checks beyond character set and length (dates as in the GS1 General Specifications). */
export type AiValueCheck = "yymmd0" | "yymmdd" | "yymmdd-yymmdd" | "yymmddhhmi" | "no-zero-prefix";

export interface AiDefinition {
  ai: string;
  /** What a user calls it, for messages: "GTIN", "lot code", "net weight in kg". */
  label: string;
  charset: AiCharset;
  minLength: number;
  maxLength: number;
  /** The last digit is a GS1 check digit (GTIN, GLN, SSCC). */
  hasCheckDigit: boolean;
  check?: AiValueCheck;
  /**
   * The AI's first two digits are in the predefined-length table, so no FNC1 follows it in a
   * barcode. Every other AI needs an FNC1 (GS) after its value unless it is the last one.
   */
  hasPredefinedLength: boolean;
  /** May appear in a Digital Link's query string as `?{ai}={value}`. */
  isDigitalLinkAttribute: boolean;
  /** Alternatives, each a set of AIs that must all be present: [["01"], ["02"]] = (01) or (02). */
  requires: string[][];
}

/**
 * The GS1 General Specifications' table of element strings with predefined length: the first two
 * digits of the AI and the total length (AI + value).
 */
// biome-ignore format: a table reads better on a few lines
export const PREDEFINED_LENGTHS: Readonly<Record<string, number>> = {
  "00": 20, "01": 16, "02": 16, "03": 16, "04": 18, "11": 8, "12": 8, "13": 8, "14": 8,
  "15": 8, "16": 8, "17": 8, "18": 8, "19": 8, "20": 4, "31": 10, "32": 10, "33": 10,
  "34": 10, "35": 10, "36": 10, "41": 16,
};

/**
 * Digital Link primary keys LotLedger accepts and their key qualifiers, in the only order the
 * standard allows in the path (`/01/{gtin}/22/{cpv}/10/{lot}/21/{serial}`), each one optional.
 */
export const DIGITAL_LINK_KEY_QUALIFIERS: Readonly<Record<string, readonly string[]>> = {
  "01": ["22", "10", "21"],
  "00": [],
  "414": ["254"],
  "417": [],
  "8010": ["8011"],
};

const GTIN_OR_CONTENT = [["01"], ["02"]];

type Spec = Omit<AiDefinition, "ai" | "hasPredefinedLength" | "requires"> & {
  requires?: string[][];
};

function numeric(label: string, length: number, extra: Partial<Spec> = {}): Spec {
  return {
    label,
    charset: "N",
    minLength: length,
    maxLength: length,
    hasCheckDigit: false,
    isDigitalLinkAttribute: true,
    ...extra,
  };
}

function variable(label: string, charset: AiCharset, max: number, extra: Partial<Spec> = {}) {
  return numeric(label, 1, { charset, maxLength: max, ...extra });
}

const gs1Key = (label: string, length: number) => numeric(label, length, { hasCheckDigit: true });
const date = (label: string, check: AiValueCheck = "yymmd0") =>
  numeric(label, 6, { check, requires: GTIN_OR_CONTENT });

const specs: Record<string, Spec> = {
  "00": gs1Key("SSCC", 18),
  "01": gs1Key("GTIN", 14),
  "02": { ...gs1Key("GTIN of the contained items", 14), requires: [["37"]] },
  "10": variable("lot code", "X", 20, { requires: GTIN_OR_CONTENT }),
  "11": date("production date"),
  "13": date("packaging date"),
  "15": date("best-before date"),
  "16": date("sell-by date"),
  "17": date("expiry date"),
  "20": numeric("product variant", 2, { requires: GTIN_OR_CONTENT }),
  "21": variable("serial number", "X", 20, { isDigitalLinkAttribute: false, requires: [["01"]] }),
  "22": variable("consumer product variant", "X", 20, {
    isDigitalLinkAttribute: false,
    requires: [["01"]],
  }),
  "240": variable("additional product ID", "X", 30, { requires: GTIN_OR_CONTENT }),
  "241": variable("customer part number", "X", 30, { requires: GTIN_OR_CONTENT }),
  "250": variable("secondary serial number", "X", 30, { requires: [["01", "21"]] }),
  "251": variable("reference to source entity", "X", 30, { requires: [["01"]] }),
  "254": variable("GLN extension", "X", 20, { isDigitalLinkAttribute: false, requires: [["414"]] }),
  "30": variable("variable count", "N", 8, { requires: GTIN_OR_CONTENT }),
  "37": variable("count of trade items", "N", 8, { requires: [["00", "02"]] }),
  "400": variable("purchase order number", "X", 30),
  "410": gs1Key("ship-to GLN", 13),
  "411": gs1Key("bill-to GLN", 13),
  "412": gs1Key("purchased-from GLN", 13),
  "413": gs1Key("ship-for GLN", 13),
  "414": gs1Key("location GLN", 13),
  "416": gs1Key("production location GLN", 13),
  "417": gs1Key("party GLN", 13),
  "422": numeric("country of origin", 3, { requires: GTIN_OR_CONTENT }),
  "7003": numeric("expiry date and time", 10, { check: "yymmddhhmi", requires: GTIN_OR_CONTENT }),
  "7006": date("first freeze date", "yymmdd"),
  "7007": { ...date("harvest date", "yymmdd-yymmdd"), maxLength: 12 },
  "8010": variable("component/part ID", "Y", 30),
  "8011": variable("component/part serial number", "N", 12, {
    check: "no-zero-prefix",
    isDigitalLinkAttribute: false,
    requires: [["8010"]],
  }),
  "8200": variable("product URL", "X", 70, { isDigitalLinkAttribute: false, requires: [["01"]] }),
  "90": variable("mutually agreed information", "X", 30),
};

// Variable measures: the fourth digit n of 310n etc. is the number of decimals (0–5).
const measures: Record<string, [label: string, requires: string[][]]> = {
  "310": ["net weight in kg", GTIN_OR_CONTENT],
  "311": ["length in m", GTIN_OR_CONTENT],
  "312": ["width in m", GTIN_OR_CONTENT],
  "313": ["depth in m", GTIN_OR_CONTENT],
  "314": ["area in m²", GTIN_OR_CONTENT],
  "315": ["net volume in l", GTIN_OR_CONTENT],
  "316": ["net volume in m³", GTIN_OR_CONTENT],
  "320": ["net weight in lb", GTIN_OR_CONTENT],
  "330": ["gross weight in kg", [["00"], ["01"]]],
};
for (const [prefix, [label, requires]] of Object.entries(measures)) {
  for (let decimals = 0; decimals <= 5; decimals++) {
    specs[`${prefix}${decimals}`] = numeric(label, 6, { requires });
  }
}
for (let ai = 91; ai <= 99; ai++)
  specs[String(ai)] = variable("company internal information", "X", 90);

const table = new Map<string, AiDefinition>(
  Object.entries(specs).map(([ai, spec]) => [
    ai,
    {
      ...spec,
      ai,
      requires: spec.requires ?? [],
      hasPredefinedLength: ai.slice(0, 2) in PREDEFINED_LENGTHS,
    },
  ]),
);

/** The definition of an AI LotLedger knows, or undefined. */
export function getAiDefinition(ai: string): AiDefinition | undefined {
  return table.get(ai);
}

export function listAiDefinitions(): AiDefinition[] {
  return [...table.values()];
}

/**
 * How many digits the AI has, from its first two digits (GS1 AIs are prefix-free). Used to name an
 * AI LotLedger does not know when it is found in an element string.
 */
export function aiLengthByPrefix(firstTwoDigits: string): number {
  const prefix = Number(firstTwoDigits);
  if ([23, 24, 25, 40, 41, 42, 71].includes(prefix)) return 3;
  if ((prefix >= 31 && prefix <= 36) || [39, 43, 70, 72, 80, 81, 82].includes(prefix)) return 4;
  return 2;
}

/** The known AI an unbracketed element string starts with, or undefined. */
export function findAiAtStart(data: string): AiDefinition | undefined {
  for (const length of [2, 3, 4]) {
    const definition = table.get(data.slice(0, length));
    if (definition) return definition;
  }
  return undefined;
}
