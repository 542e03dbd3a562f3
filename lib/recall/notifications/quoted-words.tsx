import { Fragment } from "react";
import { quotedLines } from "./quote";

/** An organisation's own words in a notice's HTML: a quotation, its lines cleaned as in the text part. */
export function QuotedWords({ words }: { words: string }) {
  return (
    <blockquote>
      {quotedLines(words).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines are fixed text, never reordered
        <Fragment key={i}>
          {i > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </blockquote>
  );
}
