"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import type { ApiKeyFormState } from "@/components/organization/create-api-key-form";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { toFailure } from "@/lib/errors";

const ORGANIZATION_PATH = "/organization";

export async function createApiKeyAction(
  _previous: ApiKeyFormState,
  formData: FormData,
): Promise<ApiKeyFormState> {
  const values = { name: String(formData.get("name") ?? "") };
  try {
    const created = await createApiKey({
      db: getDb(),
      member: await authenticate(),
      input: { ...values, scopes: formData.getAll("scopes").map(String) },
    });
    revalidatePath(ORGANIZATION_PATH);
    return { created: { name: created.name, key: created.key } };
  } catch (error) {
    return refusal(error, "createApiKeyAction", formData);
  }
}

export async function revokeApiKeyAction(apiKeyId: string): Promise<FormState> {
  try {
    await revokeApiKey({ db: getDb(), member: await authenticate(), apiKeyId });
  } catch (error) {
    const failure = toFailure(error, "revokeApiKeyAction");
    return { message: failure.message };
  }
  revalidatePath(ORGANIZATION_PATH);
  return undefined;
}
