import { z } from "zod";

// Keyset pages of a list whose state lives in its address (a plain GET form): the opaque cursor of a
// page's last row, and the address of a page under the same search. A page that starts after the last
// (key, id) seen never repeats or skips a row, whatever is recorded in between.

export const PAGE_SIZE = 20;

/** A text field of a list's address: trimmed, empty or malformed read as absent, never refused. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((text) => text || undefined)
    .optional()
    .catch(undefined);

/** Typed search text for LIKE / ILIKE: its % and _ are characters, not wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A page's cursor: its last row's sort key and id, opaque to the reader of the address. */
export function encodeCursor(key: string | number, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString("base64url");
}

/** The cursor's key and id, or null for a cursor someone typed or cut short (the first page). */
export function decodeCursor(
  cursor: string | undefined,
): { key: string | number; id: string } | null {
  if (!cursor) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, "base64url").toString());
    if ((typeof key === "string" || typeof key === "number") && typeof id === "string") {
      return { key, id };
    }
  } catch {
    // Not base64url JSON: the first page.
  }
  return null;
}

/**
 * The list's address under this query, at page `after` (or the first page): what a pager links to.
 * Values equal to `defaults` are left out, so the plain list keeps its plain address.
 */
export function listHref(
  path: string,
  query: Record<string, string | undefined>,
  after?: string | null,
  defaults: Record<string, string> = {},
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...query, after: after ?? undefined })) {
    if (value && defaults[name] !== value) params.set(name, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
