/**
 * Expected failures a user can act on. The message is shown as-is, so it says what is wrong and what
 * to do in one or two sentences; anything that is not an AppError is logged and shown as a generic
 * error with an id.
 */
export type AppErrorCode =
  | "INVALID_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "TOO_MANY_REQUESTS"
  | "LEDGER_REJECTED";

const httpStatus: Record<AppErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  LEDGER_REJECTED: 502,
};

/** One thing wrong with one field of a form or request body. */
export type FieldIssue = { field: string; message: string };

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Which form field the message is about, when it is about one. */
  readonly field?: string;
  /** Every field found wrong at once, when the input was checked as a whole (lib/input.ts). */
  readonly issues?: FieldIssue[];
  /** For TOO_MANY_REQUESTS: when the caller may try again (an HTTP answer's Retry-After). */
  readonly retryAfterSeconds?: number;

  constructor(
    code: AppErrorCode,
    message: string,
    options?: {
      field?: string;
      issues?: FieldIssue[];
      retryAfterSeconds?: number;
      cause?: unknown;
    },
  ) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.field = options?.field;
    this.issues = options?.issues;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  get httpStatus(): number {
    return httpStatus[this.code];
  }
}

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: AppErrorCode | "INTERNAL";
      message: string;
      field?: string;
      /** Every field found wrong at once, for a form to show each at its field. */
      issues?: FieldIssue[];
    };

/** Turns any failure into what a user may see: AppErrors verbatim, anything else logged with an id. */
export function toFailure(
  error: unknown,
  context: string,
): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof AppError) {
    return {
      ok: false,
      code: error.code,
      message: error.message,
      field: error.field,
      issues: error.issues,
    };
  }
  const errorId = crypto.randomUUID().slice(0, 8);
  console.error(`[${context}] unexpected error ${errorId}`, error);
  return {
    ok: false,
    code: "INTERNAL",
    message: `Something went wrong on our side and nothing was recorded. Try again; if it keeps happening, give your administrator the error id ${errorId}.`,
  };
}
