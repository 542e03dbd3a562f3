import { MAX_OUTPUTS } from "../new-lots";
import {
  dateField,
  documentFields,
  type EventFormSpec,
  type FieldSpec,
  type FormContext,
  locationField,
  newLotFields,
  recipientField,
  unitOptions,
} from "./field-spec";

/** A text element of the event: required unless its label says "(optional)". */
const text = (name: string, label: string, defaultValue?: unknown, hint?: string): FieldSpec => ({
  kind: "text",
  name,
  label,
  hint,
  defaultValue: typeof defaultValue === "string" ? defaultValue : undefined,
  required: !label.includes("(optional)"),
});

/** The held lot the form is about: fixed when opened from a lot, else chosen. */
function lotField(context: FormContext): FieldSpec {
  return context.lot
    ? { kind: "hidden", name: "lotId", defaultValue: context.lot.id }
    : {
        kind: "select",
        name: "lotId",
        label: "Lot",
        options: [{ value: "", label: "Choose…" }, ...context.heldLots],
        required: true,
      };
}

function inputsField(context: FormContext, label: string, withUsed = false): FieldSpec {
  return { kind: "lots", name: "inputLotIds", label, choices: context.lotChoices, withUsed };
}

function outputRows(
  context: FormContext,
  extra: (prefix: string) => FieldSpec[],
  gtin?: string | false,
): FieldSpec[] {
  return Array.from({ length: Math.min(context.outputs, MAX_OUTPUTS) }, (_, i) => {
    const prefix = `outputs.${i}.`;
    const fills = { [`${prefix}productDescription`]: "description" } as const;
    return [
      { kind: "heading", label: `New lot ${i + 1}` } as FieldSpec,
      ...extra(prefix),
      ...newLotFields(prefix, { gtin: gtin ?? context.lot?.gtin, fills }),
    ];
  }).flat();
}

type Builder = (context: FormContext) => EventFormSpec;

export const EVENT_FORMS: Record<string, Builder> = {
  harvesting: (context) => ({
    title: "Harvest",
    intro: "Register what was harvested today as a lot on the ledger.",
    submitLabel: "Record harvest",
    fields: [
      locationField(context, "Farm"),
      text("commodity", "Commodity", undefined, "e.g. Lettuce"),
      text("variety", "Variety", undefined, "e.g. Romaine"),
      text("fieldName", "Field or growing area"),
      dateField("harvestDate", "Harvest date", context),
      ...newLotFields("", { fills: { commodity: "commodity", variety: "variety" } }).filter(
        (field) => !("name" in field) || field.name !== "packages",
      ),
      recipientField(context),
      ...documentFields("harvestlog"),
    ],
  }),
  cooling: (context) => ({
    title: "Cooling",
    intro: context.lot
      ? `Record the cooling of lot ${context.lot.lotCode}.`
      : "Record the cooling of a lot you hold.",
    submitLabel: "Record cooling",
    fields: [
      lotField(context),
      locationField(context, "Cooled at"),
      dateField("coolingDate", "Cooling date", context),
      text("quantity", "Quantity cooled", context.lot?.quantity ?? undefined),
      {
        kind: "select",
        name: "unit",
        label: "Unit",
        options: unitOptions,
        defaultValue: context.lot?.unit ?? "kg",
      },
      recipientField(context),
      ...documentFields("harvestlog"),
    ],
  }),
  initial_packing: (context) => {
    const ilmd = context.lot?.ilmd ?? {};
    return {
      title: "Initial packing",
      intro: "Pack received produce and give it its traceability lot code.",
      submitLabel: "Record packing",
      fields: [
        inputsField(
          context,
          "Packed from (lots you hold; none if the grower is outside LotLedger)",
        ),
        text("quantityReceived", "Quantity received", context.lot?.quantity ?? undefined),
        {
          kind: "select",
          name: "unitReceived",
          label: "Unit received",
          options: unitOptions,
          defaultValue: context.lot?.unit ?? "kg",
        },
        dateField("dateReceived", "Date received", context),
        text("commodity", "Commodity", ilmd.commodity),
        text("variety", "Variety", ilmd.variety),
        text(
          "harvestLocation",
          "Farm where it was harvested",
          context.lot?.producerSite ?? undefined,
        ),
        text("fieldName", "Field or growing area", ilmd.fieldName),
        text("harvesterBusinessName", "Harvester's business name", context.lot?.producerName),
        { kind: "tel", name: "harvesterPhone", label: "Harvester's phone (optional)" },
        {
          kind: "date",
          name: "harvestDate",
          label: "Harvest date",
          defaultValue: typeof ilmd.harvestDate === "string" ? ilmd.harvestDate : context.today,
        },
        text("coolingLocation", "Cooling location (optional)"),
        { kind: "date", name: "coolingDate", label: "Cooling date (optional)" },
        { kind: "heading", label: "Packed lot" },
        text(
          "productDescription",
          "Product description",
          undefined,
          "As on the label, e.g. Romaine hearts 3-pack",
        ),
        ...newLotFields("", {
          gtin: context.lot?.gtin,
          fills: { productDescription: "description", commodity: "commodity", variety: "variety" },
        }),
        dateField("packingDate", "Packing date", context),
        locationField(context, "Packed at"),
        ...documentFields("prodorder"),
      ],
    };
  },
  first_land_based_receiving: (context) => ({
    title: "First land-based receiving",
    intro: "Receive a catch from a fishing vessel and give it its traceability lot code.",
    submitLabel: "Record landing",
    fields: [
      locationField(context, "Received at"),
      text("productDescription", "Species or product description"),
      ...newLotFields("", { fills: { productDescription: "description" } }),
      { kind: "date", name: "harvestDateStart", label: "First harvest date" },
      { kind: "date", name: "harvestDateEnd", label: "Last harvest date" },
      text("catchLocations", "Catch locations", undefined, "e.g. FAO area 27.IVb"),
      dateField("landingDate", "Landing date", context),
      ...documentFields("bol"),
    ],
  }),
  transformation: (context) => ({
    title: "Transformation",
    intro: "Use up lots you hold to make new products, each with its own lot code.",
    submitLabel: "Record transformation",
    canAddOutput: true,
    fields: [
      inputsField(context, "Made from", true),
      ...outputRows(
        context,
        (prefix) => [text(`${prefix}productDescription`, "Product description")],
        "",
      ),
      dateField("dateCompleted", "Date completed", context),
      locationField(context, "Made at"),
      ...documentFields("prodorder"),
    ],
  }),
  split: (context) => ({
    title: "Split",
    intro: context.lot
      ? `Split lot ${context.lot.lotCode} (${context.lot.quantity ?? "?"} ${context.lot.unit ?? ""}) into new lots.`
      : "Split a lot you hold into new lots.",
    submitLabel: "Record split",
    canAddOutput: true,
    fields: [
      lotField(context),
      ...outputRows(context, () => [], false),
      dateField("splitDate", "Date of the split", context),
      locationField(context, "Split at"),
      ...documentFields("prodorder"),
    ],
  }),
  merge: (context) => ({
    title: "Merge",
    intro: "Combine lots of the same product into one new lot.",
    submitLabel: "Record merge",
    fields: [
      inputsField(context, "Lots to merge"),
      ...newLotFields("", { gtin: false }),
      dateField("mergeDate", "Date of the merge", context),
      locationField(context, "Merged at"),
      ...documentFields("prodorder"),
    ],
  }),
};
