import { type Place, siteName } from "@/lib/organizations";

// The cells of the FDA template: dates as date cells, amounts as numbers, and a location or a
// product description spread over the columns the template gives it.

export type Cell = string | number | Date | null;

/** A GTIN's entry in the product catalogue: the parts of a product description a lot does not say. */
export type CatalogProduct = {
  name: string;
  brand: string | null;
  commodity: string | null;
  variety: string | null;
  netContent: string | null;
};

export type Catalog = Map<string, CatalogProduct>;

/** A date of the template (mm/dd/yyyy when shown): a real date cell, so the column sorts by date. */
export function templateDate(isoDate: string | null | undefined): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate ?? "");
  return match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    : null;
}

export const amount = (value: string): Cell =>
  value === "" ? null : Number.isFinite(Number(value)) ? Number(value) : value;

/** A place in the template's seven location columns; typed text, when that is all there is, first. */
export function location(place: Place | null, typed = ""): Cell[] {
  if (!place) return [typed || null, null, null, null, null, null, null];
  const site = siteName(place.organization, place.name);
  const coordinates =
    place.latitude !== null && place.longitude !== null
      ? `${place.latitude}, ${place.longitude}`
      : null;
  return [
    site ? `${place.organization} — ${site}` : place.organization,
    place.phone ?? null,
    place.street || coordinates,
    place.city ?? null,
    place.region ?? null,
    place.postalCode ?? null,
    place.countryCode ?? null,
  ];
}

/** The six product-description columns: the lot's own description, the catalogue for the rest. */
export function product(
  gtin: string,
  description: string,
  catalog: Catalog,
  own?: [string, string],
): Cell[] {
  const entry = catalog.get(gtin);
  return [
    description || entry?.name || null,
    entry?.brand ?? null,
    own?.[0] || entry?.commodity || null,
    own?.[1] || entry?.variety || null,
    entry?.netContent ?? null,
    null,
  ];
}
