import { z } from "zod";

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
