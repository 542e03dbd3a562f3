import type { ErrorObject } from "ajv";

// Turns what ajv found wrong against the EPCIS 2.0.1 JSON schema into the one sentence a partner's
// developer reads: the field (a JSON pointer), its value, and what to send instead.

export type EpcisIssue = {
  /** JSON pointer to the field, from the root of what was validated (the document or the event). */
  field: string;
  reason: string;
};

const ALTERNATIVES = new Set(["anyOf", "oneOf"]);
const WRAPPERS = new Set(["if", "allOf", "then", "else", "$ref"]);

/** The value a JSON pointer points to. */
export function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const escapeKey = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");
const depth = (error: ErrorObject) => error.instancePath.split("/").length;

/** The field's name as people say it: the last key that is not an array position. */
function nameOf(pointer: string): string {
  const keys = pointer.split("/").filter((key) => key !== "" && !/^\d+$/.test(key));
  return keys.at(-1) ?? "the document";
}

function shown(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text === undefined ? "empty" : text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  array: "a list (JSON array)",
  object: "an object",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
};

/** The one issue to report of a failed validation: the most specific error, in a sentence. */
export function schemaIssueOf(errors: readonly ErrorObject[], root: unknown): EpcisIssue {
  const named = errors.find((e) => typeof e.params.propertyName === "string");
  if (named) {
    const field = `${named.instancePath}/${escapeKey(String(named.params.propertyName))}`;
    const key = String(named.params.propertyName);
    return {
      field,
      reason: `“${key}” is not an EPCIS 2.0.1 field here: name a field of your own with a prefix declared in @context (e.g. “example:${key}”).`,
    };
  }
  const deepest = Math.max(...errors.map(depth));
  const here = errors.filter((e) => depth(e) === deepest && !WRAPPERS.has(e.keyword));
  const error =
    here.find((e) => ALTERNATIVES.has(e.keyword)) ?? here[0] ?? (errors[0] as ErrorObject);
  const field = error.instancePath;
  const name = nameOf(field);
  const value = shown(valueAt(root, field));
  switch (error.keyword) {
    case "required": {
      const missing = String(error.params.missingProperty);
      const where = field === "" ? "" : ` from “${name}”`;
      return {
        field: `${field}/${escapeKey(missing)}`,
        reason: `“${missing}” is missing${where}, and EPCIS 2.0.1 requires it: add it.`,
      };
    }
    case "type":
      return {
        field,
        reason: `“${name}” must be ${TYPE_WORDS[String(error.params.type)] ?? String(error.params.type)}, not ${value}.`,
      };
    case "format":
      return { field, reason: formatReason(name, value, String(error.params.format)) };
    case "anyOf":
    case "oneOf":
      return { field, reason: alternativesReason(name, value) };
    case "enum":
      return {
        field,
        reason: `“${name}” is “${value}”, which is not one of ${(error.params.allowedValues as unknown[]).slice(0, 8).join(", ")}: use one of those.`,
      };
    case "pattern":
      return {
        field,
        reason:
          name === "eventTimeZoneOffset"
            ? `“eventTimeZoneOffset” is “${value}”, not an offset such as +01:00 or -05:00.`
            : `“${name}” is “${value}”, which does not have the form EPCIS 2.0.1 requires there: correct it.`,
      };
    default:
      return { field, reason: `“${name}” ${error.message ?? "is not valid"}: correct it.` };
  }
}

function formatReason(name: string, value: string, format: string): string {
  if (format === "date-time") {
    return `“${name}” is “${value}”, not a date and time with its offset (e.g. 2026-03-01T10:00:00.000+01:00).`;
  }
  if (format === "uri") {
    return `“${name}” is “${value}”, not a URI: identifiers are URIs such as urn:epc:id:sgtin:0614141.107346.2018 or https://id.gs1.org/01/09521234543213/21/2018.`;
  }
  return `“${name}” is “${value}”, not a valid ${format}: correct it.`;
}

const CBV_FIELDS: Record<string, string> = {
  bizStep: "a CBV business step (e.g. shipping, receiving)",
  disposition: "a CBV disposition (e.g. in_transit, active)",
};

function alternativesReason(name: string, value: string): string {
  const cbv = CBV_FIELDS[name];
  if (cbv) {
    return `“${name}” is “${value}”, which is neither ${cbv} nor a URI of your own outside the CBV namespaces: use one of those.`;
  }
  return `“${name}” is “${value}”, which is none of the forms EPCIS 2.0.1 allows for it: correct it.`;
}
