import { REFERENCE_DOCUMENT_TYPES, type ReferenceDocumentType } from "@/lib/epcis/event";
import { AppError } from "@/lib/errors";

// Parsers for FSMA 204 key data elements typed into the event forms. Each refusal is one sentence
// that names the field as the form labels it and says what to enter, and points at the field.

/** Form values as submitted: every field a string. */
export type FormValues = Record<string, string>;

function invalid(field: string, message: string): AppError {
  return new AppError("INVALID_INPUT", message, { field });
}

/** A required free-text element, trimmed, at most `max` characters. */
export function requireText(values: FormValues, field: string, label: string, max = 120): string {
  const text = (values[field] ?? "").trim();
  if (text === "") throw invalid(field, `Enter the ${label}.`);
  if (text.length > max) {
    throw invalid(field, `The ${label} is too long: at most ${max} characters.`);
  }
  return text;
}

/** An optional free-text element: null when left empty. */
export function optionalText(values: FormValues, field: string, label: string, max = 120) {
  return (values[field] ?? "").trim() === "" ? null : requireText(values, field, label, max);
}

/**
 * A calendar date (YYYY-MM-DD, as a date input sends it) that is not in the future: an event is
 * recorded after it happens. One day of slack covers time zones ahead of the server's.
 */
export function requireDate(values: FormValues, field: string, label: string): string {
  const text = (values[field] ?? "").trim();
  if (text === "") throw invalid(field, `Enter the ${label}.`);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw invalid(field, `The ${label} is not a date: pick it from the calendar, e.g. 2026-11-24.`);
  }
  if (date.getTime() > Date.now() + 86_400_000) {
    throw invalid(field, `The ${label} is in the future: enter the day it happened.`);
  }
  if (date.getUTCFullYear() < 2000)
    throw invalid(field, `The ${label} is before 2000: check the year.`);
  return text;
}

/** An optional phone number: digits, spaces and + ( ) - only. */
export function optionalPhone(values: FormValues, field: string, label: string): string | null {
  const text = (values[field] ?? "").trim();
  if (text === "") return null;
  if (!/^\+?[\d\s()-]{6,20}$/.test(text)) {
    throw invalid(field, `The ${label} should be a phone number, such as +1 555 0100.`);
  }
  return text;
}

// The document types are EPCIS vocabulary (lib/epcis), which the FDA spreadsheet reads too.
export { REFERENCE_DOCUMENT_TYPES, type ReferenceDocumentType };

/** The reference document type and number (required for every CTE by 21 CFR 1.1345–1.1350). */
export function requireReferenceDocument(values: FormValues): {
  type: ReferenceDocumentType;
  number: string;
} {
  const type = values.documentType ?? "";
  if (!(type in REFERENCE_DOCUMENT_TYPES)) {
    throw invalid("documentType", "Choose the type of reference document.");
  }
  return {
    type: type as ReferenceDocumentType,
    number: requireText(values, "documentNumber", "reference document number", 40),
  };
}
