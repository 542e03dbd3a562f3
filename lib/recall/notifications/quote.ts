// Notices carry an organisation's own words (a recall's reason, a lift's) under LotLedger's name. They
// are set off as a quotation, so a reader sees exactly where those words begin and end, and nothing
// in them can pass for a line of LotLedger's own: every one of their lines starts with "> ", as a
// mail reader quotes, after the characters that could break a line or hide and reorder text are
// dropped or turned into plain line breaks.

/** Line breaks of every kind: CR LF, CR, LF, NEL, line and paragraph separators, VT and FF. */
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029\v\f]/;
/** Control characters, and Unicode's bidirectional marks, embeddings, overrides and isolates. */
const HIDDEN = /[\p{Cc}\p{Bidi_Control}]/gu;

/** The words as lines, each line cleaned of characters that could hide or reorder its text. */
export function quotedLines(words: string): string[] {
  return words
    .trim()
    .split(LINE_BREAK)
    .map((line) => line.replace(/\t/g, " ").replace(HIDDEN, "").trimEnd());
}

/** The words as a plain-text quotation: every line, the empty ones too, behind "> ". */
export function quoteText(words: string): string {
  return quotedLines(words)
    .map((line) => (line === "" ? ">" : `> ${line}`))
    .join("\n");
}

/** Who the quoted words are from, as the line before them reads. */
export function wordsOf(organization: string, what: string): string {
  return `${what}, in ${organization}'s own words:`;
}
