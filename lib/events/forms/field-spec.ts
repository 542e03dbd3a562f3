import { REFERENCE_DOCUMENT_TYPES } from "@/lib/epcis/kde";
import { LOT_UNITS, QUANTITY_MISSING } from "@/lib/epcis/quantity";
import {
  LOT_CODE_INPUT_PATTERN,
  LOT_CODE_MISSING,
  LOT_CODE_PATTERN_HINT,
} from "@/lib/gs1/lot-code";

// What an event form shows, as plain data: the page builds it on the server (with what is already
// known filled in) and components/event-form.tsx renders it.

export type Option = { value: string; label: string };

/** One of the organisation's products, as a form's product picker offers it. */
export type ProductOption = {
  gtin: string;
  /** Brand and name, as people know it. */
  label: string;
  /** FSMA's product description: brand, name and net content. */
  description: string;
  commodity: string | null;
  variety: string | null;
  unit: string | null;
};

/** What choosing a product fills in: form field name → the product's value. */
export type ProductFills = Record<string, "description" | "commodity" | "variety" | "unit">;

export type FieldSpec =
  | {
      kind: "text" | "date" | "tel";
      name: string;
      label: string;
      hint?: string;
      defaultValue?: string;
      inputMode?: "numeric" | "decimal" | "text";
      /** Checked by the browser before any round trip; the server checks again. */
      required?: boolean;
      /** The server's sentence for the field left empty, so both say the same. */
      missingMessage?: string;
      pattern?: string;
      /** What the pattern wants, said when a value does not match it. */
      patternHint?: string;
      /** "off" for codes typed exactly as printed (a phone would capitalise the first letter). */
      autoCapitalize?: "off" | "characters";
      maxLength?: number;
    }
  | {
      kind: "select";
      name: string;
      label: string;
      options: Option[];
      defaultValue?: string;
      hint?: string;
      required?: boolean;
      missingMessage?: string;
    }
  | {
      /** Held lots to use, found by a search (components/lots/lot-picker.tsx), not listed in full. */
      kind: "lots";
      name: string;
      label: string;
      choices: LotChoices;
      /** Whether each lot gets a field for the quantity used of it (`used.<lotId>`). */
      withUsed?: boolean;
    }
  | { kind: "hidden"; name: string; defaultValue: string }
  | {
      kind: "product";
      name: string;
      label: string;
      hint: string;
      defaultValue?: string;
      fills: ProductFills;
    }
  | { kind: "heading"; label: string };

export type LotChoice = Option & { quantity: string | null; unit: string | null };

/** The lot picker's lots: those chosen so far, and a few more that match its search. */
export type LotChoices = {
  search: string;
  chosen: LotChoice[];
  found: LotChoice[];
  /** More held lots match than are shown: the search should be narrower. */
  hasMore: boolean;
};

/** What the forms can fill in before the user types anything. */
export type FormContext = {
  today: string;
  ownLocations: Option[];
  partnerLocations: Option[];
  /** Lots the organisation holds and may use (active), newest first, at most 100 (a select's). */
  heldLots: LotChoice[];
  /** The input-lot picker's search and lots. */
  lotChoices: LotChoices;
  /** The lot the form was opened from (`?lot=`), with the key data elements its creation recorded. */
  lot: {
    id: string;
    gtin: string;
    lotCode: string;
    quantity: string | null;
    unit: string | null;
    producerName: string;
    producerSite: string | null;
    ilmd: Record<string, unknown>;
  } | null;
  /** How many new-lot rows to show (`?outputs=`). */
  outputs: number;
  /** The organisation's products, for the GTIN fields' picker. */
  products: ProductOption[];
};

export type EventFormSpec = {
  title: string;
  intro: string;
  submitLabel: string;
  fields: FieldSpec[];
  canAddOutput?: boolean;
};

export const unitOptions: Option[] = LOT_UNITS.map((unit) => ({ value: unit, label: unit }));
export const documentTypeOptions: Option[] = Object.entries(REFERENCE_DOCUMENT_TYPES).map(
  ([value, label]) => ({ value, label }),
);

export const locationField = (context: FormContext, label = "Where"): FieldSpec => ({
  kind: "select",
  name: "locationGln",
  label,
  options: context.ownLocations,
  defaultValue: context.ownLocations[0]?.value,
  required: true,
});

export const recipientField = (context: FormContext): FieldSpec => ({
  kind: "select",
  name: "recipientLocationGln",
  label: "Goes next to",
  hint: "The immediate subsequent recipient's location.",
  // One's own site can be next too: a farm that packs its own harvest.
  options: [{ value: "", label: "Choose…" }, ...context.ownLocations, ...context.partnerLocations],
  required: true,
  missingMessage: "Choose the immediate subsequent recipient from the list.",
});

export const documentFields = (defaultType: string): FieldSpec[] => [
  {
    kind: "select",
    name: "documentType",
    label: "Reference document",
    options: documentTypeOptions,
    defaultValue: defaultType,
  },
  {
    kind: "text",
    name: "documentNumber",
    label: "Document number",
    hint: "The number on that document.",
    required: true,
    missingMessage: "Enter the reference document number.",
    maxLength: 40,
  },
];

export const dateField = (name: string, label: string, context: FormContext): FieldSpec => ({
  kind: "date",
  name,
  label,
  defaultValue: context.today,
  required: true,
  missingMessage: `Enter the ${label.toLowerCase()}.`,
});

/**
 * GTIN, lot code, quantity, unit and packages of a new lot; `prefix` names a row of several. The GTIN
 * is picked from the organisation's products (or typed), which fills `fills` and the unit.
 */
export function newLotFields(
  prefix: string,
  options: { gtin?: string | false; quantity?: string; unit?: string; fills?: ProductFills },
): FieldSpec[] {
  return [
    ...(options.gtin === false
      ? []
      : [
          {
            kind: "product",
            name: `${prefix}gtin`,
            label: "Product (GTIN)",
            defaultValue: options.gtin,
            hint: "Type part of its name and choose it, or type the GTIN after (01).",
            fills: { ...options.fills, [`${prefix}unit`]: "unit" },
          } as const,
        ]),
    {
      kind: "text",
      name: `${prefix}lotCode`,
      label: "New lot code",
      hint: "The traceability lot code, after (10): up to 20 characters.",
      required: true,
      missingMessage: LOT_CODE_MISSING,
      pattern: LOT_CODE_INPUT_PATTERN,
      patternHint: LOT_CODE_PATTERN_HINT,
      // AI (10) is case-sensitive: typed exactly as printed, not "Abc" from a phone's capital.
      autoCapitalize: "off",
    },
    {
      kind: "text",
      name: `${prefix}quantity`,
      label: "Quantity",
      inputMode: "decimal",
      defaultValue: options.quantity,
      required: true,
      missingMessage: QUANTITY_MISSING,
    },
    {
      kind: "select",
      name: `${prefix}unit`,
      label: "Unit",
      options: unitOptions,
      defaultValue: options.unit ?? "kg",
    },
    {
      kind: "text",
      name: `${prefix}packages`,
      label: "Packages to label",
      inputMode: "numeric",
      hint: "Each gets its own serial and barcode. Leave empty for none.",
    },
  ];
}
