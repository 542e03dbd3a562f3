import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { OrganizationKind } from "@/lib/organizations/kinds";
import { countRows } from "@/tools/testing/database-text";
import { createTestOrganization } from "@/tools/testing/organizations";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { expectedRefusal, matrixActions } from "./testing/matrix-actions";

// Every role of every organisation kind tries every action LotLedger records. Allowed: exactly one
// write is queued. Refused: the exact sentence, and not one row written. (LotTracker enforces the
// same rules on-chain; contracts/test covers that side.)

const KINDS: OrganizationKind[] = [
  "FARM",
  "PACKER",
  "PROCESSOR",
  "CARRIER",
  "RETAILER",
  "REGULATOR",
];
const ROLES = ["ADMIN", "STAFF", "READ_ONLY"] as const;
const WRITTEN = ["LedgerTransaction", "EventPayload", "Package"];

let database: TestDatabase;
const members = new Map<string, Member>();
const actions = matrixActions(() => database.db, members);

beforeAll(async () => {
  database = await createTestDatabase();
  for (const kind of KINDS) {
    const organization = await createTestOrganization({ db: database.db, kind });
    for (const role of ROLES) {
      members.set(`${kind}/${role}`, {
        userId: `${kind}-${role}`,
        name: role,
        email: `${kind}-${role}@matrix.test`,
        role,
        organization: {
          id: organization.id,
          name: organization.name,
          kind,
          gln: organization.gln,
          chainAddress: organization.chainAddress,
        },
      });
    }
  }
});

afterAll(async () => {
  await database.drop();
});

describe("permission matrix: 6 kinds × 3 roles × 10 actions", () => {
  for (const [action, rule] of Object.entries(actions)) {
    for (const kind of KINDS) {
      for (const role of ROLES) {
        const isAllowed = role !== "READ_ONLY" && rule.kinds.includes(kind);
        it(`${kind} ${role} ${isAllowed ? "may" : "may not"} ${action}`, async () => {
          const member = members.get(`${kind}/${role}`) as Member;
          const before = await countRows(database.db, WRITTEN);
          if (isAllowed) {
            await rule.attempt(member);
            expect((await countRows(database.db, WRITTEN)).LedgerTransaction).toBe(
              (before.LedgerTransaction ?? 0) + 1,
            );
            return;
          }
          const error = await rule.attempt(member).catch((thrown: unknown) => thrown);
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).message).toBe(expectedRefusal(actions, action, member));
          expect(await countRows(database.db, WRITTEN)).toEqual(before);
        });
      }
    }
  }
});
