import { lotIdOf } from "@/lib/chain/lot-id";
import { type BenchOrganization, PRODUCTS, type Rng, type World } from "./world";

// bench:trace's supply chain, planned before any row is written: lots, their lineage five
// derivations deep, and every step in chain order. Per cluster (one season of one farm group):
//   harvests (farm) → initial packing (packer, 1–2 harvests each) → split into cases
//   → merge of cases onto pallets (some cases go straight to stores) → transformation into salads
//   at a processor (1–2 pallets + a portion of a dressing lot) → split into retail cases → stores.
// A dressing lot is split into 10 portions that go to one processor's next 10 transformations, so
// lineage crosses clusters, and one harvest reaches a salad by two paths when two of its cases
// share a pallet. The plan is made by the contract's rules: a lot is used up by at most one
// split, merge or transformation, by its custodian, after everything else that happened to it.

export type Cte = "harvesting" | "initial_packing" | "split" | "merge" | "transformation";

export type PlannedLot = {
  id: string;
  gtin: string;
  lotCode: string;
  quantity: number;
  unit: "kg" | "case";
  description: string;
  commodity: string | null;
  variety: string | null;
  producer: BenchOrganization;
  custodian: BenchOrganization;
  recipient: BenchOrganization | null;
  status: "ACTIVE" | "IN_TRANSIT" | "RECALLED" | "CONSUMED";
  packages: number;
  /** Tracking events (sensor anchors, cooling) recorded right after the lot is registered. */
  padding: number;
};

export type Step =
  | { kind: "create"; lot: PlannedLot; cte: Cte; to: BenchOrganization | null }
  | {
      kind: "derive";
      lineage: "SPLIT" | "MERGE" | "TRANSFORM";
      cte: Cte;
      actor: BenchOrganization;
      inputs: PlannedLot[];
      outputs: PlannedLot[];
    }
  | { kind: "cooling"; lot: PlannedLot; to: BenchOrganization | null }
  | { kind: "ship"; lot: PlannedLot; to: BenchOrganization; isAccepted: boolean }
  | { kind: "recall"; lot: PlannedLot; actor: BenchOrganization };

export type Plan = { lots: PlannedLot[]; steps: Step[] };

/** Events a step writes: one per log. */
export function eventsOf(step: Step): number {
  if (step.kind === "derive") return step.inputs.length + step.outputs.length;
  if (step.kind === "ship") return step.isAccepted ? 2 : 1;
  return 1;
}

