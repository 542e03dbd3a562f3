import { encodeBytes32String } from "ethers";
import { encodeLotCode } from "@/lib/chain/lot-id";
import { hashPayload, type PayloadValue } from "@/lib/chain/payload";
import { coolingPayload, createdPayload, derivedPayload, shipmentPayloads } from "./payloads";
import type { Plan, PlannedLot, Step } from "./plan";
import type { BenchOrganization, Rng } from "./world";

// Turns the plan into LedgerEvent rows exactly as the indexer writes them (one transaction a block,
// args as decode.ts prints them) and the EventPayload rows behind their hashes, in chain order,
// handed over in batches so a million events never sit in memory at once.

export type EventBatch = {
  events: {
    blockNumber: number[];
    blockHash: string[];
    txHash: string[];
    logIndex: number[];
    name: string[];
    lotId: string[];
    actor: string[];
    payloadHash: (string | null)[];
    args: string[];
  };
  payloads: { hash: string[]; body: string[] };
};

/** Where each lot was registered, for its Lot row. */
export type Registration = {
  block: number;
  txHash: string;
  payloadHash: string;
  serialsRoot: string;
};

const KIND = { SPLIT: "0", MERGE: "1", TRANSFORM: "2" } as const;
const COOLING = encodeBytes32String("cooling");
const ZERO_ROOT = `0x${"0".repeat(64)}`;

function emptyBatch(): EventBatch {
  return {
    events: {
      blockNumber: [],
      blockHash: [],
      txHash: [],
      logIndex: [],
      name: [],
      lotId: [],
      actor: [],
      payloadHash: [],
      args: [],
    },
    payloads: { hash: [], body: [] },
  };
}

export async function emitEvents(
  plan: Plan,
  rng: Rng,
  flush: (batch: EventBatch) => Promise<void>,
  batchSize = 10_000,
): Promise<{ events: number; blocks: number; registrations: Map<PlannedLot, Registration> }> {
  const registrations = new Map<PlannedLot, Registration>();
  const holder = new Map<PlannedLot, BenchOrganization>();
  let batch = emptyBatch();
  let events = 0;
  let block = 0;
  let tx = { block: 0, hash: "", blockHash: "", logIndex: 0 };
  const eventId = () => rng.hex(16);
  const newTx = () => {
    block++;
    tx = { block, hash: `0x${rng.hex(32)}`, blockHash: `0x${rng.hex(32)}`, logIndex: 0 };
  };
  const payload = (body: PayloadValue): string => {
    const hash = hashPayload(body);
    batch.payloads.hash.push(hash);
    batch.payloads.body.push(JSON.stringify(body));
    return hash;
  };
  const log = (
    name: string,
    lot: PlannedLot,
    actor: string,
    payloadHash: string | null,
    args: object,
  ) => {
    const e = batch.events;
    e.blockNumber.push(tx.block);
    e.blockHash.push(tx.blockHash);
    e.txHash.push(tx.hash);
    e.logIndex.push(tx.logIndex++);
    e.name.push(name);
    e.lotId.push(lot.id);
    e.actor.push(actor);
    e.payloadHash.push(payloadHash);
    e.args.push(JSON.stringify({ lotId: lot.id, ...args }));
    events++;
  };
  const registered = (lot: PlannedLot, payloadHash: string) => {
    const serialsRoot = lot.packages > 0 ? `0x${rng.hex(32)}` : ZERO_ROOT;
    registrations.set(lot, { block: tx.block, txHash: tx.hash, payloadHash, serialsRoot });
    holder.set(lot, lot.producer);
    return {
      gtin: BigInt(lot.gtin).toString(),
      lotCode: encodeLotCode(lot.lotCode),
      payloadHash,
      serialsRoot,
    };
  };
  const cooling = (lot: PlannedLot, to: BenchOrganization | null) => {
    const at = holder.get(lot) as BenchOrganization;
    newTx();
    const hash = payload(coolingPayload(lot, at, to, { block, eventId: eventId() }));
    log("LotEventRecorded", lot, at.chainAddress, hash, {
      actor: at.chainAddress,
      eventType: COOLING,
      payloadHash: hash,
    });
  };
  const pad = (lot: PlannedLot) => {
    for (let i = 0; i < lot.padding; i++) {
      if (rng.next() < 0.25) {
        cooling(lot, null);
        continue;
      }
      newTx();
      const actor = lot.producer.chainAddress;
      log("LotReadingsAnchored", lot, actor, null, {
        actor,
        merkleRoot: `0x${rng.hex(32)}`,
        readingCount: String(rng.int(24, 96)),
      });
    }
  };

  const apply = (step: Step) => {
    if (step.kind === "create") {
      newTx();
      const hash = payload(
        createdPayload(step.lot, step.cte, step.to, { block, eventId: eventId() }),
      );
      const actor = step.lot.producer.chainAddress;
      log("LotCreated", step.lot, actor, hash, { custodian: actor, ...registered(step.lot, hash) });
      pad(step.lot);
    } else if (step.kind === "derive") {
      newTx();
      const hash = payload(
        derivedPayload(step.cte, step.actor, step.inputs, step.outputs, {
          block,
          eventId: eventId(),
        }),
      );
      const actor = step.actor.chainAddress;
      const kind = KIND[step.lineage];
      for (const input of step.inputs) log("LotConsumed", input, actor, null, { actor, kind });
      const parentIds = step.inputs.map((input) => input.id);
      for (const output of step.outputs) {
        const { gtin, lotCode, serialsRoot } = registered(output, hash);
        log("LotDerived", output, actor, hash, {
          actor,
          kind,
          gtin,
          lotCode,
          payloadHash: hash,
          serialsRoot,
          parentIds,
        });
      }
      for (const output of step.outputs) pad(output);
    } else if (step.kind === "cooling") {
      cooling(step.lot, step.to);
    } else if (step.kind === "ship") {
      const from = holder.get(step.lot) as BenchOrganization;
      newTx();
      const bodies = shipmentPayloads(step.lot, from, step.to, { block, eventId: eventId() });
      const shipped = payload(bodies.shipping);
      log("LotHandedOff", step.lot, from.chainAddress, shipped, {
        actor: from.chainAddress,
        recipient: step.to.chainAddress,
        payloadHash: shipped,
      });
      if (!step.isAccepted) return;
      newTx();
      const received = payload(bodies.receiving);
      log("LotHandoffAccepted", step.lot, step.to.chainAddress, received, {
        actor: step.to.chainAddress,
        from: from.chainAddress,
        payloadHash: received,
      });
      holder.set(step.lot, step.to);
    } else {
      newTx();
      const reason = payload({
        type: "recall",
        lotId: step.lot.id,
        reason: "Listeria monocytogenes found in a retained sample",
        eventId: eventId(),
      });
      log("LotRecalled", step.lot, step.actor.chainAddress, reason, {
        actor: step.actor.chainAddress,
        reasonHash: reason,
      });
    }
  };

  for (const step of plan.steps) {
    apply(step);
    if (batch.events.name.length >= batchSize) {
      await flush(batch);
      batch = emptyBatch();
    }
  }
  if (batch.events.name.length > 0) await flush(batch);
  return { events, blocks: block, registrations };
}
