import { type GasByOperation, OPERATIONS } from "./journey";
import type { ShipmentGas } from "./shipments";

export type BenchResult = {
  lottracker: GasByOperation;
  storage_baseline: GasByOperation;
  shipments: ShipmentGas;
};

type Target = { name: string; value: string; isMet: boolean };

function total(gas: GasByOperation, except: readonly string[] = []): number {
  return OPERATIONS.filter((op) => !except.includes(op)).reduce((sum, op) => sum + gas[op], 0);
}

const number = (value: number) => value.toLocaleString("en-US");
const ratio = (baseline: number, ours: number) => `${(baseline / ours).toFixed(1)}×`;

/** The targets, each with the measured value. */
export function checkTargets({
  lottracker: ours,
  storage_baseline: baseline,
  shipments,
}: BenchResult): Target[] {
  const custody = ours.handoff + ours.accept;
  const perReading = ours.anchor1000 / 1_000;
  const journeyRatio = total(baseline) / total(ours);
  return [
    { name: "handoff + accept ≤ 75,000", value: number(custody), isMet: custody <= 75_000 },
    { name: "createLot ≤ 60,000", value: number(ours.createLot), isMet: ours.createLot <= 60_000 },
    { name: "recall ≤ 35,000", value: number(ours.recall), isMet: ours.recall <= 35_000 },
    {
      name: "anchoring ≤ 60 gas per reading",
      value: perReading.toFixed(1),
      isMet: perReading <= 60,
    },
    {
      name: "journey ≥ 3× cheaper than the baseline",
      value: ratio(total(baseline), total(ours)),
      isMet: journeyRatio >= 3,
    },
    {
      name: "shipment of 20 lots (handoffBatch + acceptShipment) ≤ 15,000 gas per lot",
      value: number(shipments.shipment20),
      isMet: shipments.shipment20 <= 15_000,
    },
  ];
}

/** A Markdown table (so it pastes into the README as is) and the targets below it. */
export function formatReport(result: BenchResult): string {
  const { lottracker: ours, storage_baseline: baseline } = result;
  const rows = OPERATIONS.map((op) => [op, ours[op], baseline[op]] as const);
  const lines = [
    "| operation | LotTracker | storage baseline | baseline ÷ LotTracker |",
    "|---|---:|---:|---:|",
    ...rows.map(([op, a, b]) => `| ${op} | ${number(a)} | ${number(b)} | ${ratio(b, a)} |`),
    `| **journey** | **${number(total(ours))}** | **${number(total(baseline))}** | **${ratio(total(baseline), total(ours))}** |`,
    `| journey without anchor1000 | ${number(total(ours, ["anchor1000"]))} | ${number(total(baseline, ["anchor1000"]))} | ${ratio(total(baseline, ["anchor1000"]), total(ours, ["anchor1000"]))} |`,
    "",
    "| batched custody (LotTracker) | gas |",
    "|---|---:|",
    `| one lot: handoff + accept | ${number(result.shipments.one_lot)} |`,
    `| shipment20: handoffBatch + acceptShipment, per lot | ${number(result.shipments.shipment20)} |`,
    `| shipment20_by_pallet: handoffBatch + 4 × acceptBatch, per lot | ${number(result.shipments.shipment20_by_pallet)} |`,
    `| pack3: packUnit of 3 lots | ${number(result.shipments.pack3)} |`,
    `| next handoff of a lot received whole (settles its link) | ${number(result.shipments.handoff_after_shipment)} |`,
    "",
    ...checkTargets(result).map(
      (target) => `${target.isMet ? "✓" : "✗"} ${target.name}: ${target.value}`,
    ),
  ];
  return lines.join("\n");
}
