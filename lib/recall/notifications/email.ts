import "server-only";
import type { Db } from "@/lib/db/client";
import { type MailConfig, MailError, sendMail } from "@/lib/mail/send-mail";
import { liftEmail } from "./lift-email";
import { noticeEmail } from "./notice-email";
import type { Delivery } from "./transports";

/** A failure that another attempt cannot fix: the notice is marked failed at once. */
export class PermanentDeliveryError extends Error {}

/**
 * Emails a notice to the admins and staff of the organisation it addresses (read-only viewers act on
 * nothing, and people removed from it are out of it), as one message so that a retry resends one
 * message. Resolves with a remark when the server refused some of them but took the others.
 */
export async function emailNotice(
  db: Db,
  mail: MailConfig,
  { id, organizationId, message }: Delivery,
): Promise<string | undefined> {
  const people = await db.user.findMany({
    where: { organizationId, role: { in: ["ADMIN", "STAFF"] } },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  if (people.length === 0) {
    // Not permanent: an invited admin may join before the last attempt.
    throw new Error(`${message.recipient.name} has no admin or staff member to email.`);
  }
  try {
    const { refused } = await sendMail(mail, {
      ...(message.type === "recall.lifted" ? liftEmail(id, message) : noticeEmail(id, message)),
      to: people.map((person) => person.email),
    });
    return refused.length > 0 ? `Not accepted for ${refused.join("; ")}` : undefined;
  } catch (error) {
    if (error instanceof MailError && error.isPermanent) {
      throw new PermanentDeliveryError(error.message);
    }
    throw error;
  }
}
