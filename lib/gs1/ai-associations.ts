import { getAiDefinition } from "./ai-table";
import { type AiValues, type Gs1Source, invalidGs1 } from "./ai-value";

/** Whether an AI matches a dictionary pattern: "310n" matches 3100–3109, "31nn" 3100–3199. */
function matches(ai: string, pattern: string): boolean {
  return (
    ai.length === pattern.length &&
    [...pattern].every((character, index) => character === "n" || character === ai[index])
  );
}

const isPresent = (ais: AiValues, pattern: string) =>
  [...ais.keys()].some((ai) => matches(ai, pattern));

/** "AI (01) and AI (21)", "an AI (31nn)". */
function describeGroup(group: string[]): string {
  return group
    .map((pattern) => (pattern.includes("n") ? `an AI (${pattern})` : `AI (${pattern})`))
    .join(" and ");
}

function describeAlternatives(groups: string[][]): string {
  const names = groups.map(describeGroup);
  return names.length === 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/**
 * Checks the AI pairings of GS1's Syntax Dictionary over all the AIs of one item: every `req=`
 * clause of each AI holds (a lot code with a GTIN, a count with an SSCC …) and no AI is present
 * with one its `ex=` excludes (an AI never excludes itself).
 */
export function checkAiAssociations(ais: AiValues, source: Gs1Source): void {
  for (const ai of ais.keys()) {
    const definition = getAiDefinition(ai);
    if (!definition) continue;
    for (const pattern of definition.excludes) {
      const other = [...ais.keys()].find(
        (candidate) => candidate !== ai && matches(candidate, pattern),
      );
      if (other === undefined) continue;
      const [first, second] = ai < other ? [ai, other] : [other, ai];
      const both = getAiDefinition(other)?.label === definition.label;
      const reason = both ? `: both give the ${definition.label}` : "";
      throw invalidGs1(`AI (${first}) and AI (${second}) can't be in the same ${source}${reason}.`);
    }
  }

  for (const ai of ais.keys()) {
    const definition = getAiDefinition(ai);
    if (!definition) continue;
    for (const clause of definition.requires) {
      const isSatisfied = clause.some((group) => group.every((need) => isPresent(ais, need)));
      if (isSatisfied) continue;
      throw invalidGs1(
        `The ${source}'s ${definition.label} (${ai}) is only valid together with ${describeAlternatives(clause)}.`,
      );
    }
  }
}
