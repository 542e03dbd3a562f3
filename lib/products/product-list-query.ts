import { z } from "zod";
import { optionalText } from "@/lib/paging/keyset";

// What the products list is asked for, as its address says it: anything malformed is ignored, so an
// old or hand-edited link still opens a list.

export const PRODUCT_SORTS = {
  name: "Name",
  gtin: "GTIN",
  newest: "Newest first",
} as const;
export type ProductSort = keyof typeof PRODUCT_SORTS;

export const productListQuery = z.object({
  /** Any part of a product's name, brand, GTIN or commodity. */
  q: optionalText(100),
  sort: z.enum(Object.keys(PRODUCT_SORTS) as [ProductSort]).catch("name"),
  /** Where the page starts: the cursor of the last product of the page before. */
  after: optionalText(300),
});
export type ProductListQuery = z.infer<typeof productListQuery>;
