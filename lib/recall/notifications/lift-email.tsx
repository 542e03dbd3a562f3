import { renderFragment } from "@/components/public";
import type { OutgoingMail } from "@/lib/mail/send-mail";
import type { RecallLiftedMessage } from "./queue";

/** The email saying a recall is over: which lot, who lifted it and why, as plain as the recall's. */
export function liftEmail(
  deliveryId: string,
  message: RecallLiftedMessage,
): Omit<OutgoingMail, "to"> {
  const { product, reason, liftedBy, url } = message;
  const lifted = `The recall of lot ${product.lotCode} (GTIN ${product.gtin}) was lifted by ${liftedBy.name} (GLN ${liftedBy.gln}).`;
  const text = [lifted, "", `Why: ${reason}`, "", message.action, ""].join("\n");
  const body = renderFragment(
    <>
      <p>{lifted}</p>
      <p>
        <strong>Why:</strong> {reason}
      </p>
      <p>
        Its stock may go back on sale. Details: <a href={url}>{url}</a>
      </p>
    </>,
  );
  return {
    subject: `Recall lifted: lot ${product.lotCode}`,
    text,
    html: body,
    messageId: `<recall-lifted.${deliveryId}@${new URL(url).hostname}>`,
    headers: { "X-LotLedger-Delivery": deliveryId },
  };
}
