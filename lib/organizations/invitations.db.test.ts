import { verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { countRows, databaseText } from "@/tools/testing/database-text";
import {
  addTestMember,
  createTestOrganization,
  TEST_PASSWORD,
} from "@/tools/testing/organizations";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import {
  acceptInvitation,
  INVITATION_TTL_MS,
  type InvitationMessage,
  inviteMember,
  removeMember,
} from ".";

const APP_URL = "https://lotledger.example";
const TABLES = ["User", "Account", "Session", "Invitation"];
const NEW_PASSWORD = "a long new password";

let database: TestDatabase;
let db: Db;
let admin: Member;
let staff: Member;
const sent: InvitationMessage[] = [];
// The app's transport writes to the log (or emails: invitation-email.db.test.ts); this one keeps
// what it was given.
const transport = {
  send: async (message: InvitationMessage) => {
    sent.push(message);
    return "link" as const;
  },
};

let serial = 0;
const uniqueEmail = () => `invitee-${++serial}@people.test`;
const invite = (email: string, role = "STAFF", by: Member = admin) =>
  inviteMember({ db, member: by, input: { email, role }, appUrl: APP_URL, transport });
const tokenOf = (url: string) => url.split("/invitations/")[1] as string;
const accept = (
  token: string,
  input = { name: "Ines Invited", password: NEW_PASSWORD },
  now?: Date,
) => acceptInvitation({ db, token, input, now });

/** The refusal's code and sentence, and proof that nothing was written. */
async function refusal(run: () => Promise<unknown>) {
  const before = await countRows(db, TABLES);
  const error = await run().then(
    () => new Error("expected a refusal"),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(await countRows(db, TABLES)).toEqual(before);
  return { code: (error as AppError).code, message: (error as AppError).message };
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const organization = await createTestOrganization({ db, name: "Coastal Packhouse" });
  admin = await addTestMember({ db, organizationId: organization.id, role: "ADMIN" });
  staff = await addTestMember({ db, organizationId: organization.id, role: "STAFF" });
});

afterAll(async () => {
  await database.drop();
});

describe("inviteMember", () => {
  it("stores a hashed single-use invitation for 7 days and hands the link to the transport", async () => {
    const email = uniqueEmail();
    const started = Date.now();
    const result = await invite(email.toUpperCase(), "READ_ONLY");
    expect(result).toEqual({
      email,
      organizationName: "Coastal Packhouse",
      role: "Read-only",
      url: expect.stringMatching(/^https:\/\/lotledger\.example\/invitations\/[\w-]{43}$/),
      expiresAt: expect.any(Date),
      delivery: "link",
    });
    const { delivery: _, ...message } = result;
    expect(sent.at(-1)).toEqual(message);
    const row = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(row).toMatchObject({ role: "READ_ONLY", invitedById: admin.userId, acceptedAt: null });
    expect(row.expiresAt.getTime() - started).toBeGreaterThanOrEqual(INVITATION_TTL_MS);
    expect(await databaseText(db)).not.toContain(tokenOf(result.url));
  });

  it("refuses a staff member, with the sentence the page shows too", async () => {
    expect(await refusal(() => invite(uniqueEmail(), "STAFF", staff))).toEqual({
      code: "FORBIDDEN",
      message: "Only an admin of Coastal Packhouse can manage its people: ask one of them.",
    });
  });

  it.each([
    ["not-an-email", "STAFF", '"not-an-email" is not an email address: check it.'],
    ["", "STAFF", "Enter the person's email address."],
    ["someone@people.test", "OWNER", "Choose a role: admin, staff or read-only."],
  ])("refuses %j as %s", async (email, role, message) => {
    expect(await refusal(() => invite(email, role))).toEqual({ code: "INVALID_INPUT", message });
  });

  it("refuses someone who is already a member", async () => {
    expect(await refusal(() => invite(staff.email))).toEqual({
      code: "CONFLICT",
      message: `${staff.email} is already a member of Coastal Packhouse: change their role instead.`,
    });
  });

  it("replaces an earlier open invitation of the same person: only the newest link works", async () => {
    const email = uniqueEmail();
    const first = await invite(email);
    const second = await invite(email, "ADMIN");
    expect(await db.invitation.count({ where: { email } })).toBe(1);
    expect(await refusal(() => accept(tokenOf(first.url)))).toEqual({
      code: "NOT_FOUND",
      message:
        "This invitation link is not valid: ask an admin of your organisation for a new one.",
    });
    await accept(tokenOf(second.url));
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ role: "ADMIN" });
  });
});

