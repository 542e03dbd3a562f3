import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { addTestMember, createTestOrganization } from "@/tools/testing/organizations";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-keys";
import { authenticateApiKey } from "./caller";

let database: TestDatabase;
let admin: Member;
let staff: Member;
let strangerAdmin: Member;

async function refusal(promise: Promise<unknown>): Promise<[string, string]> {
  const error = await promise.catch((e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${error}`);
  return [error.code, error.message];
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const farm = await createTestOrganization({ db, kind: "FARM", name: "Green Valley Farm" });
  const other = await createTestOrganization({ db, kind: "RETAILER" });
  admin = await addTestMember({ db, organizationId: farm.id, role: "ADMIN" });
  staff = await addTestMember({ db, organizationId: farm.id, role: "STAFF" });
  strangerAdmin = await addTestMember({ db, organizationId: other.id, role: "ADMIN" });
});
afterAll(() => database.drop());

describe("an organisation's API keys", () => {
  it("are made by admins only, shown once and stored as a hash", async () => {
    const { db } = database;
    expect(
      await refusal(createApiKey({ db, member: staff, input: { name: "ERP", scopes: ["READ"] } })),
    ).toEqual([
      "FORBIDDEN",
      "Only an admin of Green Valley Farm can manage its API keys: ask one of them.",
    ]);
    const created = await createApiKey({
      db,
      member: admin,
      input: { name: " ERP ", scopes: ["READ", "RECORD"] },
    });
    expect(created).toMatchObject({ name: "ERP", scopes: ["READ", "RECORD"] });
    expect(created.key).toMatch(/^llk_[\w-]{43}$/);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row)).not.toContain(created.key.slice(4));
    expect(row.prefix).toBe(created.key.slice(0, 12));
  });

  it("refuse a key without a name or without anything it may do, in the form's words", async () => {
    const { db } = database;
    expect(
      await refusal(createApiKey({ db, member: admin, input: { name: "", scopes: ["READ"] } })),
    ).toEqual([
      "INVALID_INPUT",
      "Name the key after what uses it, such as “ERP” or “Dock 3 logger”.",
    ]);
    expect(
      await refusal(createApiKey({ db, member: admin, input: { name: "ERP", scopes: [] } })),
    ).toEqual(["INVALID_INPUT", "Choose what the key may do: at least one of the boxes."]);
  });

  it("act as their organisation, in their creator's name, within their scopes", async () => {
    const { db } = database;
    const reader = await createApiKey({
      db,
      member: admin,
      input: { name: "Dashboard", scopes: ["READ"] },
    });
    const member = await authenticateApiKey(db, reader.key, "READ");
    expect(member).toMatchObject({
      userId: admin.userId,
      name: "API key “Dashboard”",
      role: "READ_ONLY",
      organization: { id: admin.organization.id },
    });
    expect(await refusal(authenticateApiKey(db, reader.key, "RECALL"))).toEqual([
      "FORBIDDEN",
      "The API key “Dashboard” may not start, acknowledge and lift recalls: an admin can create a key that may, on the organisation page.",
    ]);
    const writer = await createApiKey({
      db,
      member: admin,
      input: { name: "ERP 2", scopes: ["RECORD"] },
    });
    expect((await authenticateApiKey(db, writer.key, "RECORD")).role).toBe("STAFF");
    const used = await db.apiKey.findUniqueOrThrow({ where: { id: writer.id } });
    expect(used.lastUsedAt).not.toBeNull();
  });

  it("stop working once revoked, or once their creator has left; another admin cannot revoke them", async () => {
    const { db } = database;
    const key = await createApiKey({
      db,
      member: admin,
      input: { name: "Gateway", scopes: ["READ"] },
    });
    expect(await refusal(revokeApiKey({ db, member: strangerAdmin, apiKeyId: key.id }))).toEqual([
      "NOT_FOUND",
      "This key is already revoked, or is not your organisation's.",
    ]);
    await revokeApiKey({ db, member: admin, apiKeyId: key.id });
    expect(await refusal(authenticateApiKey(db, key.key, "READ"))).toEqual([
      "UNAUTHENTICATED",
      "This API key is not valid: it was revoked, or is mistyped. An admin can create a new one on the organisation page.",
    ]);
    expect(await refusal(authenticateApiKey(db, "llk_guessed", "READ"))).toEqual(
      await refusal(authenticateApiKey(db, key.key, "READ")),
    );

    const leaving = await addTestMember({
      db,
      organizationId: admin.organization.id,
      role: "ADMIN",
    });
    const orphan = await createApiKey({
      db,
      member: leaving,
      input: { name: "Old", scopes: ["READ"] },
    });
    await db.user.update({ where: { id: leaving.userId }, data: { organizationId: null } });
    expect((await refusal(authenticateApiKey(db, orphan.key, "READ")))[1]).toBe(
      "This API key stopped working when the admin who created it left the organisation: an admin can create a new one on the organisation page.",
    );

    const listed = await listApiKeys({ db, member: admin });
    expect(listed.find((k) => k.id === key.id)).toMatchObject({
      name: "Gateway",
      createdBy: admin.name,
      revokedAt: expect.any(Date),
    });
    expect(listed.every((k) => !("keyHash" in k))).toBe(true);
    expect(await listApiKeys({ db, member: strangerAdmin })).toEqual([]);
  });
});
