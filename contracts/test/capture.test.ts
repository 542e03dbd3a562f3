import { id, type JsonRpcSigner, ZeroHash } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import { encodeLotCode } from "@/lib/chain/lot-id";
import {
  createLot,
  deployTracker,
  eventsOf,
  GTIN,
  handOff,
  lotState,
  newAccount,
  nextLotCode,
  provider,
  revertOf,
  Status,
  send,
  ZERO_ADDRESS,
} from "./fixtures";

// What the EPCIS interface captures on its own (LotTrackerCapture): a lot received from a supplier
// that is not on LotLedger, registered by its first receiver, and the anchoring of captured events.

/** Under GS1 prefix 7612345, which no account on the test chain holds. */
const OUTSIDE_GTIN = "07612345000008";

let tracker: LotTracker;
let retailer: JsonRpcSigner;
let producer: JsonRpcSigner;
let stranger: JsonRpcSigner;

beforeAll(async () => {
  ({ tracker } = await deployTracker());
  retailer = await newAccount(tracker, ["RETAILER"]);
  producer = await newAccount(tracker, ["PRODUCER"]);
  stranger = await newAccount(tracker);
});

afterAll(() => provider.destroy());

const receive = (account: JsonRpcSigner, gtin: string, lotCode = nextLotCode()) =>
  tracker
    .connect(account)
    .registerReceivedLot(BigInt(gtin), encodeLotCode(lotCode), id("received"));

describe("registerReceivedLot", () => {
  it("registers an outside supplier's lot with the receiver as custodian and no producer", async () => {
    const lotCode = nextLotCode();
    const receipt = await send(receive(retailer, OUTSIDE_GTIN, lotCode));
    const lotId = await tracker.lotIdOf(BigInt(OUTSIDE_GTIN), encodeLotCode(lotCode));
    expect(eventsOf(tracker, receipt)).toEqual([
      {
        name: "LotReceived",
        args: [
          lotId,
          retailer.address,
          BigInt(OUTSIDE_GTIN),
          encodeLotCode(lotCode),
          id("received"),
        ],
      },
    ]);
    expect(await lotState(tracker, lotId)).toEqual({
      custodian: retailer.address,
      status: Status.Active,
      producer: ZERO_ADDRESS,
      recipient: ZERO_ADDRESS,
      recaller: ZERO_ADDRESS,
    });
  });

  it("lets the receiver ship it on like any lot it holds", async () => {
    const lotCode = nextLotCode();
    await send(receive(retailer, OUTSIDE_GTIN, lotCode));
    const lotId = await tracker.lotIdOf(BigInt(OUTSIDE_GTIN), encodeLotCode(lotCode));
    await handOff(tracker, lotId, retailer, producer);
    expect(await tracker.statusOf(lotId)).toBe(Status.InTransit);
  });

  it("refuses a GTIN whose company prefix a member holds", async () => {
    expect(await revertOf(receive(retailer, GTIN))).toEqual({
      name: "LotTrackerGtinOnLedger",
      args: [BigInt(GTIN)],
    });
  });

  it("accepts the GTIN again once every holder's prefix was revoked", async () => {
    const gtin = "07612346000007";
    await send(tracker.grantCompanyPrefix(producer.address, 7612346n, 7));
    expect((await revertOf(receive(retailer, gtin)))?.name).toBe("LotTrackerGtinOnLedger");
    await send(tracker.revokeCompanyPrefix(producer.address, 7612346n, 7));
    await send(receive(retailer, gtin));
  });

  it("refuses an account without a custody role, and a lot already registered", async () => {
    expect(await revertOf(receive(stranger, OUTSIDE_GTIN))).toEqual({
      name: "LotTrackerMissingCustodyRole",
      args: [stranger.address],
    });
    const lotCode = nextLotCode();
    await send(receive(retailer, OUTSIDE_GTIN, lotCode));
    expect((await revertOf(receive(retailer, OUTSIDE_GTIN, lotCode)))?.name).toBe(
      "LotTrackerLotExists",
    );
  });

  it("leaves the producer's own registration untouched", async () => {
    const lotId = await createLot(tracker, producer);
    expect(await tracker.producerOf(lotId)).toBe(producer.address);
  });
});

describe("anchorEvents", () => {
  it("anchors a root of captured event hash IDs", async () => {
    const root = id("root");
    const receipt = await send(tracker.connect(retailer).anchorEvents(root, 3, id("capture")));
    expect(eventsOf(tracker, receipt)).toEqual([
      { name: "EpcisEventsAnchored", args: [retailer.address, root, 3n, id("capture")] },
    ]);
  });

  it("refuses an empty batch, and an account without a custody role", async () => {
    expect(await revertOf(tracker.connect(retailer).anchorEvents(ZeroHash, 3, id("c")))).toEqual({
      name: "LotTrackerEmptyEventBatch",
      args: [],
    });
    expect(await revertOf(tracker.connect(retailer).anchorEvents(id("r"), 0, id("c")))).toEqual({
      name: "LotTrackerEmptyEventBatch",
      args: [],
    });
    expect(
      (await revertOf(tracker.connect(stranger).anchorEvents(id("r"), 1, id("c"))))?.name,
    ).toBe("LotTrackerMissingCustodyRole");
  });
});
