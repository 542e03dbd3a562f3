import type { JsonRpcProvider } from "ethers";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { receiveLot } from "@/lib/events/receiving";
import { handOffLot } from "@/lib/events/shipping";
import { waitUntilSettled } from "@/tools/chaos/settle";
import { DEMO_ORGANIZATIONS } from "@/tools/stack/demo-data";
import { queueSerialisedLot } from "@/tools/testing/serialised-lot";

async function memberOf(db: Db, kind: string): Promise<Member> {
  const email = DEMO_ORGANIZATIONS.find((o) => o.kind === kind)?.user.email as string;
  const user = await db.user.findUniqueOrThrow({
    where: { email },
    include: { organization: true },
  });
  const organization = user.organization;
  if (!organization) throw new Error(`${email} has no organisation.`);
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organization: { ...organization, kind: organization.kind },
  };
}

/** Packages in the seeded lot: a pallet of retail packs. */
export const SEEDED_PACKAGES = 1_000;

/**
 * A realistic trail, signed by the running outbox sender and indexed by the running indexer: the
 * farm registers a lot of 1,000 packages (serials and their Merkle root, as commissioning does) →
 * ships to the carrier → carrier accepts → ships to the store → store accepts, through the app's own
 * domain functions. Returns the lot's GTIN, code and one package's serial.
 */
export async function seedProvenanceTrail(options: {
  db: Db;
  provider: JsonRpcProvider;
  chainId: number;
}): Promise<{ gtin: string; lotCode: string; lotId: string; serial: string }> {
  const { db, provider, chainId } = options;
  const settle = () => waitUntilSettled(db, provider, chainId, 120_000);
  const [farm, carrier, store] = await Promise.all(
    ["FARM", "CARRIER", "RETAILER"].map((kind) => memberOf(db, kind)),
  );
  const gtin = "09506000134352";
  const lotCode = `BENCH-${Date.now().toString(36).toUpperCase()}`;
  const { lotId, serials } = await queueSerialisedLot(db, {
    gtin,
    lotCode,
    count: SEEDED_PACKAGES,
    email: farm?.email as string,
  });
  await settle();
  for (const [from, to] of [
    [farm, carrier],
    [carrier, store],
  ] as [Member, Member][]) {
    await handOffLot({ db, member: from, lotId, input: { recipientGln: to.organization.gln } });
    await settle();
    await receiveLot({ db, member: to, lotId, input: { decision: "accept" } });
    await settle();
  }
  const events = await db.ledgerEvent.count({ where: { lotId } });
  if (events !== 5) throw new Error(`Seeding left ${events} ledger events for the lot, not 5.`);
  return { gtin, lotCode, lotId, serial: serials[SEEDED_PACKAGES / 2] as string };
}
