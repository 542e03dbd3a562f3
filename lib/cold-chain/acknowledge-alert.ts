import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const MAX_ALERT_COMMENT = 2_000;

const commentInput = z
  .string()
  .trim()
  .min(
    1,
    "Write what you did about the excursion (checked the goods, moved them, told the carrier), then acknowledge it.",
  )
  .max(MAX_ALERT_COMMENT, `Keep the comment under ${MAX_ALERT_COMMENT} characters.`);

/**
 * Closes one of the organisation's cold-chain alerts with the comment of the person who dealt with
 * it: an alert stays open (latched) until then, however the readings go on.
 */
export async function acknowledgeColdChainAlert({
  db,
  member,
  alertId,
  comment,
  now = new Date(),
}: {
  db: Db;
  member: Member;
  alertId: string;
  comment: string;
  now?: Date;
}): Promise<void> {
  const alert = await db.coldChainAlert.findUnique({
    where: { id: alertId },
    select: { organizationId: true, acknowledgedAt: true },
  });
  if (!alert || alert.organizationId !== member.organization.id) {
    throw new AppError("NOT_FOUND", "Your organisation has no such alert: reload the page.");
  }
  if (member.role === "READ_ONLY") {
    throw new AppError(
      "FORBIDDEN",
      "Your account is read-only: ask a colleague with staff access to acknowledge the alert.",
    );
  }
  const parsed = commentInput.safeParse(comment);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "", {
      field: "comment",
    });
  }
  const { count } = await db.coldChainAlert.updateMany({
    where: { id: alertId, acknowledgedAt: null },
    data: { acknowledgedAt: now, acknowledgedById: member.userId, comment: parsed.data },
  });
  if (count === 0) {
    throw new AppError(
      "CONFLICT",
      "This alert was acknowledged already: reload the page to see by whom.",
    );
  }
}
