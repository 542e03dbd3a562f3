import { z } from "zod";
import { optionalText } from "@/lib/paging/keyset";
import { isCalendarDay } from "@/lib/text/day-start";
import { RECALL_SEVERITIES } from "./terms";

// What the recalls list is asked for, as its address says it: anything malformed is ignored, so an
// old or hand-edited link still opens a list.

export const RECALL_STATES = {
  all: "Any state",
  open: "Open",
  closed: "Closed (all stock accounted for)",
  lifted: "Lifted",
} as const;
export type RecallStateFilter = keyof typeof RECALL_STATES;

const day = z.string().refine(isCalendarDay).optional().catch(undefined);

export const recallListQuery = z.object({
  /** Any part of the recalled lot's code or of the recall's reason. */
  search: optionalText(100),
  state: z.enum(Object.keys(RECALL_STATES) as [RecallStateFilter]).catch("all"),
  severity: z.enum(RECALL_SEVERITIES).optional().catch(undefined),
  /** Started on or after this day, and on or before that one (YYYY-MM-DD, the reader's clock). */
  from: day,
  to: day,
  /** Where the page starts: the cursor of the last recall of the page before. */
  after: optionalText(300),
});
export type RecallListQuery = z.infer<typeof recallListQuery>;
