import { z } from "zod";
import { optionalText } from "@/lib/paging/keyset";

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
