import { describe, expect, it } from "vitest";
import { type CustodyEvent, custodyWindows } from "./custody-window";

const FARM = "0xfarm";
const CARRIER = "0xcarrier";
const at = (hour: number) => new Date(Date.UTC(2026, 11, 2, hour));

describe("custodyWindows", () => {
  it("ends the recipient's stretch when the sender cancels the shipment; the sender's goes on", () => {
    const events: CustodyEvent[] = [
      { name: "LotCreated", actor: FARM, args: { custodian: FARM }, at: at(6) },
      { name: "LotHandedOff", actor: FARM, args: { recipient: CARRIER }, at: at(8) },
      { name: "LotHandoffCancelled", actor: FARM, args: { recipient: CARRIER }, at: at(9) },
    ];
    expect(custodyWindows(events, CARRIER)).toEqual([{ from: at(8), to: at(9) }]);
    expect(custodyWindows(events, FARM)).toEqual([{ from: at(6), to: null }]);
  });
});
