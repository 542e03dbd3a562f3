import type { Tx } from "@/lib/db/client";
import type { DecodedLog } from "./decode";
import { isWholeAnswer, lotIdsOf, ssccDigits } from "./expand-batch";
import { shipmentPayloadFields } from "./shipment-payload";

// Shipment and LogisticUnit rows from the batch logs of a batch, in chain order. Every write is keyed
// by the chain's own numbers (shipment number, SSCC), so a replayed batch writes the same rows again.

/** Writes the shipments and logistic units the batch's events (not expanded) open, answer or unpack. */
export async function writeLogistics(
  tx: Tx,
  chainId: number,
  events: readonly DecodedLog[],
): Promise<void> {
  for (const event of events) {
    const args = event.args as Record<string, string>;
    switch (event.name) {
      case "ShipmentHandedOff":
        await writeShipment(tx, chainId, event);
        break;
      case "ShipmentAccepted":
      case "ShipmentRejected":
        if (!isWholeAnswer(event)) break;
        await tx.shipment.updateMany({
          where: { chainId, number: Number(args.shipment) },
          data: { answer: event.name === "ShipmentAccepted" ? "ACCEPTED" : "REJECTED" },
        });
        break;
      case "LogisticUnitPacked": {
        const data = {
          chainId,
          packer: args.actor as string,
          contentsRoot: args.contentsRoot as string,
          lotIds: lotIdsOf(event),
          payloadHash: args.payloadHash ?? null,
          packedTxHash: event.txHash,
          packedBlock: event.blockNumber,
          ...NOT_UNPACKED,
        };
        const sscc = ssccDigits(args.sscc as string);
        await tx.logisticUnit.upsert({ where: { sscc }, create: { sscc, ...data }, update: data });
        break;
      }
      case "LogisticUnitUnpacked":
        await tx.logisticUnit.updateMany({
          where: { sscc: ssccDigits(args.sscc as string) },
          data: {
            unpackedBy: args.actor as string,
            unpackedTxHash: event.txHash,
            unpackedBlock: event.blockNumber,
            unpackPayloadHash: args.payloadHash ?? null,
          },
        });
        break;
    }
  }
}

export const NOT_UNPACKED = {
  unpackedBy: null,
  unpackedTxHash: null,
  unpackedBlock: null,
  unpackPayloadHash: null,
};

async function writeShipment(tx: Tx, chainId: number, event: DecodedLog): Promise<void> {
  const args = event.args as Record<string, string>;
  const number = Number(args.shipment);
  const payloadHash = args.payloadHash ?? null;
  const payload = payloadHash
    ? await tx.eventPayload.findUnique({ where: { hash: payloadHash }, select: { body: true } })
    : null;
  const { reference, ssccs } = shipmentPayloadFields(payload?.body);
  // A reference is LotLedger's handle of one shipment: should a second shipment's payload carry it
  // (a payload reused by hand), the first keeps it rather than the whole batch being refused.
  const holder = reference
    ? await tx.shipment.findUnique({
        where: { reference },
        select: { chainId: true, number: true },
      })
    : null;
  const isTaken = holder !== null && (holder.chainId !== chainId || holder.number !== number);
  const data = {
    reference: isTaken ? null : reference,
    sender: args.actor as string,
    recipient: args.recipient as string,
    lotIds: lotIdsOf(event),
    ssccs,
    payloadHash,
    txHash: event.txHash,
    blockNumber: event.blockNumber,
    answer: null,
  };
  await tx.shipment.upsert({
    where: { chainId_number: { chainId, number } },
    create: { chainId, number, ...data },
    update: data,
  });
}
