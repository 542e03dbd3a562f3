import { DIGITAL_LINK_PRIMARY_KEYS } from "./ai-table";
import { duplicateAiMessage, invalidGs1, requireAiDefinition, validateAiValue } from "./ai-value";
import { decodeAiValue } from "./uri-component";

// The AIs of a Digital Link after its stem: the primary key and its qualifiers in the path, the
// data attributes in the query string, each value percent-decoded and checked.

const SOURCE = "Digital Link";

function addValue(ais: Map<string, string>, ai: string, raw: string, isQuery: boolean) {
  const decoded = decodeAiValue(raw, ai, isQuery);
  if (ai === "01" && /^(\d{8}|\d{12}|\d{13})$/.test(decoded)) {
    throw invalidGs1(
      `A GTIN in a Digital Link has 14 digits: write ${decoded} as ${decoded.padStart(14, "0")}.`,
    );
  }
  validateAiValue(ai, decoded, SOURCE);
  ais.set(ai, decoded);
}

/** Reads "/{key}/{value}[/{qualifier}/{value}…]": qualifiers of one sequence, in its order. */
export function readPath(segments: string[], ais: Map<string, string>): void {
  const primaryKey = segments[0] ?? "";
  let sequences = DIGITAL_LINK_PRIMARY_KEYS.get(primaryKey) ?? [];
  let previous: string | undefined;
  for (let index = 0; index < segments.length; index += 2) {
    const ai = segments[index] ?? "";
    if (index > 0) {
      if (!/^\d+$/.test(ai)) {
        throw invalidGs1(`The Digital Link's path has “${ai}” where an AI number should be.`);
      }
      const definition = requireAiDefinition(ai, SOURCE);
      if (ais.has(ai)) throw invalidGs1(duplicateAiMessage(ai, SOURCE));
      const withAi = sequences.filter((sequence) => sequence.includes(ai));
      if (withAi.length === 0) throw invalidGs1(pathMisfit(ai, primaryKey, previous, definition));
      const inOrder = withAi.filter(
        (sequence) => previous === undefined || sequence.indexOf(ai) > sequence.indexOf(previous),
      );
      if (inOrder.length === 0) {
        throw invalidGs1(`In a Digital Link's path, (${ai}) must come before (${previous}).`);
      }
      sequences = inOrder;
      previous = ai;
    }
    addValue(ais, ai, segments[index + 1] ?? "", false);
  }
}

/** Why a path AI can't qualify the key: it never does, or not with the qualifier before it. */
function pathMisfit(
  ai: string,
  primaryKey: string,
  previous: string | undefined,
  definition: { isDigitalLinkAttribute: boolean },
): string {
  const allSequences = DIGITAL_LINK_PRIMARY_KEYS.get(primaryKey) ?? [];
  if (previous !== undefined && allSequences.some((sequence) => sequence.includes(ai))) {
    return `AI (${ai}) and AI (${previous}) can't both follow (${primaryKey}) in a Digital Link's path: they are alternatives.`;
  }
  const hint = definition.isDigitalLinkAttribute ? `; put it in the query string: ?${ai}=…` : "";
  return `AI (${ai}) can't follow (${primaryKey}) in a Digital Link's path${hint}.`;
}

/** Reads "{ai}={value}&…": the key's data attributes; other parameters (linkType …) are ignored. */
export function readQuery(query: string, primaryKey: string, ais: Map<string, string>): void {
  const qualifiers = (DIGITAL_LINK_PRIMARY_KEYS.get(primaryKey) ?? []).flat();
  for (const parameter of query.split("&")) {
    const equals = parameter.indexOf("=");
    const ai = parameter.slice(0, equals);
    // Parameters without a value, and those whose name is not all digits, are not AIs: ignored.
    if (equals < 0 || !/^\d+$/.test(ai)) continue;
    const definition = requireAiDefinition(ai, SOURCE);
    if (ais.has(ai)) throw invalidGs1(duplicateAiMessage(ai, SOURCE));
    if (qualifiers.includes(ai)) {
      throw invalidGs1(
        `AI (${ai}) belongs in the Digital Link's path (…/${ai}/{value}), not in its query string.`,
      );
    }
    if (!definition.isDigitalLinkAttribute) {
      throw invalidGs1(`AI (${ai}) can't be carried in a Digital Link's query string.`);
    }
    addValue(ais, ai, parameter.slice(equals + 1), true);
  }
}
