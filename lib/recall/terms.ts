import { z } from "zod";
import { localTimeText } from "@/lib/text/local-time";

// The terms of a recall as people enter and read them, safe in the browser too: the forms use the
// limits, and every form and request body is checked against these schemas with lib/input.ts's
// parseInput, each check carrying the sentence its reader sees.

export const RECALL_SEVERITIES = ["CLASS_I", "CLASS_II", "CLASS_III"] as const;
export type RecallSeverity = (typeof RECALL_SEVERITIES)[number];

/** The FDA's recall classes, as the form and the notices name them. */
export const SEVERITY_LABELS: Record<RecallSeverity, { name: string; meaning: string }> = {
  CLASS_I: { name: "Class I", meaning: "may cause serious harm or death" },
  CLASS_II: { name: "Class II", meaning: "may cause temporary or reversible harm" },
  CLASS_III: { name: "Class III", meaning: "unlikely to cause harm" },
};

/** Long enough for what happened and what to do; the full report is a linked document. */
export const MAX_REASON_LENGTH = 1_000;

const TOO_LONG = `Keep the reason under ${MAX_REASON_LENGTH.toLocaleString("en")} characters: put the full report in a document and name it.`;

/** The recall form (reason and class). */
export const recallInput = z.object({
  reason: z
    .string()
    .trim()
    .min(1, "Give the reason for the recall: every organisation holding the stock reads it.")
    .max(MAX_REASON_LENGTH, TOO_LONG),
  severity: z.enum(RECALL_SEVERITIES, "Choose the recall class: I, II or III."),
});
export type RecallInput = z.infer<typeof recallInput>;

/**
 * Extending a recall to the lots it was made from: the reason and class of the new recalls, and which
 * of the organisation's source lots (all not yet recalled when none is named).
 */
export const extendInput = recallInput.extend({
  lotIds: z.preprocess(
    (value) => (value === undefined || value === "" ? undefined : [value].flat()),
    z.array(z.string("Choose the lots to recall.")).min(1, "Choose the lots to recall.").optional(),
  ),
});
export type ExtendInput = z.infer<typeof extendInput>;

const SEND_RECALL = "Send lotId (the lot's on-chain id), reason and severity.";

/** POST /api/recalls: the lot first, so that a body without it is told so before anything else. */
export const recallRequest = z.object(
  { lotId: z.string(SEND_RECALL), ...recallInput.shape },
  SEND_RECALL,
);

export const NO_REASON_TO_LIFT =
  "Give the reason for lifting the recall: every organisation asked to act on it reads it.";

/** The lift form or request body. */
export const liftInput = z.object({
  reason: z
    .string(NO_REASON_TO_LIFT)
    .trim()
    .min(1, NO_REASON_TO_LIFT)
    .max(MAX_REASON_LENGTH, TOO_LONG),
});
export type LiftInput = z.infer<typeof liftInput>;

/** A package to mark removed, `sentence` telling what is wrong with any part of it. */
const packageRemoval = (sentence: string) =>
  z.object(
    {
      lotId: z.string(sentence).max(80, sentence),
      serial: z.string(sentence).trim().min(1, sentence).max(40, sentence),
    },
    sentence,
  );

/** The package in hand, from the scan page's recall alert. */
export const scannedRemoval = packageRemoval(
  "This label carries no package serial (21): scan the package's own code.",
);

/** POST /api/recalls/[recallId]/removals. */
export const removalRequest = packageRemoval(
  "Send lotId (the package's lot id) and serial, each as a string.",
);

/** How the recall concerns an organisation, as its list, banner and notices say it. */
export const RECALL_CONCERNS = ["HOLDS_STOCK", "HELD_STOCK", "SOURCE"] as const;
export type RecallConcern = (typeof RECALL_CONCERNS)[number];
export const CONCERN_LABELS: Record<RecallConcern, string> = {
  HOLDS_STOCK: "holds affected stock",
  HELD_STOCK: "held affected stock",
  SOURCE: "source of a recalled lot",
};

/** What became of recalled stock, in the order the form asks. */
export const DISPOSITION_KINDS = [
  "REMOVED_FROM_SALE",
  "DESTROYED",
  "RETURNED_TO_SUPPLIER",
  "ALREADY_SOLD",
] as const;
export type DispositionKind = (typeof DISPOSITION_KINDS)[number];
export const DISPOSITION_LABELS: Record<DispositionKind, string> = {
  REMOVED_FROM_SALE: "removed from sale",
  DESTROYED: "destroyed",
  RETURNED_TO_SUPPLIER: "returned to supplier",
  ALREADY_SOLD: "already sold",
};

/** A quantity of one disposition: empty reads as none; at most 3 decimals, as lots are counted. */
const dispositionQuantity = (kind: DispositionKind) =>
  z.preprocess(
    (value) => value ?? "",
    z
      .string(`Enter the quantity ${DISPOSITION_LABELS[kind]} as a number.`)
      .trim()
      .transform((text) => text.replace(",", "."))
      .refine(
        (text) => text === "" || (/^\d+(\.\d{1,3})?$/.test(text) && Number(text) <= 1e12),
        `Enter the quantity ${DISPOSITION_LABELS[kind]} as a number such as 40 or 12.5, or leave it empty for none.`,
      )
      .transform((text) => (text === "" ? "0" : String(Number(text)))),
  );

/** A holder's report on one lot of the recall: how much of it went which way. */
export const dispositionInput = z.object({
  lotId: z.string("Choose the lot you report on.").min(1, "Choose the lot you report on."),
  quantities: z.object(
    Object.fromEntries(DISPOSITION_KINDS.map((kind) => [kind, dispositionQuantity(kind)])) as {
      [K in DispositionKind]: ReturnType<typeof dispositionQuantity>;
    },
    "Send quantities as an object of REMOVED_FROM_SALE, DESTROYED, RETURNED_TO_SUPPLIER and ALREADY_SOLD.",
  ),
});
export type DispositionInput = z.infer<typeof dispositionInput>;

/**
 * A moment as recall pages and notices show it: on the reader's clock ("2 Dec 2026, 14:05 CET"), the
 * zone named; in UTC when the reader's place has no zone, so never on the server's.
 */
export function formatMoment(date: Date, timeZone?: string | null): string {
  return localTimeText(date, timeZone);
}
