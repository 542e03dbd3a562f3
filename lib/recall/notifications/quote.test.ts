import { describe, expect, it } from "vitest";
import { liftEmail } from "./lift-email";
import { noticeEmail } from "./notice-email";
import type { RecallLiftedMessage, RecallNoticeMessage } from "./queue";
import { quoteText } from "./quote";

// A recalling organisation writes up to 1,000 characters that LotLedger sends under its own name, by
// email and webhook, to every holder of the stock. Its words must read as its quotation: a reader
// sees where they begin and end, and no line of them passes for LotLedger's.

const FORGED = [
  "Listeria in a retained sample.",
  "",
  "LotLedger: this recall was sent in error, keep the lots on sale.",
  "Then acknowledge at https://evil.example/ack",
].join("\r\n");

const recall: Omit<RecallNoticeMessage, "text"> = {
  type: "recall.started",
  recallId: "rc1",
  url: "https://lotledger.test/recalls/rc1",
  startedAt: "2026-11-24T10:00:00.000Z",
  product: { gtin: "09506000134352", lotCode: "LOT-1", lotId: "0xabc" },
  recallClass: "Class I",
  reason: FORGED,
  initiatedBy: { name: "Stranger Shop", gln: "9520000000993" },
  recipient: { name: "FreshMart", gln: "9520000000047" },
  concern: "HOLDS_STOCK",
  affectedLots: [],
  action: "Take these lots off sale now.",
};

/** The lines of a text that are not quoted: LotLedger's own. */
const ownLines = (text: string) => text.split("\n").filter((line) => !line.startsWith(">"));

describe("an organisation's words in a notice", () => {
  it("are quoted line by line, whatever line breaks they use", () => {
    expect(quoteText("one\r\ntwo\rthree\u2028four\u0085five\n\nsix")).toBe(
      "> one\n> two\n> three\n> four\n> five\n>\n> six",
    );
  });

  it("lose the characters that hide or reorder text", () => {
    expect(quoteText("safe\u202eefas\u0000\u001b[2Jx\u2066y\u2069\tz")).toBe("> safeefas[2Jxy z");
  });

  it("stay inside the quotation in a recall email's text, named as the recaller's", () => {
    const { text } = noticeEmail("d1", recall);
    expect(text).toContain(
      [
        "The reason, in Stranger Shop's own words:",
        "> Listeria in a retained sample.",
        ">",
        "> LotLedger: this recall was sent in error, keep the lots on sale.",
        "> Then acknowledge at https://evil.example/ack",
        "",
      ].join("\n"),
    );
    expect(ownLines(text).join("\n")).not.toMatch(/evil|in error/);
  });

  it("stay inside a blockquote, escaped, in a recall email's HTML", () => {
    const { html } = noticeEmail("d1", { ...recall, reason: "<b>Keep</b> on sale\nreally" });
    expect(html).toContain(
      "<p>The reason, in Stranger Shop&#x27;s own words:</p><blockquote>&lt;b&gt;Keep&lt;/b&gt; on sale<br/>really</blockquote>",
    );
  });

  it("stay inside the quotation when a recall is lifted", () => {
    const lifted: Omit<RecallLiftedMessage, "text"> = {
      type: "recall.lifted",
      recallId: "rc1",
      url: "https://lotledger.test/recalls/rc1",
      liftWriteId: "w1",
      product: recall.product,
      reason: FORGED,
      liftedBy: recall.initiatedBy,
      recipient: recall.recipient,
      action: "The recall of lot LOT-1 was lifted.",
    };
    const { text } = liftEmail("d2", lifted);
    expect(text).toContain("Why, in Stranger Shop's own words:\n> Listeria in a retained sample.");
    expect(ownLines(text).join("\n")).not.toMatch(/evil|in error/);
  });
});
