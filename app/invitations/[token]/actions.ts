"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db";
import { acceptInvitation } from "@/lib/organizations";
import { clientAddressOfRequest, LIMITS, withFailureLimits } from "@/lib/rate-limit";

/** Creates the invitee's account from the invitation, then signs them in with the new password. */
export async function acceptInvitationAction(
  token: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = { name: String(formData.get("name") ?? "") };
  try {
    const password = String(formData.get("password") ?? "");
    const requestHeaders = await headers();
    const db = getDb();
    // Failed acceptances count per client address: a link is not to be found by trying.
    const address = clientAddressOfRequest(requestHeaders);
    await withFailureLimits(db, [[LIMITS.invitationAddress, address]], async () => {
      const { email } = await acceptInvitation({ db, token, input: { ...values, password } });
      await getAuth().api.signInEmail({ body: { email, password }, headers: requestHeaders });
    });
  } catch (error) {
    return refusal(error, "acceptInvitationAction", formData);
  }
  redirect("/home");
}
