import { z } from "zod";

// What a lots list is asked for, as its address says it (a plain GET form): every field optional,
// anything malformed ignored rather than refused, so an old or hand-edited link still opens a list.

export const LOT_SORTS = {
  newest: "Newest first",
  oldest: "Oldest first",
  product: "Product",
  lot: "Lot code",
} as const;
export type LotSort = keyof typeof LOT_SORTS;

export const LOT_STATUSES = {
  ACTIVE: "Active",
  IN_TRANSIT: "In transit",
  RECALLED: "Recalled",
  CONSUMED: "Used up",
} as const;
export type LotStatusFilter = keyof typeof LOT_STATUSES;

export const LOT_PAGE_SIZE = 20;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((text) => text || undefined)
    .optional()
    .catch(undefined);

export const lotListQuery = z.object({
  /** Any part of a lot code or GTIN, or of a product's name or brand. */
  q: optionalText(100),
  status: z
    .enum(Object.keys(LOT_STATUSES) as [LotStatusFilter])
    .optional()
    .catch(undefined),
  /** A GTIN-14. */
  product: z
    .string()
    .regex(/^\d{14}$/)
    .optional()
    .catch(undefined),
  /** A location's GLN. */
  place: z
    .string()
    .regex(/^\d{13}$/)
    .optional()
    .catch(undefined),
  sort: z.enum(Object.keys(LOT_SORTS) as [LotSort]).catch("newest"),
  /** Where the page starts: the cursor of the last lot of the page before. */
  after: optionalText(300),
  /** "1" shows used-up lots among the others. */
  usedUp: z.literal("1").optional().catch(undefined),
});
export type LotListQuery = z.infer<typeof lotListQuery>;

/** The list's address under this query (page `after`, or the first page): what the pager links to. */
export function lotListHref(path: string, query: LotListQuery, after?: string | null): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...query, after: after ?? undefined })) {
    if (value && !(name === "sort" && value === "newest")) params.set(name, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** A page's cursor: its last lot's sort key and id, opaque to the reader of the address. */
export function encodeCursor(key: string | number, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString("base64url");
}

export function decodeCursor(
  cursor: string | undefined,
): { key: string | number; id: string } | null {
  if (!cursor) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, "base64url").toString());
    if ((typeof key === "string" || typeof key === "number") && typeof id === "string") {
      return { key, id };
    }
  } catch {
    // A cursor someone typed or cut short: the first page.
  }
  return null;
}
