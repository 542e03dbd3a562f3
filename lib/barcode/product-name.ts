/**
 * The product description a lot's registration payload gives (FSMA 204 "product description"), at
 * the top level, or in its EPCIS ILMD or key data elements; null when it gives none.
 */
export function productNameOf(body: unknown): string | null {
  if (typeof body !== "object" || body === null) return null;
  const record = body as Record<string, unknown>;
  for (const source of [record, record.ilmd, record.kde]) {
    const value = (source as Record<string, unknown> | undefined)?.productDescription;
    if (typeof value === "string" && value.trim() !== "") return value.trim();
  }
  return null;
}
