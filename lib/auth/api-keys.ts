import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import {
  API_KEY_SCOPE_LABELS,
  API_KEY_SCOPES,
  type ApiKeyScope,
  MANAGE_API_KEYS,
} from "./api-key-scopes";
import type { Member } from "./session";

/** The key's recognisable start: secret scanners and people alike can tell what leaked. */
const KEY_PREFIX = "llk_";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

const apiKeyInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the key after what uses it, such as “ERP” or “Dock 3 logger”.")
    .max(60, "Keep the key's name under 60 characters."),
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1, "Choose what the key may do: at least one of the boxes."),
});

// The same sentence as lib/organizations' admin checks (which sit above lib/auth, so not imported).
function assertAdmin(member: Member): void {
  if (member.role !== "ADMIN") {
    throw new AppError(
      "FORBIDDEN",
      `Only an admin of ${member.organization.name} can ${MANAGE_API_KEYS}: ask one of them.`,
    );
  }
}

export type CreatedApiKey = { id: string; name: string; key: string; scopes: ApiKeyScope[] };

/**
 * A new key of the admin's organisation: 256 random bits, returned once — only its SHA-256 is
 * stored, so a leaked backup holds no usable key.
 */
export async function createApiKey({
  db,
  member,
  input,
}: {
  db: Db;
  member: Member;
  input: unknown;
}): Promise<CreatedApiKey> {
  assertAdmin(member);
  const { name, scopes } = parseInput(apiKeyInput, input);
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const prefix = key.slice(0, KEY_PREFIX.length + 8);
  const { id } = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        organizationId: member.organization.id,
        name,
        prefix,
        keyHash: hashApiKey(key),
        scopes,
        createdById: member.userId,
      },
      select: { id: true },
    });
    const summary = `Created the API key “${name}” (${prefix}…) that may ${scopes.map((s) => API_KEY_SCOPE_LABELS[s]).join(", ")}`;
    await recordAudit(tx, member, { action: "CHANGED_API_KEYS", summary, subjectId: created.id });
    return created;
  });
  return { id, name, key, scopes };
}

export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The organisation's keys, newest first, revoked ones too (never the keys themselves). */
export async function listApiKeys({ db, member }: { db: Db; member: Member }) {
  assertAdmin(member);
  const keys = await db.apiKey.findMany({
    where: { organizationId: member.organization.id },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdById: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
    },
  });
  const people = await db.user.findMany({
    where: { id: { in: keys.map((k) => k.createdById) } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  return keys.map(
    ({ createdById, ...key }): ApiKeySummary => ({
      ...key,
      createdBy: nameOf.get(createdById) ?? "a former member",
    }),
  );
}

/** Revokes one of the organisation's keys: the next request with it is refused. */
export async function revokeApiKey({
  db,
  member,
  apiKeyId,
}: {
  db: Db;
  member: Member;
  apiKeyId: string;
}): Promise<void> {
  assertAdmin(member);
  const count = await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({
      where: { id: apiKeyId, organizationId: member.organization.id },
      select: { name: true },
    });
    const { count } = await tx.apiKey.updateMany({
      where: { id: apiKeyId, organizationId: member.organization.id, revokedAt: null },
      data: { revokedAt: new Date(), revokedById: member.userId },
    });
    if (count === 1 && key) {
      const summary = `Revoked the API key “${key.name}”`;
      await recordAudit(tx, member, { action: "CHANGED_API_KEYS", summary, subjectId: apiKeyId });
    }
    return count;
  });
  if (count === 0) {
    throw new AppError("NOT_FOUND", "This key is already revoked, or is not your organisation's.");
  }
}
