import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseGtin } from "@/lib/gs1/keys";
import { isCalendarDay } from "@/lib/text/day-start";

// What an FDA workbook covers, as its address says it: one traceability lot code (with its GTIN
// when several products share the code), one product, or a window of event times. A scope that is
// missing, mixed or malformed is refused with one sentence saying what to send.

export type FsmaWorkbookScope =
  | { kind: "tlc"; lotCode: string; gtin?: string }
  | { kind: "product"; gtin: string }
  | { kind: "dates"; from: Date; to: Date };

const SCOPES = "tlc=<traceability lot code>, gtin=<GTIN>, or from=<YYYY-MM-DD>&to=<YYYY-MM-DD>";
/** A longer window is a database dump, not a records request: FDA asks about an outbreak's weeks. */
const MAX_DAYS = 366;

const text = z.string().trim().min(1).optional().catch(undefined);
const query = z.object({ tlc: text, gtin: text, from: text, to: text });

/** A day (its start in UTC) or an instant with its offset (2026-11-24T08:00:00-08:00). */
function instantOf(value: string, name: "from" | "to"): Date {
  const isInstant = z.iso.datetime({ offset: true }).safeParse(value).success;
  if (!isCalendarDay(value) && !isInstant) {
    throw new AppError(
      "INVALID_INPUT",
      `The ${name} date "${value}" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-24.`,
      { field: name },
    );
  }
  return new Date(isInstant ? value : `${value}T00:00:00Z`);
}

/** The workbook's scope from a request's query string; an AppError (400) says what is wrong. */
export function parseFsmaWorkbookScope(params: URLSearchParams): FsmaWorkbookScope {
  const { tlc, gtin, from, to } = query.parse(Object.fromEntries(params));
  const hasDates = from !== undefined || to !== undefined;
  if (tlc !== undefined) {
    if (hasDates) throw mixed();
    if (tlc.length > 20) {
      throw new AppError(
        "INVALID_INPUT",
        "A traceability lot code has at most 20 characters: copy it from the label after (10).",
        { field: "tlc" },
      );
    }
    return { kind: "tlc", lotCode: tlc, ...(gtin ? { gtin: parseGtin(gtin) } : {}) };
  }
  if (gtin !== undefined) {
    if (hasDates) throw mixed();
    return { kind: "product", gtin: parseGtin(gtin) };
  }
  if (!hasDates) {
    throw new AppError("INVALID_INPUT", `Say what the workbook covers: ${SCOPES}.`);
  }
  if (from === undefined || to === undefined) {
    throw new AppError(
      "INVALID_INPUT",
      "A date range needs both ends: give from=<YYYY-MM-DD> and to=<YYYY-MM-DD> (to is not included).",
      { field: from === undefined ? "from" : "to" },
    );
  }
  const [start, end] = [instantOf(from, "from"), instantOf(to, "to")];
  if (end <= start) {
    throw new AppError("INVALID_INPUT", "The to date must come after the from date.", {
      field: "to",
    });
  }
  if (end.getTime() - start.getTime() > MAX_DAYS * 86_400_000) {
    throw new AppError(
      "INVALID_INPUT",
      `The date range is longer than ${MAX_DAYS} days: ask for a shorter window, one workbook each.`,
      { field: "to" },
    );
  }
  return { kind: "dates", from: start, to: end };
}

function mixed(): AppError {
  return new AppError("INVALID_INPUT", `Give one scope, not several: ${SCOPES}.`);
}
