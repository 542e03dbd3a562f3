import { z } from "zod";

// FSMA 204 key data elements as typed into the event forms, as zod schemas. Each refusal is one
// sentence that names the field as the form labels it and says what to enter; the issue's path
// points at the field.

/** A form field left out reads as empty, as a form submits it. */
const formText = z.preprocess((value) => value ?? "", z.string());

/** A required free-text element, trimmed, at most `max` characters. */
export function kdeText(label: string, max = 120) {
  return formText.pipe(
    z
      .string()
      .trim()
      .min(1, `Enter the ${label}.`)
      .max(max, `The ${label} is too long: at most ${max} characters.`),
  );
}

/** An optional free-text element: null when left empty. */
export function optionalKdeText(label: string, max = 120) {
  return z
    .preprocess(
      (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
      kdeText(label, max).optional(),
    )
    .transform((text) => text ?? null);
}

/**
 * A calendar date (YYYY-MM-DD, as a date input sends it) that is not in the future: an event is
 * recorded after it happens. One day of slack covers time zones ahead of the server's.
 */
export function kdeDate(label: string) {
  return formText.pipe(
    z.string().transform((value, context) => {
      const text = value.trim();
      const refuse = (message: string) => {
        context.addIssue({ code: "custom", message });
        return z.NEVER;
      };
      if (text === "") return refuse(`Enter the ${label}.`);
      const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : null;
      if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
        return refuse(`The ${label} is not a date: pick it from the calendar, e.g. 2026-11-24.`);
      }
      if (date.getTime() > Date.now() + 86_400_000) {
        return refuse(`The ${label} is in the future: enter the day it happened.`);
      }
      if (date.getUTCFullYear() < 2000)
        return refuse(`The ${label} is before 2000: check the year.`);
      return text;
    }),
  );
}

/** An optional date: null when left empty. */
export function optionalKdeDate(label: string) {
  return z
    .preprocess(
      (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
      kdeDate(label).optional(),
    )
    .transform((date) => date ?? null);
}

/** An optional phone number: digits, spaces and + ( ) - only. */
export function optionalPhone(label: string) {
  return formText.pipe(
    z
      .string()
      .trim()
      .refine(
        (text) => text === "" || /^\+?[\d\s()-]{6,20}$/.test(text),
        `The ${label} should be a phone number, such as +1 555 0100.`,
      )
      .transform((text) => (text === "" ? null : text)),
  );
}

/** Reference documents FSMA names: what the event is written on. */
export const REFERENCE_DOCUMENT_TYPES = {
  bol: "Bill of lading",
  inv: "Invoice",
  po: "Purchase order",
  desadv: "Despatch advice",
  prodorder: "Production log",
  harvestlog: "Harvest log",
} as const;
export type ReferenceDocumentType = keyof typeof REFERENCE_DOCUMENT_TYPES;

/** The document's type as a person reads it ("Bill of lading"). */
export function documentTypeLabel(type: string): string {
  return REFERENCE_DOCUMENT_TYPES[type as ReferenceDocumentType] ?? type;
}

/**
 * The reference document type and number (required for every CTE by 21 CFR 1.1345–1.1350), as the
 * fields `documentType` and `documentNumber` of an event form.
 */
export const referenceDocumentFields = {
  documentType: z.enum(
    Object.keys(REFERENCE_DOCUMENT_TYPES) as [ReferenceDocumentType, ...ReferenceDocumentType[]],
    "Choose the type of reference document.",
  ),
  documentNumber: kdeText("reference document number", 40),
};

/** The reference document of a parsed form, as event-base takes it. */
export function referenceDocumentOf(input: {
  documentType: ReferenceDocumentType;
  documentNumber: string;
}): { type: ReferenceDocumentType; number: string } {
  return { type: input.documentType, number: input.documentNumber };
}
