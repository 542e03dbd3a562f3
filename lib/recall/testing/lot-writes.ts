import { ZeroHash } from "ethers";
import type { Member } from "@/lib/auth/session";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { enqueueLedgerWrite } from "@/lib/chain/outbox/enqueue";
import { hashPayload } from "@/lib/chain/payload";
import type { Db } from "@/lib/db/client";
import { generateSerials, serialsRootOf } from "@/lib/packages/serials";

// Test set-up for recalls: lots, lineage and packages queued in the ledger outbox exactly as the app
// queues them (the running sender signs them, the indexer reads them back), for the writes LotLedger
// has no domain function for yet (commissioning packages, split, merge, transform).

export const TEST_GTIN = "09506000134352";

type Written = { writeId: string; lots: { lotId: string; serials: string[] }[] };

async function enqueue(
  db: Db,
  member: Member,
  method: string,
  args: unknown[],
  body: object,
  lotId: string,
) {
  const payloadHash = hashPayload(body as never);
  return db.$transaction((tx) =>
    enqueueLedgerWrite(tx, {
      organizationId: member.organization.id,
      signerAddress: member.organization.chainAddress,
      requestedById: member.userId,
      method,
      // Lineage writes take arrays and NewLot tuples; the outbox keeps them as JSON for ethers.
      args: args as string[],
      payloadHash,
      payloadBody: body,
      lotId,
    }),
  );
}

/** A new lot's id, its packages' random serials and the Merkle root that goes on-chain with it. */
function newLot(lotCode: string, packages: number, gtin = TEST_GTIN) {
  const lotId = lotIdOf(gtin, lotCode);
  const serials = packages > 0 ? generateSerials(packages) : [];
  return {
    lotId,
    serials,
    serialsRoot: serials.length > 0 ? serialsRootOf(lotId, serials) : ZeroHash,
  };
}

async function commission(db: Db, writeId: string, lots: { lotId: string; serials: string[] }[]) {
  await db.package.createMany({
    data: lots.flatMap(({ lotId, serials }) =>
      serials.map((serial) => ({ lotId, serial, ledgerTransactionId: writeId })),
    ),
  });
}

export async function queueCreateLot(
  db: Db,
  member: Member,
  {
    lotCode,
    packages = 0,
    gtin = TEST_GTIN,
  }: { lotCode: string; packages?: number; gtin?: string },
): Promise<Written> {
  const lot = newLot(lotCode, packages, gtin);
  const body = { type: "lot.created", gtin, lotCode, quantity: "100", unit: "kg" };
  const args = [
    BigInt(gtin).toString(),
    encodeLotCode(lotCode),
    hashPayload(body),
    lot.serialsRoot,
  ];
  const { id } = await enqueue(db, member, "createLot", args, body, lot.lotId);
  await commission(db, id, [lot]);
  return { writeId: id, lots: [lot] };
}

/** A split (one input, several outputs), merge (several, one) or transformation (several, several). */
export async function queueDerive(
  db: Db,
  member: Member,
  {
    method,
    inputIds,
    outputCodes,
    packagesEach = 0,
  }: {
    method: "split" | "merge" | "transform";
    inputIds: string[];
    outputCodes: string[];
    packagesEach?: number;
  },
): Promise<Written> {
  const lots = outputCodes.map((code) => ({ code, ...newLot(code, packagesEach) }));
  const tuples = lots.map((lot) => ({
    gtin: BigInt(TEST_GTIN).toString(),
    lotCode: encodeLotCode(lot.code),
    serialsRoot: lot.serialsRoot,
  }));
  const body = { type: method, inputIds, outputCodes, quantity: "50", unit: "kg" };
  const args = [
    method === "split" ? inputIds[0] : inputIds,
    method === "merge" ? tuples[0] : tuples,
    hashPayload(body),
  ];
  const { id } = await enqueue(db, member, method, args, body, inputIds[0] as string);
  await commission(db, id, lots);
  return { writeId: id, lots };
}

export async function queueHandoff(
  db: Db,
  from: Member,
  { lotId, to }: { lotId: string; to: Member },
) {
  const body = { type: "shipping", lotId, to: to.organization.gln, requestId: crypto.randomUUID() };
  return enqueue(
    db,
    from,
    "handoff",
    [lotId, to.organization.chainAddress, hashPayload(body)],
    body,
    lotId,
  );
}

export async function queueAcceptHandoff(db: Db, by: Member, { lotId }: { lotId: string }) {
  const body = {
    type: "receiving",
    lotId,
    by: by.organization.gln,
    requestId: crypto.randomUUID(),
  };
  return enqueue(db, by, "acceptHandoff", [lotId, hashPayload(body)], body, lotId);
}
