"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import type { WebhookFormState } from "@/components/recall/webhook-form";
import { recordAudit } from "@/lib/audit";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { type ActionResult, toFailure } from "@/lib/errors";
import { awaitLedgerWrite } from "@/lib/events/ledger-write";
import { nestFormValues, parseInput } from "@/lib/input";
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

/** Confirms the recall shown on the review page: records it, then opens the recall's page. */
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
    // Waits a few seconds so the page opens recorded; a refusal by the ledger is shown on the form.
    await awaitLedgerWrite(db, started.writeId);
    path = `/recalls/${started.recallId}`;
  } catch (error) {
    const failure = toFailure(error, "startRecallAction");
    return { message: failure.message, field: failure.field, values };
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
    return { message: toFailure(error, "acknowledgeRecallAction").message };
  }
  revalidatePath("/", "layout");
  return undefined;
}

/**
 * A regulator or an admin of the recalling organisation lifts the recall (a Class I one: asks to, and
 * a second person approves); the page then shows where it stands.
 */
export async function liftRecallAction(
  recallId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = { reason: String(formData.get("reason") ?? "") };
  try {
    const member = await authenticate();
    const input = parseInput(liftInput, values);
    const db = getDb();
    const { writeId } = await liftRecall({
      db,
      member,
      recallId,
      input,
      appUrl: getEnv().APP_URL,
    });
    // Waits a few seconds so the page shows it lifted; a refusal by the ledger is shown on the form.
    if (writeId) await awaitLedgerWrite(db, writeId);
  } catch (error) {
    const failure = toFailure(error, "liftRecallAction");
    return { message: failure.message, field: failure.field, values };
  }
  revalidatePath("/", "layout");
  return undefined;
}

/** A second person approves the lifting of a Class I recall that another asked for. */
export async function approveLiftAction(
  recallId: string,
  _previous: FormState,
): Promise<FormState> {
  try {
    const db = getDb();
    const member = await authenticate();
    const { writeId } = await approveLift({ db, member, recallId, appUrl: getEnv().APP_URL });
    await awaitLedgerWrite(db, writeId);
  } catch (error) {
    return { message: toFailure(error, "approveLiftAction").message };
  }
  revalidatePath("/", "layout");
  return undefined;
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
    const failure = toFailure(error, "reportDispositionAction");
    return { message: failure.message, field: failure.field, values };
  }
  revalidatePath("/", "layout");
  return undefined;
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
    for (const writeId of extended.writeIds) await awaitLedgerWrite(db, writeId);
    path = `/recalls/${extended.recallIds[0]}`;
  } catch (error) {
    const failure = toFailure(error, "extendRecallAction");
    return { message: failure.message, field: failure.field, values };
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
    const failure = toFailure(error, "setWebhookAction");
    return { message: failure.message, field: failure.field, values: { url } };
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
