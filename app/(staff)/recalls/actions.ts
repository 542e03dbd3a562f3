"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import type { WebhookFormState } from "@/components/recall/webhook-form";
import { recordAudit } from "@/lib/audit";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { type ActionResult, toFailure } from "@/lib/errors";
import { nestFormValues, parseInput } from "@/lib/input";
import { followWrites } from "@/lib/ledger-writes/follow";
import { assertOrganizationAdmin } from "@/lib/organizations";
import {
  acknowledgeRecall,
  approveLift,
  extendRecall,
  liftRecall,
  removePackage,
  removeWebhookEndpoint,
  reportDisposition,
  SET_WEBHOOK,
  setWebhookEndpoint,
  startRecall,
} from "@/lib/recall";
import {
  dispositionInput,
  extendInput,
  liftInput,
  recallInput,
  scannedRemoval,
} from "@/lib/recall/terms";

/**
 * Confirms the recall shown on the review page: queues it, then opens the recall's page, which
 * follows it onto the ledger (a refusal by the ledger is shown there, with its reason).
 */
export async function startRecallAction(
  lotId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = {
    reason: String(formData.get("reason") ?? ""),
    severity: String(formData.get("severity") ?? ""),
  };
  let path: string;
  try {
    const member = await authenticate();
    const input = parseInput(recallInput, values);
    const db = getDb();
    const started = await startRecall({ db, member, lotId, input, appUrl: getEnv().APP_URL });
    path = `/recalls/${started.recallId}?${followWrites([started.writeId])}`;
  } catch (error) {
    return refusal(error, "startRecallAction", formData);
  }
  redirect(path);
}

/** The member's organisation acknowledges the recall (from its page or the banner). */
export async function acknowledgeRecallAction(
  recallId: string,
  _previous: FormState,
): Promise<FormState> {
  try {
    await acknowledgeRecall({ db: getDb(), member: await authenticate(), recallId });
  } catch (error) {
    return refusal(error, "acknowledgeRecallAction");
  }
  revalidatePath("/", "layout");
  return { recorded: "Recorded ✓ your organisation acknowledged the recall." };
}

/**
 * A regulator or an admin of the recalling organisation lifts the recall (a Class I one: asks to, and
 * a second person approves); the page then follows the lifting onto the ledger.
 */
export async function liftRecallAction(
  recallId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = { reason: String(formData.get("reason") ?? "") };
  let writeId: string | null;
  try {
    const member = await authenticate();
    const input = parseInput(liftInput, values);
    const db = getDb();
    ({ writeId } = await liftRecall({ db, member, recallId, input, appUrl: getEnv().APP_URL }));
  } catch (error) {
    return refusal(error, "liftRecallAction", formData);
  }
  revalidatePath("/", "layout");
  // A Class I lift is only asked for: nothing goes to the ledger before a second person approves.
  if (!writeId) return { recorded: "Saved ✓ the lift is asked for; a second person approves it." };
  redirect(`/recalls/${recallId}?${followWrites([writeId])}`);
}

/** A second person approves the lifting of a Class I recall that another asked for. */
export async function approveLiftAction(
  recallId: string,
  _previous: FormState,
): Promise<FormState> {
  let writeId: string;
  try {
    const member = await authenticate();
    ({ writeId } = await approveLift({ db: getDb(), member, recallId, appUrl: getEnv().APP_URL }));
  } catch (error) {
    return refusal(error, "approveLiftAction");
  }
  revalidatePath("/", "layout");
  redirect(`/recalls/${recallId}?${followWrites([writeId])}`);
}

/** A holder reports what became of one lot of the recalled stock. */
export async function reportDispositionAction(
  recallId: string,
  lotId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = Object.fromEntries(
    [...formData.entries()]
      .filter(([key]) => key.startsWith("quantities."))
      .map(([k, v]) => [k, String(v)]),
  );
  try {
    const member = await authenticate();
    const input = parseInput(dispositionInput, {
      lotId,
      ...nestFormValues(Object.entries(values)),
    });
    await reportDisposition({ db: getDb(), member, recallId, input });
  } catch (error) {
    return refusal(error, "reportDispositionAction", formData);
  }
  revalidatePath("/", "layout");
  return { recorded: "Recorded ✓ your report on this lot." };
}

/** The source's producer extends the recall to its own lots the recalled lot was made from. */
export async function extendRecallAction(
  recallId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = {
    reason: String(formData.get("reason") ?? ""),
    severity: String(formData.get("severity") ?? ""),
  };
  let path: string;
  try {
    const member = await authenticate();
    const input = parseInput(extendInput, { ...values, lotIds: formData.getAll("lotIds") });
    const db = getDb();
    const extended = await extendRecall({ db, member, recallId, input, appUrl: getEnv().APP_URL });
    // The first new recall's page follows every one of them onto the ledger.
    path = `/recalls/${extended.recallIds[0]}?${followWrites(extended.writeIds)}`;
  } catch (error) {
    return refusal(error, "extendRecallAction", formData);
  }
  revalidatePath("/", "layout");
  redirect(path);
}

/** From the scan page's recall alert: the package in hand is off the shelf. */
export async function removePackageAction(
  lotId: unknown,
  serial: unknown,
): Promise<ActionResult<{ serial: string; wasAlreadyRemoved: boolean }>> {
  try {
    const member = await authenticate();
    const input = parseInput(scannedRemoval, { lotId, serial });
    const removal = await removePackage({ db: getDb(), member, ...input });
    return {
      ok: true,
      data: { serial: removal.serial, wasAlreadyRemoved: removal.wasAlreadyRemoved },
    };
  } catch (error) {
    return toFailure(error, "removePackageAction");
  }
}

/** An admin sets where the organisation's recall notices are POSTed; the new secret is shown once. */
export async function setWebhookAction(
  _previous: WebhookFormState,
  formData: FormData,
): Promise<WebhookFormState> {
  const url = String(formData.get("url") ?? "");
  try {
    const member = await authenticate();
    assertOrganizationAdmin(member, SET_WEBHOOK);
    const endpoint = await setWebhookEndpoint({
      db: getDb(),
      organizationId: member.organization.id,
      url,
      masterKey: getEnv().WEBHOOK_SECRETS_KEY,
    });
    await recordAudit(getDb(), member, {
      action: "CHANGED_WEBHOOK",
      summary: `Set the recall webhook to ${endpoint.url}`,
    });
    revalidatePath("/recalls/notifications");
    return { secret: endpoint.secret };
  } catch (error) {
    return { ...refusal(error, "setWebhookAction"), values: { url } };
  }
}

/** An admin stops webhook delivery: notices go to the notifier's log again. */
export async function removeWebhookAction(): Promise<void> {
  const member = await authenticate();
  assertOrganizationAdmin(member, SET_WEBHOOK);
  await removeWebhookEndpoint({ db: getDb(), organizationId: member.organization.id });
  await recordAudit(getDb(), member, {
    action: "CHANGED_WEBHOOK",
    summary: "Removed the recall webhook",
  });
  revalidatePath("/recalls/notifications");
}
