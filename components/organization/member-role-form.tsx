"use client";

import { useFormStatus } from "react-dom";
import { MEMBER_ROLE_LABELS, MEMBER_ROLES, type MemberRole } from "@/lib/organizations/roles";
import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";

/** One member's role: pick another and save. */
export function MemberRoleForm({
  name,
  role,
  action,
}: {
  name: string;
  role: MemberRole;
  action: (state: FormState, data: FormData) => Promise<FormState>;
}) {
  return (
    <Form action={action} className="flex flex-col gap-2">
      {(state) => (
        <div className="flex flex-wrap items-end gap-2">
          {/* Named by aria-label, not a <label>: every member's form has one. */}
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <span className="text-sm font-semibold" aria-hidden>
              Role
            </span>
            <select
              name="role"
              aria-label={`Role of ${name}`}
              defaultValue={state?.values?.role ?? role}
              aria-invalid={state?.fieldErrors?.role ? true : undefined}
              className="min-h-12 w-full rounded-xl border-2 border-stone-300 bg-white px-3 text-lg"
            >
              {MEMBER_ROLES.map((value) => (
                <option key={value} value={value}>
                  {MEMBER_ROLE_LABELS[value]}
                </option>
              ))}
            </select>
          </div>
          <SaveRoleButton name={name} />
        </div>
      )}
    </Form>
  );
}

function SaveRoleButton({ name }: { name: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-label={`Save role of ${name}`}
      className="min-h-12 rounded-xl border-2 border-ledger-700 px-5 text-lg font-semibold text-ledger-900 disabled:border-stone-400 disabled:text-stone-500"
    >
      {pending ? "Saving…" : "Save role"}
    </button>
  );
}