describe("acceptInvitation", () => {
  it("creates the account in the organisation with the invited role, and uses the link up", async () => {
    const email = uniqueEmail();
    const token = tokenOf((await invite(email, "STAFF")).url);
    const { userId } = await accept(token, { name: "  Ines Invited ", password: NEW_PASSWORD });
    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      include: { accounts: true },
    });
    expect(user).toMatchObject({
      email,
      name: "Ines Invited",
      role: "STAFF",
      organizationId: admin.organization.id,
      emailVerified: true,
    });
    expect(user.accounts).toHaveLength(1);
    const [account] = user.accounts;
    expect(account?.providerId).toBe("credential");
    expect(
      await verifyPassword({ hash: account?.password as string, password: NEW_PASSWORD }),
    ).toBe(true);
    expect(await databaseText(db)).not.toContain(NEW_PASSWORD);
    expect(await db.invitation.findFirstOrThrow({ where: { email } })).toMatchObject({
      acceptedAt: expect.any(Date),
      acceptedById: userId,
    });
  });

  it("refuses a second use of the same link", async () => {
    const token = tokenOf((await invite(uniqueEmail())).url);
    await accept(token);
    expect(
      await refusal(() => accept(token, { name: "Second", password: "another password" })),
    ).toEqual({
      code: "CONFLICT",
      message:
        "This invitation has already been used: sign in, or ask an admin of your organisation for a new one.",
    });
  });

  it("lets exactly one of two people opening the link at the same moment in", async () => {
    const email = uniqueEmail();
    const token = tokenOf((await invite(email)).url);
    const results = await Promise.allSettled([accept(token), accept(token), accept(token)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") {
        expect((result.reason as AppError).message).toBe(
          "This invitation has already been used: sign in, or ask an admin of your organisation for a new one.",
        );
      }
    }
    expect(await db.account.count({ where: { user: { email } } })).toBe(1);
  });

  it("refuses an expired link", async () => {
    const { url, expiresAt } = await invite(uniqueEmail());
    expect(await refusal(() => accept(tokenOf(url), undefined, expiresAt))).toEqual({
      code: "NOT_FOUND",
      message: "This invitation has expired: ask an admin of your organisation for a new one.",
    });
  });

  it("refuses an unknown link", async () => {
    expect(await refusal(() => accept("made-up-token"))).toEqual({
      code: "NOT_FOUND",
      message:
        "This invitation link is not valid: ask an admin of your organisation for a new one.",
    });
  });

  it.each([
    [{ name: " ", password: NEW_PASSWORD }, "Enter your name."],
    [{ name: "Ines", password: "short" }, "Choose a password of at least 8 characters."],
  ])("refuses %j and keeps the link usable", async (input, message) => {
    const token = tokenOf((await invite(uniqueEmail())).url);
    expect(await refusal(() => accept(token, input))).toEqual({ code: "INVALID_INPUT", message });
    await expect(accept(token)).resolves.toMatchObject({ userId: expect.any(String) });
  });

  it("gives a removed person a fresh account under the same user, with the old password gone", async () => {
    const leaver = await addTestMember({
      db,
      organizationId: admin.organization.id,
      role: "STAFF",
    });
    await removeMember({ db, member: admin, userId: leaver.userId });
    const { userId } = await accept(tokenOf((await invite(leaver.email, "READ_ONLY")).url));
    expect(userId).toBe(leaver.userId);
    const accounts = await db.account.findMany({ where: { userId } });
    expect(accounts).toHaveLength(1);
    expect(
      await verifyPassword({ hash: accounts[0]?.password as string, password: TEST_PASSWORD }),
    ).toBe(false);
  });
});
