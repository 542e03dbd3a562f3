import type { Tx } from "@/lib/db/client";
import type { DecodedLog, EventTuple } from "./decode";

// LotHold rows from LotHeld and LotReleased (write-cold-chain.ts reads the batch in chain order).

type Args = Record<string, string>;

/**
 * A hold, dated by the last reading of the batch that caused it: LotHeld is emitted in the
 * transaction that anchors that batch, whose DeviceReadingsAnchored is in the same batch of logs.
 */
export async function writeHold(
  tx: Tx,
  chainId: number,
  event: DecodedLog,
  events: readonly DecodedLog[],
): Promise<void> {
  const args = event.args as Args;
  const anchored = events.find(
    (other) =>
      other.name === "DeviceReadingsAnchored" &&
      other.txHash === event.txHash &&
      other.args.lotId === args.lotId,
  );
  const lastReadingAt = (anchored?.args.batch as EventTuple | undefined)?.lastReadingAt;
  const data = {
    lotId: String(args.lotId),
    deviceAddress: String(args.device).toLowerCase(),
    readingsRoot: String(args.readingsRoot),
    minMilliCelsius: Number(args.minMilliCelsius),
    maxMilliCelsius: Number(args.maxMilliCelsius),
    excursionMinutes: Number(args.excursionMinutes),
    heldBlock: event.blockNumber,
    heldAt: lastReadingAt ? new Date(Number(lastReadingAt) * 1000) : new Date(),
  };
  const key = { chainId, heldTxHash: event.txHash, heldLogIndex: event.logIndex };
  await tx.lotHold.upsert({
    where: { chainId_heldTxHash_heldLogIndex: key },
    create: { ...key, ...data },
    update: data,
  });
}

/**
 * Releases the lot's hold that came before this LotReleased (a replay finds the hold it released).
 * The time is the one the release's payload ({ reason, by, at }) gives, when LotLedger stored it.
 */
export async function writeRelease(tx: Tx, chainId: number, event: DecodedLog): Promise<void> {
  const args = event.args as Args;
  const hold = await tx.lotHold.findFirst({
    where: {
      chainId,
      lotId: String(args.lotId),
      OR: [{ releasedTxHash: null }, { releasedTxHash: event.txHash }],
      AND: {
        OR: [
          { heldBlock: { lt: event.blockNumber } },
          { heldBlock: event.blockNumber, heldLogIndex: { lt: event.logIndex } },
        ],
      },
    },
    orderBy: [{ heldBlock: "desc" }, { heldLogIndex: "desc" }],
    select: { id: true },
  });
  if (!hold) return;
  const payload = await tx.eventPayload.findUnique({
    where: { hash: String(args.reasonHash) },
    select: { body: true },
  });
  const at = (payload?.body as { at?: unknown } | undefined)?.at;
  await tx.lotHold.update({
    where: { id: hold.id },
    data: {
      releasedBy: String(args.actor),
      releaseReasonHash: String(args.reasonHash),
      releasedTxHash: event.txHash,
      releasedAt:
        typeof at === "string" && !Number.isNaN(Date.parse(at)) ? new Date(at) : new Date(),
    },
  });
}
