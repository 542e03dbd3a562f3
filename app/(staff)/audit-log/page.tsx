import type { Metadata } from "next";
import { AuditEntries } from "@/components/audit/audit-entries";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditPager } from "@/components/audit/audit-pager";
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  AUDIT_PAGE_SIZE,
  auditFilterInput,
  canReadAuditLog,
  findAuditEntries,
} from "@/lib/audit";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Audit log" };

const ACTION_CHOICES = AUDIT_ACTIONS.map((value) => ({ value, label: AUDIT_ACTION_LABELS[value] }));

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember();
  const isRegulator = member.organization.kind === "REGULATOR";
  if (!canReadAuditLog(member)) {
    return (
      <>
        <h1 className="text-2xl font-bold">Audit log</h1>
        <p className="text-stone-700">
          Only an admin of {member.organization.name} or a regulator can read the audit log: ask an
          admin.
        </p>
      </>
    );
  }
  const filter = auditFilterInput.parse(await searchParams);
  const log = await findAuditEntries({ db: getDb(), viewer: member, filter });
  return (
    <div className="flex w-[min(72rem,calc(100vw-2rem))] flex-col gap-5 self-center">
      <div>
        <h1 className="text-2xl font-bold">Audit log</h1>
        <p className="text-stone-700">
          {isRegulator
            ? "What every organisation recorded, changed, acknowledged, lifted or exported, and every sign-in: when, by whom and from where."
            : `What ${member.organization.name}'s people and API keys recorded, changed, acknowledged, lifted or exported, and their sign-ins: when, by whom and from where.`}{" "}
          Entries are never changed or deleted.
        </p>
      </div>
      <AuditFilters filter={filter} actions={ACTION_CHOICES} />
      <AuditPager filter={filter} pageSize={AUDIT_PAGE_SIZE} {...log} />
      <AuditEntries
        entries={log.entries.map((entry) => ({
          ...entry,
          actionLabel: AUDIT_ACTION_LABELS[entry.action],
        }))}
      />
    </div>
  );
}
