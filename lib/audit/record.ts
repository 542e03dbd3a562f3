import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { clientAddressOfRequest } from "@/lib/rate-limit";
import type { AuditAction } from "./actions";

/**
 * Who acts, in the shape of lib/auth's Member (which it is everywhere but a failed sign-in): written
 * out here because lib/auth writes to the audit log, so lib/audit cannot import it.
 */
export type AuditActor = {
  userId: string;
  name: string;
  organization: { id: string; name: string };
  apiKey?: { id: string; name: string };
};

/** What was done, and on what. */
export type AuditRecord = {
  action: AuditAction;
  summary: string;
  lotId?: string | null;
  lotCode?: string | null;
  recallId?: string | null;
  ledgerTransactionId?: string | null;
  subjectId?: string | null;
};

/** From where: the client address as lib/rate-limit counts it, and the user agent. */
export type RequestOrigin = { clientAddress: string | null; userAgent: string | null };

const NO_REQUEST: RequestOrigin = { clientAddress: null, userAgent: null };

export function originOf(requestHeaders: Headers): RequestOrigin {
  return {
    clientAddress: clientAddressOfRequest(requestHeaders),
    userAgent: requestHeaders.get("user-agent")?.slice(0, 400) ?? null,
  };
}

/**
 * The request being served, read the way pages and actions read the session (next/headers), so that
 * no door has to carry it through its callers; nulls where no request asked (the CLI, the demo seed,
 * the workers, tests), which Next tells by throwing. Imported here, not at the top: outside Next's
 * server (workers/web.ts loads the domains before Next starts) loading next/headers throws.
 */
export async function currentOrigin(): Promise<RequestOrigin> {
  try {
    const { headers } = await import("next/headers");
    return originOf(await headers());
  } catch {
    return NO_REQUEST;
  }
}

/**
 * Appends one entry. Given the action's transaction, the entry exists exactly when the action does:
 * a refused action rolls it back with everything else.
 */
export async function recordAudit(
  db: Db | Tx,
  actor: AuditActor,
  record: AuditRecord,
  origin?: RequestOrigin,
): Promise<void> {
  await db.auditEntry.create({
    data: {
      ...record,
      userId: actor.userId,
      actorName: actor.name,
      apiKeyId: actor.apiKey?.id,
      apiKeyName: actor.apiKey?.name,
      organizationId: actor.organization.id,
      organizationName: actor.organization.name,
      ...(origin ?? (await currentOrigin())),
    },
    select: { id: true },
  });
}
