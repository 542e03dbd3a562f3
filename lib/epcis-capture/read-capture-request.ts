import "server-only";
import { createHash } from "node:crypto";
import { readText } from "@/lib/api/body";
import { AppError } from "@/lib/errors";
import { CAPTURE_MEDIA_TYPES, MAX_CAPTURE_BYTES } from "./limits";

export type ErrorBehaviour = "ROLLBACK" | "PROCEED";

/** A capture request's body, read: the JSON, the sha-256 of its bytes, and how errors are handled. */
export type CaptureRequest = {
  body: unknown;
  /** The body as sent: kept, not re-serialised, for a capture job the worker runs. */
  text: string;
  payloadHash: string;
  errorBehaviour: ErrorBehaviour;
};

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

/** Reads POST /epcis/capture or /epcis/events: one sentence for each way it can be wrong. */
export async function readCaptureRequest(request: Request): Promise<CaptureRequest> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!CAPTURE_MEDIA_TYPES.includes(type)) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `Send the EPCIS document as JSON-LD or JSON, with Content-Type application/ld+json or application/json (this request said “${type || "nothing"}”).`,
    );
  }
  const errorBehaviour = errorBehaviourOf(request.headers.get("gs1-capture-error-behaviour"));
  const text = await readText(request, {
    maxBytes: MAX_CAPTURE_BYTES,
    tooLarge: `The document is larger than ${megabytes(MAX_CAPTURE_BYTES)} (GS1-EPCIS-Capture-File-Size-Limit): split it into several documents.`,
  });
  const payloadHash = createHash("sha256").update(text, "utf8").digest("hex");
  // PostgreSQL's JSON cannot hold a NUL character: refused here rather than failing at the insert.
  // (An escaped backslash before "u0000" is text, not a NUL: only an odd run of backslashes counts.)
  if (/(?:^|[^\\])(?:\\\\)*\\u0000/i.test(text)) {
    throw new AppError(
      "INVALID_INPUT",
      "The document contains a NUL character (\\u0000), which no EPCIS field needs and LotLedger cannot store: remove it.",
    );
  }
  try {
    return { body: JSON.parse(text), text, payloadHash, errorBehaviour };
  } catch {
    throw new AppError(
      "INVALID_INPUT",
      "The body is not JSON: send an EPCIS 2.0 document as JSON-LD (or one event, to /epcis/events).",
    );
  }
}

function errorBehaviourOf(header: string | null): ErrorBehaviour {
  const value = header?.trim().toLowerCase() ?? "rollback";
  if (value === "rollback") return "ROLLBACK";
  if (value === "proceed") return "PROCEED";
  throw new AppError(
    "INVALID_INPUT",
    `GS1-Capture-Error-Behaviour is “${header}”: send rollback (the default) or proceed.`,
  );
}
