import type { LotView } from "./lot-model";

// What the indexer must be able to do: rebuild every lot's custody, status, producer, pending
// recipient, recaller and parents from the contract's events alone, with no storage reads.

const ZERO = "0x0000000000000000000000000000000000000000";
const ACTIVE = 1n;
const IN_TRANSIT = 2n;
const RECALLED = 3n;
const CONSUMED = 4n;

export type LoggedEvent = { name: string; args: Record<string, unknown> };

const SINGLE_LOT_EVENTS: Record<string, string> = {
  ShipmentHandedOff: "LotHandedOff",
  ShipmentAccepted: "LotHandoffAccepted",
  ShipmentRejected: "LotHandoffRejected",
};

export type Replayed = {
  lots: Map<string, LotView>;
  /** Each lot's holdOf: whether the storage rule holds it, and its minutes outside range. */
  holds: Map<string, [boolean, bigint]>;
  /** Lot ids in the order their creating event was logged. */
  creationOrder: string[];
};

export function replayLogs(events: readonly LoggedEvent[]): Replayed {
  const lots = new Map<string, LotView>();
  const holds = new Map<string, [boolean, bigint]>();
  const rules = new Set<bigint>();
  const creationOrder: string[] = [];
  const create = (lotId: string, actor: string, parents: string[]) => {
    lots.set(lotId, {
      custodian: actor,
      status: ACTIVE,
      producer: actor,
      recipient: ZERO,
      recaller: ZERO,
      parents,
    });
    creationOrder.push(lotId);
  };

  // A batch log stands for the single-lot event of each lot it lists; a whole answer lists none and
  // stands for every lot of its shipment.
  const shipmentLots = new Map<string, string[]>();
  const expanded = events.flatMap(({ name, args }) => {
    const single = SINGLE_LOT_EVENTS[name];
    if (!single) return [{ name, args }];
    const shipment = String(args.shipment);
    const listed = args.lotIds as string[];
    if (name === "ShipmentHandedOff") shipmentLots.set(shipment, listed);
    const lotIds = listed.length > 0 ? listed : (shipmentLots.get(shipment) ?? []);
    return lotIds.map((lotId) => ({ name: single, args: { ...args, lotId } }));
  });

  for (const { name, args } of expanded) {
    const lotId = args.lotId as string;
    const actor = (args.actor ?? args.custodian) as string;
    const lot = lots.get(lotId);
    switch (name) {
      case "LotCreated":
        create(lotId, actor, []);
        break;
      case "LotDerived":
        create(lotId, actor, [...(args.parentIds as string[])]);
        break;
      case "LotHandedOff":
        Object.assign(must(lot, name), { status: IN_TRANSIT, recipient: args.recipient });
        break;
      case "LotHandoffAccepted":
        Object.assign(must(lot, name), { status: ACTIVE, recipient: ZERO, custodian: actor });
        break;
      case "LotHandoffRejected":
      case "LotHandoffCancelled":
        Object.assign(must(lot, name), { status: ACTIVE, recipient: ZERO });
        break;
      case "LotConsumed":
        must(lot, name).status = CONSUMED;
        break;
      case "LotRecalled":
        Object.assign(must(lot, name), { status: RECALLED, recaller: actor });
        break;
      case "LotRecallLifted":
        Object.assign(must(lot, name), { status: args.restoredStatus, recaller: ZERO });
        break;
      case "StorageRuleSet":
        rules.add(args.gtin as bigint);
        break;
      case "DeviceReadingsAnchored": {
        // The batch tuple: gtin first, minutesOutsideRange last; minutes count only under a rule.
        const batch = args.batch as bigint[];
        const [isOnHold, minutes] = holds.get(lotId) ?? [false, 0n];
        const added = rules.has(batch[0] as bigint) ? (batch[9] as bigint) : 0n;
        holds.set(lotId, [isOnHold, minutes + added]);
        break;
      }
      case "LotHeld":
        holds.set(lotId, [true, args.excursionMinutes as bigint]);
        break;
      case "LotReleased":
        holds.set(lotId, [false, 0n]);
        break;
      default:
        // Tracking events and role changes change no lot's state.
        break;
    }
  }
  return { lots, holds, creationOrder };
}

function must(lot: LotView | undefined, name: string): LotView {
  if (!lot) throw new Error(`${name} for a lot no earlier event created.`);
  return lot;
}

/** A cycle in the parent links, as a list of lot ids, or null when lineage is acyclic. */
export function findCycle(lots: ReadonlyMap<string, LotView>): string[] | null {
  const state = new Map<string, "visiting" | "done">();
  const path: string[] = [];
  const visit = (lotId: string): string[] | null => {
    if (state.get(lotId) === "done") return null;
    if (state.get(lotId) === "visiting") return [...path.slice(path.indexOf(lotId)), lotId];
    state.set(lotId, "visiting");
    path.push(lotId);
    for (const parent of lots.get(lotId)?.parents ?? []) {
      const cycle = visit(parent);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(lotId, "done");
    return null;
  };
  for (const lotId of lots.keys()) {
    const cycle = visit(lotId);
    if (cycle) return cycle;
  }
  return null;
}
