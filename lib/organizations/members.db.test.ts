import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findMember } from "@/lib/auth/auth";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { countRows } from "@/tools/testing/database-text";
import { addTestMember, createTestOrganization, randomGln } from "@/tools/testing/organizations";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { addLocation, changeMemberRole, getPeople, removeMember } from ".";

const TABLES = ["User", "Account", "Session", "Location"];
let database: TestDatabase;
let db: Db;

/** A new organisation with one admin, so each test decides who else is in it. */
async function organizationWithAdmin(name = "Green Valley Farm") {
  const organization = await createTestOrganization({ db, name });
  const admin = await addTestMember({ db, organizationId: organization.id, role: "ADMIN" });
  const add = (role: "ADMIN" | "STAFF" | "READ_ONLY") =>
    addTestMember({ db, organizationId: organization.id, role });
  return { organization, admin, add };
}

const setRole = (member: Member, userId: string, role: string) =>
  changeMemberRole({ db, member, input: { userId, role } });

/** The refusal's code and sentence, and proof that nothing was written. */
async function refusal(run: () => Promise<unknown>) {
  const before = { rows: await countRows(db, TABLES), people: await db.user.findMany() };
  const error = await run().then(
    () => new Error("expected a refusal"),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  expect({ rows: await countRows(db, TABLES), people: await db.user.findMany() }).toEqual(before);
  return { code: (error as AppError).code, message: (error as AppError).message };
}

async function signInSession(userId: string) {
  await db.session.create({
    data: {
      id: crypto.randomUUID(),
      token: crypto.randomUUID(),
      userId,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});

afterAll(async () => {
  await database.drop();
});

describe("changeMemberRole", () => {
  it("changes a member's role, read again on their next request", async () => {
    const { admin, add } = await organizationWithAdmin();
    const staff = await add("STAFF");
    await setRole(admin, staff.userId, "READ_ONLY");
    expect((await findMember(db, staff.userId))?.role).toBe("READ_ONLY");
    await setRole(admin, staff.userId, "ADMIN");
    expect((await findMember(db, staff.userId))?.role).toBe("ADMIN");
  });

  it("never leaves the organisation without an admin", async () => {
    const { admin } = await organizationWithAdmin();
    expect(await refusal(() => setRole(admin, admin.userId, "STAFF"))).toEqual({
      code: "CONFLICT",
      message:
        "Green Valley Farm must keep at least one admin: make another member an admin first.",
    });
  });

  it("lets an admin step down once another admin exists", async () => {
    const { admin, add } = await organizationWithAdmin();
    await add("ADMIN");
    await setRole(admin, admin.userId, "STAFF");
    expect((await findMember(db, admin.userId))?.role).toBe("STAFF");
  });

  it("keeps one admin when two admins demote each other at the same moment", async () => {
    const { admin, add, organization } = await organizationWithAdmin();
    const other = await add("ADMIN");
    const results = await Promise.allSettled([
      setRole(admin, other.userId, "STAFF"),
      setRole(other, admin.userId, "STAFF"),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { organizationId: organization.id, role: "ADMIN" } })).toBe(
      1,
    );
  });

  it("refuses staff and read-only members, with the sentence the page shows", async () => {
    const { admin, add } = await organizationWithAdmin();
    for (const actor of [await add("STAFF"), await add("READ_ONLY")]) {
      expect(await refusal(() => setRole(actor, admin.userId, "STAFF"))).toEqual({
        code: "FORBIDDEN",
        message: "Only an admin of Green Valley Farm can manage its people: ask one of them.",
      });
    }
  });

  it("refuses an admin whose admin role was taken away since the page loaded", async () => {
    const { admin, add } = await organizationWithAdmin();
    const demoted = await add("ADMIN");
    const staff = await add("STAFF");
    await setRole(admin, demoted.userId, "STAFF");
    // `demoted` still carries role ADMIN from the start of their request.
    expect(await refusal(() => setRole(demoted, staff.userId, "ADMIN"))).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("refuses someone of another organisation, and an unknown role", async () => {
    const { admin } = await organizationWithAdmin();
    const stranger = (await organizationWithAdmin("Other Farm")).admin;
    expect(await refusal(() => setRole(admin, stranger.userId, "STAFF"))).toEqual({
      code: "NOT_FOUND",
      message: "This person is not a member of Green Valley Farm: reload the page.",
    });
    expect(await refusal(() => setRole(admin, admin.userId, "OWNER"))).toEqual({
      code: "INVALID_INPUT",
      message: "Choose a role: admin, staff or read-only.",
    });
  });
});

describe("removeMember", () => {
  it("ends the person's sessions and password, and takes them out of the organisation", async () => {
    const { admin, add } = await organizationWithAdmin();
    const staff = await add("STAFF");
    await signInSession(staff.userId);
    await signInSession(admin.userId);
    await removeMember({ db, member: admin, userId: staff.userId });
    expect(await db.session.count({ where: { userId: staff.userId } })).toBe(0);
    expect(await db.account.count({ where: { userId: staff.userId } })).toBe(0);
    expect(await findMember(db, staff.userId)).toBeNull();
    // The admin's own session is untouched.
    expect(await db.session.count({ where: { userId: admin.userId } })).toBe(1);
    expect((await getPeople({ db, member: admin })).members.map((m) => m.userId)).toEqual([
      admin.userId,
    ]);
  });

  it("refuses to remove the last admin", async () => {
    const { admin } = await organizationWithAdmin();
    expect(await refusal(() => removeMember({ db, member: admin, userId: admin.userId }))).toEqual({
      code: "CONFLICT",
      message:
        "Green Valley Farm must keep at least one admin: make another member an admin first.",
    });
  });

  it("refuses a staff member", async () => {
    const { admin, add } = await organizationWithAdmin();
    const staff = await add("STAFF");
    expect(await refusal(() => removeMember({ db, member: staff, userId: admin.userId }))).toEqual({
      code: "FORBIDDEN",
      message: "Only an admin of Green Valley Farm can manage its people: ask one of them.",
    });
  });
});

describe("addLocation", () => {
  const place = (change: Record<string, string> = {}) => ({
    name: "Cold store 2",
    gln: randomGln(),
    address: "9 Dock St, Watsonville, CA",
    latitude: "36.91",
    longitude: "-121.75",
    ...change,
  });

  it("adds a place with its GLN and coordinates", async () => {
    const { admin } = await organizationWithAdmin();
    const input = place();
    const { id } = await addLocation({ db, member: admin, input });
    expect(await db.location.findUniqueOrThrow({ where: { id } })).toMatchObject({
      organizationId: admin.organization.id,
      gln: input.gln,
      latitude: 36.91,
      longitude: -121.75,
    });
  });

  it.each([
    [
      { gln: "9520123456780" },
      "GLN 9520123456780 has a wrong check digit: the last digit should be 8, not 0. Check the number on the label.",
    ],
    [{ latitude: "-91" }, "The latitude must be a number from -90 to 90, such as 36.6777."],
    [{ longitude: "" }, "Enter both latitude and longitude, or neither."],
    [{ address: " " }, "Enter the location's address."],
  ])("refuses %j", async (change, message) => {
    const { admin } = await organizationWithAdmin();
    expect(await refusal(() => addLocation({ db, member: admin, input: place(change) }))).toEqual({
      code: "INVALID_INPUT",
      message,
    });
  });

  it("refuses a GLN another location has, and a non-admin", async () => {
    const { admin, add } = await organizationWithAdmin();
    const taken = place();
    await addLocation({ db, member: admin, input: taken });
    expect(
      await refusal(() => addLocation({ db, member: admin, input: place({ gln: taken.gln }) })),
    ).toEqual({
      code: "CONFLICT",
      message: `GLN ${taken.gln} is already registered as a location: each place has its own GLN, check the number.`,
    });
    const staff = await add("STAFF");
    expect(await refusal(() => addLocation({ db, member: staff, input: place() }))).toEqual({
      code: "FORBIDDEN",
      message: "Only an admin of Green Valley Farm can add locations: ask one of them.",
    });
  });
});
