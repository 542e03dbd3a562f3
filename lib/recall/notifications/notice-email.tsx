import { renderFragment } from "@/components/public";
import type { OutgoingMail } from "@/lib/mail/send-mail";
import { formatMoment } from "../terms";
import type { RecallNoticeMessage } from "./queue";

/**
 * The email of one recall notice, for the people of the organisation it addresses: what is recalled
 * and why, which of their lots to take off sale, and the link to acknowledge. It is read on a phone in
 * a store, so the first line is the instruction and the HTML is plain (no images, no styles).
 */
export function noticeEmail(
  deliveryId: string,
  message: RecallNoticeMessage,
): Omit<OutgoingMail, "to"> {
  const { product, recallClass, reason, initiatedBy, recipient, url } = message;
  const lots = message.affectedLots.length > 0 ? message.affectedLots : [product];
  const steps = lots.map(
    (lot) =>
      `Take every package of lot ${lot.lotCode} (GTIN ${lot.gtin}) off sale and mark it removed in LotLedger.`,
  );
  const started = `${recallClass} recall of lot ${product.lotCode} (GTIN ${product.gtin}), started by ${initiatedBy.name} (GLN ${initiatedBy.gln}) on ${formatMoment(new Date(message.startedAt))}.`;
  const acknowledge = `Then acknowledge the recall for ${recipient.name}:`;
  const text = [started, "", `Reason: ${reason}`, "", ...steps, `${acknowledge} ${url}`, ""].join(
    "\n",
  );
  const body = renderFragment(
    <>
      <p>{started}</p>
      <p>
        <strong>Reason:</strong> {reason}
      </p>
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
  return {
    subject: `${recallClass} recall: lot ${product.lotCode} — remove from sale`,
    text,
    html: body,
    // One id for every attempt at this notice, as the webhook's delivery header is.
    messageId: `<recall-notice.${deliveryId}@${new URL(url).hostname}>`,
    headers: { "X-LotLedger-Delivery": deliveryId },
  };
}
