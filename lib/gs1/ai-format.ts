/**
 * The shape of one entry of GS1's Barcode Syntax Dictionary (lib/gs1/syntax-dictionary), as the
 * generator writes it into lib/gs1/generated/ai-dictionary.ts.
 */

/** N: digits; X: GS1 character set 82; Y: GS1 character set 39; Z: base64url (character set 64). */
export type AiCharset = "N" | "X" | "Y" | "Z";

/** One component of an AI's value: "N6,yymmdd", "[N4],hhmi", "X..20". */
export interface AiComponent {
  charset: AiCharset;
  minLength: number;
  maxLength: number;
  /** "[…]": may be left out once the value is exhausted. */
  isOptional: boolean;
  /** GS1's reference content checks applied to this component: "csum", "yymmd0", "iso3166" … */
  linters: string[];
}

export interface DictionaryEntry {
  /** The AI, or the first and last AI of a range ("3100"–"3105"). */
  first: string;
  last: string;
  /** GS1's data title: "BATCH/LOT", "GTIN". */
  title: string;
  /** Flag "*": the AI has a predefined length, so no FNC1 follows its value in a barcode. */
  hasPredefinedLength: boolean;
  /** Flag "?": the AI may be a GS1 Digital Link query-string attribute. */
  isDigitalLinkAttribute: boolean;
  components: AiComponent[];
  /**
   * Each `req=` clause must hold: one of its alternatives, each a group of AIs or patterns
   * ("31nn") that must all be present ("01+21").
   */
  requires: string[][][];
  /** `ex=`: AIs or patterns ("310n") that can't be present with it (never the AI itself). */
  excludes: string[];
  /**
   * `dlpkey`: a GS1 Digital Link primary key, with its alternative sequences of ordered, optional
   * key qualifiers ([[]] when it takes none).
   */
  digitalLinkQualifiers?: string[][];
}
