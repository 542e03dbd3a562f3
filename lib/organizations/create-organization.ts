import "server-only";
import { type Signer, ZeroHash } from "ethers";
import type { LotTracker } from "@/lib/chain/generated";
import { grantLotTrackerRole } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { duplicateLocationGln, isUniqueViolation } from "./directory";
import {
  type CreateOrganizationInput,
  createOrganizationInput,
  type ParsedOrganization,
} from "./input";
import { assertInvitable, type CreatedInvitation, createInvitation } from "./invitations";
import { roleForOrganizationKind } from "./kinds";
import { createSigningKey, decryptSigningKey } from "./signing-key";

export type OrganizationLedger = {
  /** LotTracker connected to an admin of the contract (the operator's key), which grants roles. */
  lotTracker: LotTracker;
  /** Gas money for the new account; only on a development chain. */
  fund?: (address: string) => Promise<void>;
};

export type CreatedOrganization = {
  organization: { id: string; name: string; kind: string; gln: string; chainAddress: string };
  /** The grant's transaction, or null without a ledger (roles then left to the contract admin). */
  roleTxHash: string | null;
  invitation: CreatedInvitation | null;
};

/**
 * Registers an organisation: checks its input, gives it a signing key (stored only encrypted with
 * MASTER_KEY), grants its kind's LotTracker role, then writes the organisation, its first location
 * and, when asked, its first admin's invitation in one transaction. The role is granted before the
 * rows are written so that a refused or failed grant leaves nothing behind; should the write fail
 * afterwards, only a fresh address whose key was never stored holds a role.
 */
export async function createOrganization({
  db,
  masterKey,
  ledger,
  input,
}: {
  db: Db;
  masterKey: string;
  ledger: OrganizationLedger | null;
  input: CreateOrganizationInput;
}): Promise<CreatedOrganization> {
  const parsed = parseInput(createOrganizationInput, input);
  await assertGlnsFree(db, parsed);
  if (parsed.firstAdminEmail) {
    const email = parsed.firstAdminEmail;
    await assertInvitable(db, { organizationId: null, organizationName: parsed.name, email });
  }
  await assertMasterKeyInUse(db, masterKey);
  if (ledger) await assertContractAdmin(ledger.lotTracker);

  const { address, encryptedKey } = createSigningKey(masterKey);
  const roleTxHash = ledger
    ? await grantLotTrackerRole(ledger.lotTracker, roleForOrganizationKind(parsed.kind), address)
    : null;
  await ledger?.fund?.(address);

  try {
    return await db.$transaction(async (tx) => {
      const organization = await tx.organization.create({
        data: {
          name: parsed.name,
          kind: parsed.kind,
          gln: parsed.gln,
          chainAddress: address,
          encryptedKey,
          locations: { create: parsed.location },
        },
        select: { id: true, name: true, kind: true, gln: true, chainAddress: true },
      });
      const invitation = parsed.firstAdminEmail
        ? await createInvitation(tx, {
            organizationId: organization.id,
            organizationName: organization.name,
            email: parsed.firstAdminEmail,
            role: "ADMIN",
            invitedById: null,
          })
        : null;
      return { organization, roleTxHash, invitation };
    });
  } catch (error) {
    // Registered by someone else between the check and the insert: the same sentence as the check.
    if (isUniqueViolation(error)) await assertGlnsFree(db, parsed);
    throw error;
  }
}

async function assertGlnsFree(db: Db, { gln, location }: ParsedOrganization): Promise<void> {
  const owner = await db.organization.findUnique({ where: { gln }, select: { name: true } });
  if (owner) {
    throw new AppError(
      "CONFLICT",
      `GLN ${gln} is already registered to ${owner.name}: check the number, or use that organisation.`,
      { field: "gln" },
    );
  }
  if (await db.location.findUnique({ where: { gln: location.gln }, select: { id: true } })) {
    throw duplicateLocationGln(location.gln);
  }
}

async function assertContractAdmin(lotTracker: LotTracker): Promise<void> {
  const admin = await (lotTracker.runner as Signer | null)?.getAddress();
  if (!admin || !(await lotTracker.hasRole(ZeroHash, admin))) {
    throw new AppError(
      "FORBIDDEN",
      `Account ${admin ?? "(none)"} is not an admin of LotTracker ${await lotTracker.getAddress()}: set DEPLOYER_PRIVATE_KEY to the key of the account that administers it.`,
    );
  }
}

/** A key encrypted under another MASTER_KEY than the one the app runs with could never sign. */
async function assertMasterKeyInUse(db: Db, masterKey: string): Promise<void> {
  const earlier = await db.organization.findFirst({
    orderBy: { createdAt: "asc" },
    select: { encryptedKey: true },
  });
  // Throws, saying which MASTER_KEY to use, when the organisations' keys were made with another.
  if (earlier) decryptSigningKey(earlier.encryptedKey, masterKey);
}
