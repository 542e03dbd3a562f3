import { randomBytes } from "node:crypto";
import { findMember } from "@/lib/auth/auth";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { gs1CheckDigit } from "@/lib/gs1/keys";
import type { MemberRole, OrganizationKind } from "@/lib/organizations";
import {
  createMemberAccount,
  createOrganization,
  type OrganizationLedger,
} from "@/lib/organizations";
import { giveTestPrefixes } from "./company-prefixes";

const PRODUCER_KINDS: readonly OrganizationKind[] = ["FARM", "PACKER", "PROCESSOR"];

export const TEST_MASTER_KEY = "5e".repeat(32);
export const TEST_PASSWORD = "correct horse battery";

/** A random GLN-13 under the prefix 952 (GS1's, for examples), with its check digit. */
export function randomGln(): string {
  const body = `952${BigInt(`0x${randomBytes(8).toString("hex")}`)
    .toString()
    .slice(0, 9)}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/**
 * An organisation made the way the operator makes one; without `ledger`, no role is granted. A
 * producer (farm, packer, processor) also gets the GS1 company prefixes of the tests' GTINs.
 */
export async function createTestOrganization({
  db,
  kind = "FARM",
  name = `Test ${kind.toLowerCase()} ${randomBytes(3).toString("hex")}`,
  ledger = null,
}: {
  db: Db;
  kind?: OrganizationKind;
  name?: string;
  ledger?: OrganizationLedger | null;
}) {
  const { organization } = await createOrganization({
    db,
    masterKey: TEST_MASTER_KEY,
    ledger,
    input: { name, kind, gln: randomGln(), location: { address: "1 Test Rd" } },
  });
  if (PRODUCER_KINDS.includes(kind)) {
    await giveTestPrefixes({ db, organization, lotTracker: ledger?.lotTracker });
  }
  return organization;
}

/** A person who can sign in with TEST_PASSWORD, as the Member the app sees after sign-in. */
export async function addTestMember({
  db,
  organizationId,
  role,
  email = `${role.toLowerCase()}-${randomBytes(4).toString("hex")}@people.test`,
  name = `${role.toLowerCase()} ${email.split("@")[0]}`,
}: {
  db: Db;
  organizationId: string;
  role: MemberRole;
  email?: string;
  name?: string;
}): Promise<Member> {
  const { userId } = await db.$transaction((tx) =>
    createMemberAccount(tx, { organizationId, name, email, role, password: TEST_PASSWORD }),
  );
  const member = await findMember(db, userId);
  if (!member) throw new Error(`${email} was created without an organisation`);
  return member;
}
