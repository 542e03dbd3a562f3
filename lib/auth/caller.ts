import "server-only";
import { getDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { API_KEY_SCOPE_LABELS, type ApiKeyScope } from "./api-key-scopes";
import { hashApiKey } from "./api-keys";
import { findMember } from "./auth";
import { authenticate, type Member } from "./session";
import { assertSessionRequest } from "./session-request";

/**
 * Who is calling an /api route, decided here for every route: an organisation's API key sent as
 * `Authorization: Bearer llk_…` (machine clients), else the session cookie of someone signed in.
 * A cookie rides along with any request a browser makes, so a cookie-authenticated write must come
 * from LotLedger's own origin (Origin, or Sec-Fetch-Site) with a body type no cross-site form can
 * send; a key is never sent by a browser on its own, so a keyed request needs neither.
 */
export async function authenticateRequest(
  request: Request,
  { scope, accepts = ["application/json"] }: { scope: ApiKeyScope; accepts?: string[] },
): Promise<Member> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (bearer) return authenticateApiKey(getDb(), bearer, scope);
  assertSessionRequest(request, { accepts, appUrl: getEnv().APP_URL });
  return authenticate();
}

const STALE_USE_MS = 5 * 60_000;

/** The member an API key acts as: its organisation, in the name of the admin who created it. */
export async function authenticateApiKey(db: Db, key: string, scope: ApiKeyScope): Promise<Member> {
  const apiKey = await db.apiKey.findUnique({ where: { keyHash: hashApiKey(key) } });
  if (!apiKey || apiKey.revokedAt) {
    throw new AppError(
      "UNAUTHENTICATED",
      "This API key is not valid: it was revoked, or is mistyped. An admin can create a new one on the organisation page.",
    );
  }
  const creator = await findMember(db, apiKey.createdById);
  if (creator?.organization.id !== apiKey.organizationId) {
    throw new AppError(
      "UNAUTHENTICATED",
      "This API key stopped working when the admin who created it left the organisation: an admin can create a new one on the organisation page.",
    );
  }
  if (!apiKey.scopes.includes(scope)) {
    throw new AppError(
      "FORBIDDEN",
      `The API key “${apiKey.name}” may not ${API_KEY_SCOPE_LABELS[scope]}: an admin can create a key that may, on the organisation page.`,
    );
  }
  // When it was last used, to the minute or so: not a write on every request.
  if (!apiKey.lastUsedAt || Date.now() - apiKey.lastUsedAt.getTime() > STALE_USE_MS) {
    await db.apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: new Date() } });
  }
  const isWriter = apiKey.scopes.some((s) => s !== "READ");
  return {
    ...creator,
    name: `API key “${apiKey.name}”`,
    role: isWriter ? "STAFF" : "READ_ONLY",
    apiKey: { id: apiKey.id, name: apiKey.name },
  };
}
