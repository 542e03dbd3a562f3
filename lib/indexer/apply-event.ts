import { decodeLotCode } from "@/lib/chain/lot-id";
import type { Db } from "@/lib/db/client";
import type { DecodedLog } from "./decode";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Applies one decoded LotTracker event to the read model. Must be idempotent: a batch may be applied
 * again after a crash between the write and the checkpoint.
 */
export async function applyLedgerEvent(tx: Tx, chainId: number, event: DecodedLog): Promise<void> {
  switch (event.name) {
    case "LotCreated": {
      const { lotId, custodian, gtin, lotCode, payloadHash } = event.args as Record<string, string>;
      const payload = await tx.eventPayload.findUnique({ where: { hash: payloadHash as string } });
      const body = (payload?.body ?? {}) as { quantity?: string; unit?: string };
      const lot = {
        chainId,
        gtin: String(gtin).padStart(14, "0"),
        lotCode: decodeLotCode(lotCode as string),
        quantity: body.quantity ?? null,
        unit: body.unit ?? null,
        custodian: custodian as string,
        createdTxHash: event.txHash,
        createdBlock: event.blockNumber,
      };
      await tx.lot.upsert({
        where: { id: lotId as string },
        create: { id: lotId as string, ...lot },
        update: lot,
      });
      return;
    }
    default:
      // Role and admin events are recorded as ledger events but change no lot.
      return;
  }
}
