import { z } from "zod";

/** How a label sheet is printed: an A4 sheet of sticker labels, or a 4×6" thermal label roll. */
export type LabelLayout = "a4" | "4x6";

/**
 * Labels per printed page. On A4 (3 columns × 6 rows of 70 × 46 mm) the GS1-128 case label takes
 * the first row of the first page; on a 4×6" roll every label, the case label first, is a page.
 */
export const LABEL_LAYOUTS: Record<LabelLayout, { perPage: number; caseSlots: number }> = {
  a4: { perPage: 18, caseSlots: 3 },
  "4x6": { perPage: 1, caseSlots: 1 },
};

export type LabelPage<T> = { hasCaseLabel: boolean; labels: T[] };

/** The package labels split into printed pages, the case label (if any) first. */
export function paginateLabels<T>(
  labels: readonly T[],
  layout: LabelLayout,
  hasCaseLabel: boolean,
): LabelPage<T>[] {
  const { perPage, caseSlots } = LABEL_LAYOUTS[layout];
  const pages: LabelPage<T>[] = [];
  let rest = [...labels];
  if (hasCaseLabel) {
    pages.push({ hasCaseLabel: true, labels: rest.slice(0, perPage - caseSlots) });
    rest = rest.slice(perPage - caseSlots);
  }
  while (rest.length > 0) {
    pages.push({ hasCaseLabel: false, labels: rest.slice(0, perPage) });
    rest = rest.slice(perPage);
  }
  return pages;
}

/** The label sheet's query string (?layout=a4|4x6&code=qr|datamatrix&from=N); a bad value falls back. */
export const labelSheetOptions = z.object({
  layout: z.enum(["a4", "4x6"]).catch("a4"),
  code: z.enum(["qr", "datamatrix"]).catch("qr"),
  from: z.coerce.number().int().min(0).catch(0),
});

export type LabelSheetOptions = z.infer<typeof labelSheetOptions>;

/** The sheet's address with some options changed. */
export function labelSheetHref(lotId: string, options: LabelSheetOptions): string {
  const query = new URLSearchParams({
    layout: options.layout,
    code: options.code,
    ...(options.from > 0 ? { from: String(options.from) } : {}),
  });
  return `/lots/${lotId}/labels?${query}`;
}
