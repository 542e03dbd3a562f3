import { type HDNodeWallet, id, type JsonRpcSigner } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import {
  anchorCall,
  anchorSigned,
  batchFor,
  createNamedLot,
  deployColdChain,
  RULE,
  signBatch,
  warmBatchFor,
} from "./cold-chain-fixtures";
import { eventsOf, newAccount, provider, revertOf, send } from "./fixtures";

// The storage rule: set per GTIN by its brand, it adds up a lot's minutes outside the range from its
// devices' batches and holds the lot in the transaction whose batch passes the allowance.

let tracker: LotTracker;
let farm: JsonRpcSigner;
let device: HDNodeWallet;

beforeAll(async () => {
  ({ tracker, farm, farmDevice: device } = await deployColdChain());
});

afterAll(() => provider.destroy());

describe("anchorDeviceReadings under the rule", () => {
  it("leaves a lot whose batch stayed in the range active, with no minutes outside", async () => {
    const { lotId, lotCode } = await createNamedLot(tracker, farm);
    const receipt = await anchorSigned(tracker, device, batchFor(lotCode));
    expect(eventsOf(tracker, receipt).map((event) => event.name)).toEqual([
      "DeviceReadingsAnchored",
    ]);
    expect([...(await tracker.holdOf(lotId))]).toEqual([false, 0n]);
  });

  it("holds the lot in the same transaction once its minutes outside pass the allowance", async () => {
    const { lotId, lotCode } = await createNamedLot(tracker, farm);
    const batch = warmBatchFor(lotCode, RULE.allowedMinutes + 1);
    const events = eventsOf(tracker, await anchorSigned(tracker, device, batch));
    expect(events.map((event) => event.name)).toEqual(["DeviceReadingsAnchored", "LotHeld"]);
    expect(events[1]?.args).toEqual([
      lotId,
      device.address,
      batch.readingsRoot,
      3_100n,
      11_500n,
      31n,
    ]);
    expect([...(await tracker.holdOf(lotId))]).toEqual([true, 31n]);
  });

  it("adds minutes across batches: within the allowance, then past it", async () => {
    const { lotId, lotCode } = await createNamedLot(tracker, farm);
    const first = eventsOf(tracker, await anchorSigned(tracker, device, warmBatchFor(lotCode, 20)));
    expect(first.map((event) => event.name)).toEqual(["DeviceReadingsAnchored"]);
    expect([...(await tracker.holdOf(lotId))]).toEqual([false, 20n]);
    const cold = batchFor(lotCode, { minMilliCelsius: 500, minutesOutsideRange: 15 });
    const second = eventsOf(tracker, await anchorSigned(tracker, device, cold));
    expect(second[1]).toEqual({
      name: "LotHeld",
      args: [lotId, device.address, cold.readingsRoot, 500n, 4_800n, 35n],
    });
  });

  it("refuses extremes outside the range with no minutes outside it", async () => {
    const { lotId, lotCode } = await createNamedLot(tracker, farm);
    const batch = warmBatchFor(lotCode, 0);
    expect(
      await revertOf(anchorCall(tracker, batch, await signBatch(tracker, device, batch))),
    ).toEqual({
      name: "LotTrackerHiddenExcursion",
      args: [lotId, 3_100n, 11_500n],
    });
  });
});

describe("releaseHold", () => {
  it("lets only the custodian release a held lot, with a reason; its minutes restart at 0", async () => {
    const { lotId, lotCode } = await createNamedLot(tracker, farm);
    await anchorSigned(tracker, device, warmBatchFor(lotCode, 45));
    const other = await newAccount(tracker, ["PRODUCER"]);
    expect(await revertOf(tracker.connect(other).releaseHold(lotId, id("fine")))).toEqual({
      name: "LotTrackerNotCustodian",
      args: [lotId, other.address],
    });
    expect(await revertOf(tracker.connect(farm).releaseHold(lotId, `0x${"0".repeat(64)}`))).toEqual(
      {
        name: "LotTrackerEmptyReason",
        args: [],
      },
    );
    const receipt = await send(tracker.connect(farm).releaseHold(lotId, id("core temp 4 °C")));
    expect(eventsOf(tracker, receipt)).toEqual([
      { name: "LotReleased", args: [lotId, farm.address, id("core temp 4 °C")] },
    ]);
    expect([...(await tracker.holdOf(lotId))]).toEqual([false, 0n]);
    expect(await revertOf(tracker.connect(farm).releaseHold(lotId, id("again")))).toEqual({
      name: "LotTrackerLotNotOnHold",
      args: [lotId],
    });
    // Counted from zero again: a new excursion within the allowance does not hold it.
    await anchorSigned(tracker, device, warmBatchFor(lotCode, 10));
    expect([...(await tracker.holdOf(lotId))]).toEqual([false, 10n]);
  });
});
