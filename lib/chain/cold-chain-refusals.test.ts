import { id, Wallet } from "ethers";
import { describe, expect, it } from "vitest";
import { describeLedgerRefusal } from "./errors";
import { LotTracker__factory } from "./generated";

const lotTracker = LotTracker__factory.createInterface();
/** A failed call as ethers reports it: the revert data on the error. */
const reverted = (name: string, args: unknown[]) => ({
  code: "CALL_EXCEPTION",
  data: lotTracker.encodeErrorResult(name, args),
});

describe("describeLedgerRefusal: the cold chain's custom errors", () => {
  it("says a held lot must be released by its custodian first", () => {
    expect(describeLedgerRefusal(reverted("LotTrackerLotOnHold", [id("lot")]))).toBe(
      "The ledger refused: this lot is on hold because it spent longer outside its storage range than its product allows. An admin of its custodian must release it on the lot's page first.",
    );
  });

  it("names the numbers of a stale batch, a hidden excursion and a bad range in °C", () => {
    const device = Wallet.createRandom().address;
    expect(describeLedgerRefusal(reverted("LotTrackerStaleBatch", [device, 4, 7]))).toBe(
      "The ledger refused: batch 4 of this data logger is not newer than its last anchored batch (7), so it was sent before.",
    );
    expect(
      describeLedgerRefusal(reverted("LotTrackerHiddenExcursion", [id("lot"), 2500, 11_250])),
    ).toBe(
      "The ledger refused: the batch's readings reach 2.5 to 11.25 °C, outside the product's storage range, yet it reports 0 minutes outside it. Check the logger's range settings.",
    );
    expect(describeLedgerRefusal(reverted("LotTrackerInvalidStorageRule", [8000, 2000]))).toBe(
      "The ledger refused the storage range 8 to 2 °C: the minimum must be below the maximum, both between −80 and +80 °C.",
    );
  });

  it("has a sentence, not the error's name, for every cold-chain error", () => {
    // ILotTrackerColdChain's errors, and the empty reason releaseHold refuses.
    const names = [
      "LotTrackerDeviceExists",
      "LotTrackerUnknownDevice",
      "LotTrackerDeviceRevoked",
      "LotTrackerNotDeviceOwner",
      "LotTrackerDeviceNotOfCustodian",
      "LotTrackerStaleBatch",
      "LotTrackerInvalidReadingBatch",
      "LotTrackerHiddenExcursion",
      "LotTrackerInvalidStorageRule",
      "LotTrackerLotOnHold",
      "LotTrackerLotNotOnHold",
      "LotTrackerEmptyReason",
    ];
    for (const name of names) {
      const fragment = lotTracker.getError(name);
      const args = fragment?.inputs.map((input) =>
        input.type === "address"
          ? Wallet.createRandom().address
          : input.type === "bytes32"
            ? id(name)
            : 1,
      );
      expect(describeLedgerRefusal(reverted(name, args ?? []))).not.toContain(name);
    }
  });
});
