import type { JsonRpcProvider } from "ethers";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { createLot } from "@/lib/lots/create-lot";
import { handOffLot } from "@/lib/lots/hand-off-lot";
import { receiveLot } from "@/lib/lots/receive-lot";
import { waitUntilSettled } from "../chaos/settle";
import { DEMO_ORGANIZATIONS } from "../stack/demo-data";

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

/**
 * A realistic trail through the app's own domain functions, signed by the running outbox sender and
 * indexed by the running indexer: farm registers → ships to the carrier → carrier accepts → ships to
 * the store → store accepts. Returns the lot's GTIN and code.
 */
export async function seedProvenanceTrail(options: {
  db: Db;
  provider: JsonRpcProvider;
  chainId: number;
}): Promise<{ gtin: string; lotCode: string; lotId: string }> {
  const { db, provider, chainId } = options;
  const settle = () => waitUntilSettled(db, provider, chainId, 120_000);
  const [farm, carrier, store] = await Promise.all(
    ["FARM", "CARRIER", "RETAILER"].map((kind) => memberOf(db, kind)),
  );
  const gtin = "09506000134352";
  const lotCode = `BENCH-${Date.now().toString(36).toUpperCase()}`;
  const input = { gtin, lotCode, quantity: "1250", unit: "kg" };
  const { lotId } = await createLot({ db, member: farm as Member, input });
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
  return { gtin, lotCode, lotId };
}
