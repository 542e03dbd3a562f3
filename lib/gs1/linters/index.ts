import {
  checkCharacterPairProblem,
  checkDigitProblem,
  companyPrefixProblem,
} from "./check-characters";
import {
  hasNonDigitProblem,
  ibanProblem,
  isoAlpha2Problem,
  isoCountryOr999Problem,
  isoCountryProblem,
  isoCurrencyProblem,
  mediaTypeProblem,
  nonZeroProblem,
  noZeroPrefixProblem,
  oneOf,
  percentEncodingProblem,
  pieceOfTotalProblem,
  positionInSequenceProblem,
} from "./codes";
import { dateProblem, fullDateProblem, rangeProblem, timeProblem } from "./dates";

/** What is wrong with a component, as the end of a sentence ("is not a valid date …"), or undefined. */
export type Linter = (component: string) => string | undefined;

/** GS1's reference linters that LotLedger implements, by the names the Syntax Dictionary uses. */
export const LINTERS: Readonly<Record<string, Linter>> = {
  csum: checkDigitProblem,
  csumalpha: checkCharacterPairProblem,
  key: companyPrefixProblem(0),
  keyoff1: companyPrefixProblem(1),
  yymmd0: (value) => dateProblem(value, true),
  yymmdd: (value) => dateProblem(value, false),
  yyyymmdd: fullDateProblem,
  hhmi: timeProblem,
  hh: rangeProblem("hour", 23),
  mi: rangeProblem("minute", 59),
  ss: rangeProblem("second", 59),
  nonzero: nonZeroProblem,
  zero: oneOf(["0"], "this digit must be 0"),
  nozeroprefix: noZeroPrefixProblem,
  hasnondigit: hasNonDigitProblem,
  yesno: oneOf(["0", "1"], "it must be 0 (no) or 1 (yes)"),
  winding: oneOf(["0", "1", "9"], "the winding direction is 0, 1 or 9"),
  iso5218: oneOf(["0", "1", "2", "9"], "the sex code (ISO 5218) is 0, 1, 2 or 9"),
  hyphen: oneOf(["-"], "the optional last character is “-” for a negative temperature"),
  pieceoftotal: pieceOfTotalProblem,
  posinseqslash: positionInSequenceProblem,
  mediatype: mediaTypeProblem,
  latitude: rangeProblem("latitude", 1_800_000_000),
  longitude: rangeProblem("longitude", 3_600_000_000),
  pcenc: percentEncodingProblem,
  iso3166: isoCountryProblem,
  iso3166999: isoCountryOr999Problem,
  iso3166alpha2: isoAlpha2Problem,
  iso4217: isoCurrencyProblem,
  iban: ibanProblem,
};

/**
 * Linters whose content rules LotLedger does not check (coupon codes, UN/ECE package types, the
 * EU tobacco importer index): only the AI's character set and lengths apply to those components.
 */
export const UNCHECKED_LINTERS: ReadonlySet<string> = new Set([
  "couponcode",
  "couponposoffer",
  "packagetype",
  "importeridx",
]);

export const KNOWN_LINTERS: ReadonlySet<string> = new Set([
  ...Object.keys(LINTERS),
  ...UNCHECKED_LINTERS,
]);
