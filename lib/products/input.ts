import { z } from "zod";
import { LOT_UNITS } from "@/lib/epcis/quantity";
import { parseGtin } from "@/lib/gs1/keys";
import { parsedBy } from "@/lib/input";

// A product as people type it on the Products page or in a CSV row, read through lib/input.ts's
// parseInput: each check carries the one sentence a person sees, at its field. Empty optional
// fields are stored as null.

/** What a form or a CSV row sends: every field as text (a missing one reads as empty). */
export type ProductInput = Partial<Record<ProductField, string>>;

export const PRODUCT_FIELDS = [
  "gtin",
  "name",
  "brand",
  "description",
  "commodity",
  "variety",
  "unit",
  "netContent",
  "storageMinCelsius",
  "storageMaxCelsius",
  "allowedExcursionMinutes",
  "shelfLifeDays",
  "imageUrl",
] as const;
export type ProductField = (typeof PRODUCT_FIELDS)[number];

const text = z.preprocess((value) => value ?? "", z.string().trim());

const optionalText = (max: number, sentence: string) =>
  text.pipe(
    z
      .string()
      .max(max, sentence)
      .transform((value) => (value === "" ? null : value)),
  );

/** A number written `pattern`-wise within a range, or null when left empty; `sentence` says what is expected. */
function optionalNumber(sentence: string, pattern: RegExp, check: (value: number) => boolean) {
  return text.transform((value, context) => {
    if (value === "") return null;
    const written = value.replace(",", ".");
    const number = Number(written);
    if (pattern.test(written) && check(number)) return number;
    context.addIssue({ code: "custom", message: sentence });
    return z.NEVER;
  });
}

const celsius = (which: "lowest" | "highest") =>
  optionalNumber(
    `Enter the ${which} storage temperature in °C as a number from -50 to 50 (at most 2 decimals), or leave it empty.`,
    /^-?\d+(\.\d{1,2})?$/,
    (value) => value >= -50 && value <= 50,
  );

const wholeNumber = (sentence: string, max: number) =>
  optionalNumber(sentence, /^\d+$/, (value) => value <= max);

const imageUrl = text.transform((value, context) => {
  if (value === "") return null;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {}
  if (url?.protocol === "https:" && value.length <= 2000) return url.href;
  context.addIssue({
    code: "custom",
    message: "The image URL must be a web address starting with https://, or left empty.",
  });
  return z.NEVER;
});

export const productInput = z
  .object({
    gtin: parsedBy(parseGtin),
    name: text.pipe(
      z
        .string()
        .min(1, "Enter the product's name, as people know it: e.g. Romaine hearts, 3 pack.")
        .max(200, "The product's name is too long: keep it under 200 characters."),
    ),
    brand: optionalText(100, "The brand is too long: keep it under 100 characters."),
    description: optionalText(2000, "The description is too long: keep it under 2,000 characters."),
    commodity: optionalText(100, "The commodity is too long: keep it under 100 characters."),
    variety: optionalText(100, "The variety is too long: keep it under 100 characters."),
    unit: text.transform((value, context) => {
      if (value === "") return null;
      const unit = LOT_UNITS.find((u) => u === value.toLowerCase());
      if (unit) return unit;
      context.addIssue({
        code: "custom",
        message: `Choose the unit its lots are counted in: ${LOT_UNITS.join(", ")}, or leave it empty.`,
      });
      return z.NEVER;
    }),
    netContent: optionalText(100, "The net content is too long: keep it under 100 characters."),
    storageMinCelsius: celsius("lowest"),
    storageMaxCelsius: celsius("highest"),
    allowedExcursionMinutes: wholeNumber(
      "Enter the allowed excursion in whole minutes, from 0 to 10,080 (a week), or leave it empty.",
      10_080,
    ),
    shelfLifeDays: wholeNumber(
      "Enter the shelf life in whole days, from 0 to 3,650, or leave it empty.",
      3_650,
    ),
    imageUrl,
  })
  .superRefine((product, context) => {
    const { storageMinCelsius: min, storageMaxCelsius: max } = product;
    if (min !== null && max !== null && min > max) {
      context.addIssue({
        code: "custom",
        path: ["storageMaxCelsius"],
        message: `The highest storage temperature (${max} °C) is below the lowest (${min} °C): swap them.`,
      });
    }
  });

export type ProductData = z.output<typeof productInput>;
