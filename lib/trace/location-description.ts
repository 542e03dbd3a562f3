import { type Place, siteName } from "@/lib/organizations";

/**
 * A place as FSMA 204's location description: the business name (and the site's own name, without
 * the business name repeated), street, city, state or region with postal code, country and phone,
 * in one sortable cell. Parts the place has not filled in are left out, never guessed.
 */
export function locationDescription(place: Place | null): string {
  if (!place) return "";
  const site = siteName(place.organization, place.name);
  const regionLine = [place.region, place.postalCode].filter(Boolean).join(" ");
  return [
    site ? `${place.organization} — ${site}` : place.organization,
    place.street || null,
    place.city,
    regionLine || null,
    place.countryCode,
    place.phone ? `phone ${place.phone}` : null,
  ]
    .filter(Boolean)
    .join(", ");
}
