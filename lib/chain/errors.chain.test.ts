import { ZeroHash } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findFreePort } from "@/tools/chain/anvil";
import { deployLotTracker } from "@/tools/chain/deploy";
import { decodeLotTrackerError, isLedgerUnreachable } from "./errors";
import { type LotTracker, LotTracker__factory } from "./generated";
import { encodeLotCode } from "./lot-id";
import { createProvider, receiptOf } from "./provider";

const provider = createProvider(inject("rpcUrl"), 31337);
let tracker: LotTracker;

/** What a call throws, for asserting on the error itself. */
async function errorOf(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error("Expected the call to fail.");
}

beforeAll(async () => {
  const admin = await provider.getSigner(0);
  tracker = LotTracker__factory.connect((await deployLotTracker(admin)).address, admin);
});

afterAll(() => provider.destroy());

describe("isLedgerUnreachable", () => {
  it("is true, within a second, when nothing listens on the node's port", async () => {
    const closed = createProvider(`http://127.0.0.1:${await findFreePort()}`, 31337);
    const startedAt = performance.now();
    const error = await errorOf(closed.getBlockNumber());
    expect(performance.now() - startedAt).toBeLessThan(1_000);
    expect(isLedgerUnreachable(error)).toBe(true);
    expect(decodeLotTrackerError(error)).toBeNull();
    closed.destroy();
  });

  it("is false for a revert, which the node did answer", async () => {
    const error = await errorOf(tracker.createLot(1n, encodeLotCode("A"), ZeroHash, ZeroHash));
    expect(isLedgerUnreachable(error)).toBe(false);
  });

  it("is false for errors that are not errors of a call", () => {
    expect(isLedgerUnreachable(new Error("something else"))).toBe(false);
    expect(isLedgerUnreachable(null)).toBe(false);
  });
});

describe("decodeLotTrackerError", () => {
  it("decodes an inherited AccessControl error from a sent transaction", async () => {
    const admin = await provider.getSigner(0);
    const error = await errorOf(tracker.createLot(1n, encodeLotCode("A"), ZeroHash, ZeroHash));
    expect(decodeLotTrackerError(error)).toEqual({
      name: "AccessControlUnauthorizedAccount",
      args: [admin.address, await tracker.PRODUCER_ROLE()],
    });
  });

  it("decodes a LotTracker error from a static call", async () => {
    const admin = await provider.getSigner(0);
    const grant = await tracker.grantRole(await tracker.PRODUCER_ROLE(), admin.address);
    await receiptOf(provider, grant.hash);
    const error = await errorOf(
      tracker.createLot.staticCall(0n, encodeLotCode("A"), ZeroHash, ZeroHash),
    );
    expect(decodeLotTrackerError(error)).toEqual({ name: "LotTrackerInvalidGtin", args: [0n] });
  });

  it("returns null for an error without revert data", () => {
    expect(decodeLotTrackerError(new Error("boom"))).toBeNull();
    expect(decodeLotTrackerError({ data: "0x" })).toBeNull();
  });
});
