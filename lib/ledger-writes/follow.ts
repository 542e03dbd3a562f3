import { z } from "zod";

/** At most this many writes are followed from one page's address (a recall extended to its sources). */
const MAX_FOLLOWED = 20;
const writeIds = z.array(z.string().regex(/^[\w-]{1,64}$/)).max(MAX_FOLLOWED);

/**
 * The writes a page was sent to follow (`?write=…`, once per write, as an action's redirect puts
 * them); anything else in the address is ignored, as a hand-edited address deserves.
 */
export function writeIdsOf(param: string | string[] | undefined): string[] {
  const parsed = writeIds.safeParse(typeof param === "string" ? [param] : (param ?? []));
  return parsed.success ? [...new Set(parsed.data)] : [];
}

/** The query string that sends a page to follow these writes: `write=a&write=b`. */
export function followWrites(ids: string[]): string {
  return ids.map((id) => `write=${encodeURIComponent(id)}`).join("&");
}
