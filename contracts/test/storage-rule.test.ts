import type { JsonRpcSigner } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import { RULE } from "./cold-chain-fixtures";
import { deployTracker, eventsOf, GTIN, newAccount, provider, revertOf, send } from "./fixtures";

// setStorageRule: each GTIN's storage range and excursion allowance, on-chain for every party to
// read, set only by the brand holding the GTIN's company prefix.

let tracker: LotTracker;
let farm: JsonRpcSigner;

beforeAll(async () => {
  ({ tracker } = await deployTracker());
  farm = await newAccount(tracker, ["PRODUCER"]);
  const { minMilliCelsius, maxMilliCelsius, allowedMinutes } = RULE;
  await send(
    tracker.connect(farm).setStorageRule(GTIN, minMilliCelsius, maxMilliCelsius, allowedMinutes),
  );
});

afterAll(() => provider.destroy());

describe("setStorageRule", () => {
  /** Under GS1 prefix 4006381, which only the brand below holds. */
  const BRAND_GTIN = 4006381333931n;

  it("is set by the holder of the GTIN's company prefix, for everyone to read", async () => {
    const brand = await newAccount(tracker);
    await send(tracker.grantCompanyPrefix(brand.address, 4006381n, 7));
    const receipt = await send(
      tracker.connect(brand).setStorageRule(BRAND_GTIN, -18_000, -15_000, 0),
    );
    expect(eventsOf(tracker, receipt)).toEqual([
      { name: "StorageRuleSet", args: [BRAND_GTIN, brand.address, -18_000n, -15_000n, 0n] },
    ]);
    expect([...(await tracker.storageRuleOf(BRAND_GTIN))]).toEqual([-18_000n, -15_000n, 0n, true]);
    expect((await tracker.storageRuleOf(614141000029n)).isSet).toBe(false);
  });

  it("refuses anyone without the prefix, a producer included", async () => {
    expect(await revertOf(tracker.connect(farm).setStorageRule(BRAND_GTIN, 0, 5_000, 30))).toEqual({
      name: "LotTrackerUnauthorizedGtin",
      args: [BRAND_GTIN, farm.address],
    });
  });

  it("refuses an empty range and one beyond −80 to +80 °C", async () => {
    for (const [min, max] of [
      [5_000, 5_000],
      [5_000, 0],
      [-80_001, 0],
      [0, 80_001],
    ] as const) {
      expect(await revertOf(tracker.connect(farm).setStorageRule(GTIN, min, max, 30))).toEqual({
        name: "LotTrackerInvalidStorageRule",
        args: [BigInt(min), BigInt(max)],
      });
    }
    expect((await tracker.storageRuleOf(GTIN)).maxMilliCelsius).toBe(BigInt(RULE.maxMilliCelsius));
  });
});
