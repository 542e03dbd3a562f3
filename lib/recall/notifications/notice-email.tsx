import { renderFragment } from "@/components/public";
import type { OutgoingMail } from "@/lib/mail/send-mail";
import { formatMoment } from "../terms";
import type { RecallNoticeMessage } from "./queue";
import { quoteText, wordsOf } from "./quote";
import { QuotedWords } from "./quoted-words";

type Notice = Omit<RecallNoticeMessage, "text">;

/** The parts every form of a recall notice tells, in LotLedger's words; the reason is quoted apart. */
function noticeParts(message: Notice) {
  const { product, recallClass, initiatedBy, recipient } = message;
  const lots = message.affectedLots.length > 0 ? message.affectedLots : [product];
  return {
    started: `${message.type === "recall.reminder" ? `Reminder: ${recipient.name} has not yet reported what became of all its stock in this recall. ` : ""}${recallClass} recall of lot ${product.lotCode} (GTIN ${product.gtin}), started by ${initiatedBy.name} (GLN ${initiatedBy.gln}) on ${formatMoment(new Date(message.startedAt))}.`,
    reasonBy: wordsOf(initiatedBy.name, "The reason"),
    steps: lots.map((lot) => stepFor(message.concern ?? "HOLDS_STOCK", lot, product.lotCode)),
    acknowledge: `Then acknowledge the recall for ${recipient.name}:`,
  };
}

/** What to do about one lot, by how the recall concerns its organisation. */
function stepFor(
  concern: RecallNoticeMessage["concern"],
  lot: { gtin: string; lotCode: string; isSource?: boolean },
  recalledLotCode: string,
): string {
  const named = `lot ${lot.lotCode} (GTIN ${lot.gtin})`;
  if (lot.isSource) {
    return `Lot ${recalledLotCode} was made from your ${named}: check what else was made from it, and extend the recall to it in LotLedger if it is affected.`;
  }
  if (concern === "HOLDS_STOCK") {
    return `Take every package of ${named} off sale, then report in LotLedger how much of it was removed from sale, destroyed, returned to its supplier or already sold.`;
  }
  return `You held ${named} before: check that none of it is left with you.`;
}

/**
 * The notice as plain text — the email's text part, and the webhook's `text` — with the recalling
 * organisation's reason quoted line by line ("> "), so nothing in it reads as LotLedger's own.
 */
export function recallNoticeText(message: Notice): string {
  const { started, reasonBy, steps, acknowledge } = noticeParts(message);
  return [
    started,
    "",
    reasonBy,
    quoteText(message.reason),
    "",
    ...steps,
    `${acknowledge} ${message.url}`,
    "",
  ].join("\n");
}

/**
 * The email of one recall notice, for the people of the organisation it addresses: what is recalled
 * and why, which of their lots to take off sale, and the link to acknowledge. It is read on a phone in
 * a store, so the first line is the instruction and the HTML is plain (no images, no styles).
 */
export function noticeEmail(deliveryId: string, message: Notice): Omit<OutgoingMail, "to"> {
  const { product, recallClass, url } = message;
  const { started, reasonBy, steps, acknowledge } = noticeParts(message);
  const body = renderFragment(
    <>
      <p>{started}</p>
      <p>{reasonBy}</p>
      <QuotedWords words={message.reason} />
      <ul>
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ul>
      <p>
        {acknowledge} <a href={url}>{url}</a>
      </p>
    </>,
  );
  const what =
    message.concern === "HOLDS_STOCK" || message.concern === undefined
      ? "remove from sale"
      : message.concern === "SOURCE"
        ? "made from your lots"
        : "you held this stock";
  return {
    subject: `${message.type === "recall.reminder" ? "Reminder: " : ""}${recallClass} recall: lot ${product.lotCode} — ${what}`,
    text: recallNoticeText(message),
    html: body,
    // One id for every attempt at this notice, as the webhook's delivery header is.
    messageId: `<recall-notice.${deliveryId}@${new URL(url).hostname}>`,
    headers: { "X-LotLedger-Delivery": deliveryId },
  };
}
