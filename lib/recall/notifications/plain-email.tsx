import { renderFragment } from "@/components/public";
import type { OutgoingMail } from "@/lib/mail/send-mail";
import type { PlainNoticeMessage } from "./queue";

/** Another domain's notice as an email: its own subject, its text one paragraph per line, its link. */
export function plainEmail(
  deliveryId: string,
  message: PlainNoticeMessage,
): Omit<OutgoingMail, "to"> {
  const paragraphs = message.text.split("\n").filter((line) => line.trim() !== "");
  return {
    subject: message.subject,
    text: message.text,
    html: renderFragment(
      <>
        {paragraphs.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <p>
          Details: <a href={message.url}>{message.url}</a>
        </p>
      </>,
    ),
    messageId: `<${message.type}.${deliveryId}@${new URL(message.url).hostname}>`,
    headers: { "X-LotLedger-Delivery": deliveryId },
  };
}
