// Counts as people say them: "1 lot", "8 lots", "1 case", "8 cases", "2.5 kg". English has two plural
// forms, but Intl.PluralRules knows which one a number takes (1 → one; 0, 1.5 and 8 → other), so the
// rule is written once, here, and not as `n === 1 ? … : …` at every count on every page.

const RULES = new Intl.PluralRules("en-GB");
const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 3 });

/** Units of measure that change with the count; symbols (kg, lb) and "each" never do. */
const UNIT_PLURALS: Record<string, string> = { case: "cases" };

/** The noun's form for this count: plural(1, "lot") = "lot", plural(8, "lot") = "lots". */
export function plural(count: number, one: string, other = `${one}s`): string {
  return RULES.select(count) === "one" ? one : other;
}

/** A count and its noun: countText(1, "lot") = "1 lot", countText(1200, "package") = "1,200 packages". */
export function countText(count: number, one: string, other?: string): string {
  return `${NUMBER.format(count)} ${plural(count, one, other)}`;
}

/**
 * A quantity and its unit as a lot records them (a decimal string such as "8" or "12.5"):
 * "8 cases", "1 case", "2.5 kg"; the quantity alone when the unit is unknown.
 */
export function quantityText(quantity: string | number, unit: string | null | undefined): string {
  if (!unit) return String(quantity);
  const other = UNIT_PLURALS[unit];
  const word = other ? plural(Number(quantity), unit, other) : unit;
  return `${quantity} ${word}`;
}
