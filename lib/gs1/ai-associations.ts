import { getAiDefinition } from "./ai-table";
import { type AiValues, type Gs1Source, invalidGs1 } from "./ai-value";

/** AIs GS1 forbids together (the invalid pairs of the General Specifications). */
const EXCLUSIVE_PAIRS: [string, string][] = [
  ["01", "02"],
  ["01", "37"],
];

/** A variable measure, e.g. 310n, may appear once whatever its decimals: 3102 excludes 3103. */
function measureOf(ai: string): string | undefined {
  return /^3[1-6]\d\d$/.test(ai) ? ai.slice(0, 3) : undefined;
}

/**
 * Checks that AIs appear only with the AIs they need (a lot code with a GTIN, a serial number with
 * a GTIN, a count with an SSCC and contained GTIN) and never with ones they exclude.
 */
export function checkAiAssociations(ais: AiValues, source: Gs1Source): void {
  for (const [first, second] of EXCLUSIVE_PAIRS) {
    if (ais.has(first) && ais.has(second)) {
      throw invalidGs1(`AI (${first}) and AI (${second}) can't be in the same ${source}.`);
    }
  }

  const measures = new Map<string, string>();
  for (const ai of ais.keys()) {
    const measure = measureOf(ai);
    if (!measure) continue;
    const other = measures.get(measure);
    if (other) {
      const label = getAiDefinition(ai)?.label ?? "measure";
      throw invalidGs1(
        `AI (${other}) and AI (${ai}) can't be in the same ${source}: both give the ${label}.`,
      );
    }
    measures.set(measure, ai);
  }

  for (const ai of ais.keys()) {
    const definition = getAiDefinition(ai);
    if (!definition || definition.requires.length === 0) continue;
    const isSatisfied = definition.requires.some((group) => group.every((need) => ais.has(need)));
    if (isSatisfied) continue;
    const needs = definition.requires
      .map((group) => group.map((need) => `AI (${need})`).join(" and "))
      .join(" or ");
    throw invalidGs1(
      `The ${source}'s ${definition.label} (${ai}) is only valid together with ${needs}.`,
    );
  }
}
