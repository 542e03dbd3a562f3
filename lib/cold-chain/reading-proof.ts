import "server-only";
import { SimpleMerkleTree } from "@openzeppelin/merkle-tree";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { requireVisibleLot } from "@/lib/lots/visibility";
import { type AnchoredReading, readingLeaf } from "./reading-leaf";

// Evidence anyone can check without trusting LotLedger's database: one reading's Merkle proof up to
// the root its batch anchored on the chain (LotReadingsAnchored for an upload, DeviceReadingsAnchored
// for a logger's signed batch), as OpenZeppelin's MerkleProof.verify checks it on-chain.

export type ReadingProof = {
  lotId: string;
  reading: { id: string; takenAt: string; milliCelsius: number; sensorId: string | null };
  /** keccak256(keccak256(abi.encode(lotId, takenAt ms, milli-°C, sensor))): lib/cold-chain/reading-leaf.ts. */
  leaf: string;
  proof: string[];
  /** The root the batch's ledger event carries; null while the anchor is not indexed yet. */
  anchoredRoot: string | null;
  txHash: string | null;
  /** The proof leads from this reading to the anchored root. */
  isVerified: boolean;
};

export const NO_SUCH_READING =
  "No such reading is on LotLedger for your organisation: take the reading's id from its lot's readings.";

/** The proof of one reading of a lot the member may see. */
export async function getReadingProof({
  db,
  member,
  readingId,
}: {
  db: Db;
  member: Pick<Member, "organization">;
  readingId: string;
}): Promise<ReadingProof> {
  const reading = await db.temperatureReading.findUnique({ where: { id: readingId } });
  // A reading of a lot the member may not see is answered as one that does not exist.
  if (!reading) throw new AppError("NOT_FOUND", NO_SUCH_READING);
  const { lotId } = reading;
  await requireVisibleLot({ db, member, lotId, sentence: NO_SUCH_READING });
  const batch = await db.temperatureReading.findMany({
    where: { lotId, ledgerTransactionId: reading.ledgerTransactionId },
    select: { takenAt: true, celsius: true, sensorId: true },
  });
  const anchoredOf = (r: typeof reading | (typeof batch)[number]): AnchoredReading => ({
    takenAt: r.takenAt,
    milliCelsius: Math.round(Number(r.celsius) * 1000),
    sensorId: r.sensorId,
  });
  const tree = SimpleMerkleTree.of(batch.map((r) => readingLeaf(lotId, anchoredOf(r))));
  const mine = anchoredOf(reading);
  const leaf = readingLeaf(lotId, mine);
  const proof = tree.getProof(leaf);
  const anchor = await findAnchor(db, lotId, reading.ledgerTransactionId);
  return {
    lotId,
    reading: { id: reading.id, ...mine, takenAt: mine.takenAt.toISOString() },
    leaf,
    proof,
    anchoredRoot: anchor?.root ?? null,
    txHash: anchor?.txHash ?? null,
    isVerified: anchor !== null && SimpleMerkleTree.verify(anchor.root, leaf, proof),
  };
}

/** The root the batch's write put on the chain, as the indexer read it from that transaction. */
async function findAnchor(db: Db, lotId: string, writeId: string) {
  const write = await db.ledgerTransaction.findUnique({
    where: { id: writeId },
    select: { txHash: true },
  });
  if (!write?.txHash) return null;
  const event = await db.ledgerEvent.findFirst({
    where: {
      lotId,
      txHash: write.txHash,
      name: { in: ["LotReadingsAnchored", "DeviceReadingsAnchored"] },
    },
    select: { args: true, txHash: true },
  });
  if (!event) return null;
  const args = event.args as { merkleRoot?: string; batch?: { readingsRoot?: string } };
  const root = args.merkleRoot ?? args.batch?.readingsRoot;
  return root ? { root, txHash: event.txHash } : null;
}
