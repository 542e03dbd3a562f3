import "server-only";
import { AppError } from "@/lib/errors";

/** The largest JSON body a route takes unless it says otherwise: far above any form's fields. */
export const MAX_JSON_BYTES = 1_000_000;

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toLocaleString("en")} MB`;

/**
 * The request's body as text, read no further than `maxBytes`: a larger one is refused (413) with
 * `tooLarge`, or a sentence naming the limit, before the rest of it is read or anything parses it.
 */
export async function readText(
  request: Request,
  { maxBytes, tooLarge }: { maxBytes: number; tooLarge?: string },
): Promise<string> {
  const refusal = () =>
    new AppError(
      "PAYLOAD_TOO_LARGE",
      tooLarge ?? `The request body is larger than ${megabytes(maxBytes)}: send less at a time.`,
    );
  // A declared length says it at once; a chunked body is counted as it arrives.
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw refusal();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw refusal();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The request's JSON body (at most `maxBytes`), or a 400 that says it must be JSON. */
export async function readJson(
  request: Request,
  limit: { maxBytes: number; tooLarge?: string } = { maxBytes: MAX_JSON_BYTES },
): Promise<unknown> {
  const text = await readText(request, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "The request body must be JSON.");
  }
}