export function planSupplyChain(world: World, rng: Rng, lotCount: number): Plan {
  const lots: PlannedLot[] = [];
  const steps: Step[] = [];
  const portions = new Map<BenchOrganization, PlannedLot[]>();
  let serial = 0;

  const newLot = (
    product: { gtin: string; description?: string; commodity?: string; variety?: string },
    quantity: number,
    producer: BenchOrganization,
    unit: "kg" | "case" = "kg",
  ): PlannedLot => {
    const lotCode = `L${(serial++).toString(36).toUpperCase().padStart(6, "0")}`;
    const lot: PlannedLot = {
      id: lotIdOf(product.gtin, lotCode),
      gtin: product.gtin,
      lotCode,
      quantity,
      unit,
      description:
        product.description ?? `${product.commodity}, ${product.variety}, field run (harvest)`,
      commodity: product.commodity ?? null,
      variety: product.variety ?? null,
      producer,
      custodian: producer,
      recipient: null,
      status: "ACTIVE",
      packages: 0,
      padding: 0,
    };
    lots.push(lot);
    return lot;
  };
  const derive = (
    lineage: "SPLIT" | "MERGE" | "TRANSFORM",
    cte: Cte,
    inputs: PlannedLot[],
    outputs: PlannedLot[],
  ) => {
    for (const input of inputs) input.status = "CONSUMED";
    steps.push({
      kind: "derive",
      lineage,
      cte,
      actor: outputs[0]?.producer as BenchOrganization,
      inputs,
      outputs,
    });
  };
  /** Shipped through a carrier: two handoffs, the last one possibly still on its way. */
  const deliver = (lot: PlannedLot, to: BenchOrganization, isAccepted = true) => {
    const carrier = rng.pick(world.carriers);
    steps.push({ kind: "ship", lot, to: carrier, isAccepted: true });
    steps.push({ kind: "ship", lot, to, isAccepted });
    lot.custodian = isAccepted ? to : carrier;
    lot.recipient = isAccepted ? null : to;
    lot.status = isAccepted ? "ACTIVE" : "IN_TRANSIT";
  };
  const split = (
    cte: Cte,
    input: PlannedLot,
    count: number,
    product: { gtin: string; description: string },
    unit: "kg" | "case" = "kg",
  ) => {
    const share = Math.max(1, Math.floor(input.quantity / count));
    const outputs = Array.from({ length: count }, () =>
      newLot(product, share, input.custodian, unit),
    );
    derive("SPLIT", cte, [input], outputs);
    return outputs;
  };
  const portionFor = (processor: BenchOrganization): PlannedLot => {
    const pool = portions.get(processor) ?? [];
    if (pool.length === 0) {
      const supplier = rng.pick(world.suppliers);
      const dressing = newLot(PRODUCTS.dressing, 200, supplier);
      steps.push({ kind: "create", lot: dressing, cte: "initial_packing", to: null });
      for (const portion of split("split", dressing, 10, PRODUCTS.dressing)) {
        deliver(portion, processor);
        pool.push(portion);
      }
      portions.set(processor, pool);
    }
    return pool.shift() as PlannedLot;
  };

  const cluster = (c: number) => {
    const farm = world.farms[c % world.farms.length] as BenchOrganization;
    const packer = world.packers[c % world.packers.length] as BenchOrganization;
    const processor = world.processors[c % world.processors.length] as BenchOrganization;
    const harvests = Array.from({ length: 8 }, () => {
      const lot = newLot(rng.pick(PRODUCTS.harvest), rng.int(800, 1500), farm);
      steps.push({ kind: "create", lot, cte: "harvesting", to: packer });
      steps.push({ kind: "cooling", lot, to: packer });
      steps.push({ kind: "ship", lot, to: packer, isAccepted: true });
      lot.custodian = packer;
      return lot;
    });
    const cases: PlannedLot[] = [];
    for (const inputs of groups(rng, harvests, 1, 2)) {
      const weight = inputs.reduce((sum, lot) => sum + lot.quantity, 0);
      const packed = newLot(PRODUCTS.packed, Math.floor(weight * 0.9), packer);
      derive("TRANSFORM", "initial_packing", inputs, [packed]);
      cases.push(...split("split", packed, rng.int(2, 3), PRODUCTS.case));
    }
    const pallets: PlannedLot[] = [];
    for (const group of groups(rng, cases, 2, 4)) {
      if (rng.next() < 0.25) {
        for (const lot of group) {
          lot.packages = 12;
          deliver(lot, rng.pick(world.retailers));
        }
        continue;
      }
      const weight = group.reduce((sum, lot) => sum + lot.quantity, 0);
      const pallet = newLot(PRODUCTS.pallet, weight, packer);
      derive("MERGE", "merge", group, [pallet]);
      deliver(pallet, processor);
      pallets.push(pallet);
    }
    for (const group of groups(rng, pallets, 1, 2)) {
      const inputs = [...group, portionFor(processor)];
      const weight = group.reduce((sum, lot) => sum + lot.quantity, 0);
      const count = rng.int(2, 3);
      const salads = Array.from({ length: count }, () =>
        newLot(rng.pick(PRODUCTS.salad), Math.floor(weight / count), processor),
      );
      derive("TRANSFORM", "transformation", inputs, salads);
      for (const salad of salads) {
        steps.push({ kind: "cooling", lot: salad, to: null });
        for (const retail of split("split", salad, rng.int(2, 3), PRODUCTS.retail, "case")) {
          retail.quantity = rng.int(20, 60);
          retail.packages = 8;
          deliver(retail, rng.pick(world.retailers), rng.next() >= 0.05);
        }
      }
    }
  };

  // Clusters while a whole one still fits (at most ~90 lots with a dressing lot), then unrelated
  // harvests, so the bench has exactly `lotCount` lots.
  for (let c = 0; lots.length + 100 < lotCount; c++) cluster(c);
  while (lots.length < lotCount) {
    const farm = rng.pick(world.farms);
    const lot = newLot(rng.pick(PRODUCTS.harvest), rng.int(800, 1500), farm);
    steps.push({ kind: "create", lot, cte: "harvesting", to: null });
    steps.push({ kind: "cooling", lot, to: null });
  }
  // A few recalls, of lots at every level: a recall leaves the lots made from it unchanged.
  for (let i = 0; i < lotCount / 1000; i++) {
    const lot = rng.pick(lots);
    if (lot.status === "RECALLED") continue;
    lot.status = "RECALLED";
    steps.push({ kind: "recall", lot, actor: rng.pick(world.retailers) });
  }
  return { lots, steps };
}

/** The items in consecutive groups of min to max (the last group may be smaller). */
function groups<T>(rng: Rng, items: readonly T[], min: number, max: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; ) {
    const size = rng.int(min, max);
    out.push(items.slice(i, i + size));
    i += size;
  }
  return out;
}

/** Spreads tracking events over random lots until the plan has exactly `total` events. */
export function padToEvents(plan: Plan, rng: Rng, total: number): void {
  const base = plan.steps.reduce((sum, step) => sum + eventsOf(step), 0);
  if (base > total) throw new Error(`The plan has ${base} events, more than ${total}.`);
  for (let i = base; i < total; i++) (rng.pick(plan.lots) as PlannedLot).padding++;
}
