"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import type { InvitationFormState } from "@/components/organization/invite-member-form";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import {
  changeMemberRole,
  invitationTransportFor,
  inviteMember,
  removeMember,
  revokeInvitation,
} from "@/lib/organizations";

const MEMBERS_PATH = "/organization/members";

export async function inviteMemberAction(
  _previous: InvitationFormState,
  formData: FormData,
): Promise<InvitationFormState> {
  const values = {
    email: String(formData.get("email") ?? ""),
    role: String(formData.get("role") ?? ""),
  };
  try {
    const env = getEnv();
    const invitation = await inviteMember({
      db: getDb(),
      member: await authenticate(),
      input: values,
      appUrl: env.APP_URL,
      transport: invitationTransportFor(env),
    });
    revalidatePath(MEMBERS_PATH);
    return { invitation: { ...invitation, expiresAt: invitation.expiresAt.toISOString() } };
  } catch (error) {
    return refusal(error, "inviteMemberAction", formData);
  }
}

export async function changeMemberRoleAction(
  userId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = { userId, role: String(formData.get("role") ?? "") };
  return settle("changeMemberRoleAction", values, async () => {
    await changeMemberRole({ db: getDb(), member: await authenticate(), input: values });
  });
}

export async function removeMemberAction(userId: string): Promise<FormState> {
  return settle("removeMemberAction", {}, async () => {
    await removeMember({ db: getDb(), member: await authenticate(), userId });
  });
}

export async function revokeInvitationAction(invitationId: string): Promise<FormState> {
  return settle("revokeInvitationAction", {}, async () => {
    await revokeInvitation({ db: getDb(), member: await authenticate(), invitationId });
  });
}

async function settle(
  context: string,
  values: Record<string, string>,
  change: () => Promise<void>,
): Promise<FormState> {
  try {
    await change();
  } catch (error) {
    return { ...refusal(error, context), values };
  }
  revalidatePath(MEMBERS_PATH);
  return { values, recorded: "Saved ✓" };
}
