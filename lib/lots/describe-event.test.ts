import { describe, expect, it } from "vitest";
import { describeLedgerEvent } from "./describe-event";

const names: Record<string, string> = { "0xF": "Green Valley Farm", "0xP": "Coastal Packers" };
const nameOf = (address: string) => names[address] ?? "someone";

describe("describeLedgerEvent", () => {
  it.each([
    ["LotCreated", { custodian: "0xF" }, "harvesting", "Harvested by Green Valley Farm"],
    ["LotCreated", { custodian: "0xF" }, "receiving", "Registered by Green Valley Farm"],
    ["LotCreated", { custodian: "0xF" }, null, "Registered by Green Valley Farm"],
    ["LotDerived", { actor: "0xP", kind: "2" }, "initial_packing", "Packed at Coastal Packers"],
    ["LotDerived", { actor: "0xP", kind: "2" }, null, "Made by transformation at Coastal Packers"],
    ["LotDerived", { actor: "0xP", kind: "0" }, "split", "Made by split at Coastal Packers"],
    [
      "LotConsumed",
      { actor: "0xP", kind: "2" },
      "initial_packing",
      "Used up in initial packing by Coastal Packers",
    ],
    ["LotConsumed", { actor: "0xP", kind: "1" }, "merge", "Used up in a merge by Coastal Packers"],
    [
      "LotConsumed",
      { actor: "0xF", kind: "0" },
      "shipping",
      "Part shipped by Green Valley Farm; the rest is a lot of its own",
    ],
    [
      "LotDerived",
      { actor: "0xF", kind: "0" },
      "shipping",
      "Made when Green Valley Farm shipped part of a lot",
    ],
    [
      "LotHandoffCancelled",
      { actor: "0xF", recipient: "0xP" },
      "shipment_cancelled",
      "Shipment to Coastal Packers cancelled by Green Valley Farm, who still holds it",
    ],
    ["LotEventRecorded", { actor: "0xP" }, "cooling", "Cooled by Coastal Packers"],
    ["LotEventRecorded", { actor: "0xP" }, null, "Event recorded by Coastal Packers"],
    [
      "LogisticUnitPacked",
      { actor: "0xF" },
      "aggregation",
      "Packed on a pallet by Green Valley Farm",
    ],
    ["LogisticUnitUnpacked", { actor: "0xP" }, null, "Taken off its pallet by Coastal Packers"],
  ] as const)("%s %o as %s: %s", (name, args, cte, expected) => {
    expect(describeLedgerEvent(name, args, nameOf, cte)).toBe(expected);
  });
});
