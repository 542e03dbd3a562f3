import { renderFragment } from "@/components/public";
import type { OutgoingMail } from "@/lib/mail/send-mail";
import type { RecallLiftedMessage } from "./queue";
import { quoteText, wordsOf } from "./quote";
import { QuotedWords } from "./quoted-words";

type Notice = Omit<RecallLiftedMessage, "text">;

function liftedLine({ product, liftedBy }: Notice): string {
  return `The recall of lot ${product.lotCode} (GTIN ${product.gtin}) was lifted by ${liftedBy.name} (GLN ${liftedBy.gln}).`;
}

/** The lift notice as plain text (the email's text part, the webhook's `text`), its reason quoted. */
export function liftNoticeText(message: Notice): string {
  return [
    liftedLine(message),
    "",
    wordsOf(message.liftedBy.name, "Why"),
    quoteText(message.reason),
    "",
    message.action,
    "",
  ].join("\n");
}

/** The email saying a recall is over: which lot, who lifted it and why, as plain as the recall's. */
export function liftEmail(deliveryId: string, message: Notice): Omit<OutgoingMail, "to"> {
  const { product, liftedBy, url } = message;
  const body = renderFragment(
    <>
      <p>{liftedLine(message)}</p>
      <p>{wordsOf(liftedBy.name, "Why")}</p>
      <QuotedWords words={message.reason} />
      <p>
        Its stock may go back on sale. Details: <a href={url}>{url}</a>
      </p>
    </>,
  );
  return {
    subject: `Recall lifted: lot ${product.lotCode}`,
    text: liftNoticeText(message),
    html: body,
    messageId: `<recall-lifted.${deliveryId}@${new URL(url).hostname}>`,
    headers: { "X-LotLedger-Delivery": deliveryId },
  };
}
