import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import {
  type ReadingBatch,
  readingBatchDomain,
  readingBatchStruct,
  signReadingBatch,
} from "@/lib/chain/reading-batch";
import { AppError } from "@/lib/errors";
import { NO_SUCH_LOT } from "@/lib/lots/visibility";
import { createLedgerWorld, GTIN, type LedgerWorld } from "@/tools/testing/ledger-world";
import { acceptLot, shipLot, splitLot } from "@/tools/testing/lot-steps";
import { getLotHold, releaseLotHold } from ".";

// The hold as people meet it, on the real parts: LotTracker's storage rule holds a lot when a farm's
// data logger reports it warm; LotLedger's forms refuse its moves with one sentence, nothing queued,
// and only an admin of its custodian releases it, with a reason every party can read.

let world: LedgerWorld;
const device = Wallet.createRandom();
let sequence = 0;

/** The farm's logger reports the lot warm for `minutes` (the rule allows 30 outside 0–5 °C). */
async function reportWarm(lotCode: string, minutes: number): Promise<void> {
  sequence += 1;
  const start = Math.floor(Date.now() / 1000) - 3600;
  const batch: ReadingBatch = {
    gtin: GTIN,
    lotCode,
    readingsRoot: `0x${String(sequence).padStart(64, "0")}`,
    readingCount: 60,
    sequence,
    firstReadingAt: start,
    lastReadingAt: start + 3540,
    minMilliCelsius: 3000,
    maxMilliCelsius: 11_500,
    minutesOutsideRange: minutes,
  };
  await world.sendAs(world.members.farm, async (lotTracker) => {
    const domain = readingBatchDomain(31337, await lotTracker.getAddress());
    const signature = await signReadingBatch(device, domain, batch);
    return lotTracker.anchorDeviceReadings(readingBatchStruct(batch), signature);
  });
}

/** What a call refused, as the person reads it. */
async function refusalOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`Expected a refusal, got ${String(error)}`);
  return error.message;
}

const writesQueued = () => world.db.ledgerTransaction.count();
let heldId: string;
let inTransitId: string;
let keptId: string;

beforeAll(async () => {
  world = await createLedgerWorld();
  const { farm, packer } = world.members;
  await world.db.device.create({
    data: {
      chainId: 31337,
      address: device.address.toLowerCase(),
      organizationId: farm.organization.id,
      name: "Cold room 2 logger",
    },
  });
  await world.sendAs(farm, (lotTracker) => lotTracker.registerDevice(device.address));
  await world.sendAs(farm, (lotTracker) => lotTracker.setStorageRule(BigInt(GTIN), 0, 5000, 30));
  [heldId, inTransitId, keptId] = [
    await world.harvest("HOLD-1"),
    await world.harvest("HOLD-2"),
    await world.harvest("KEPT-1"),
  ];
  await shipLot(world.db, farm, { lotId: inTransitId, to: packer });
  await world.settle();
  await reportWarm("HOLD-1", 45);
  await reportWarm("HOLD-2", 50);
}, 120_000);

afterAll(async () => {
  await world.drop();
});

describe("a held lot's moves are refused before anything is written", () => {
  it("says why, on which device, and who must release it, for shipping, splitting and receiving", async () => {
    const { farm, packer } = world.members;
    const before = await writesQueued();
    const sentence = (code: string, minutes: number, action: string) =>
      `Lot ${code} is on hold: it spent ${minutes} min outside 0 to 5 °C (device Cold room 2 logger); Test farm must release it before it can ${action}.`;
    expect(await refusalOf(shipLot(world.db, farm, { lotId: heldId, to: packer }))).toBe(
      sentence("HOLD-1", 45, "be shipped"),
    );
    expect(
      await refusalOf(
        splitLot(world.db, farm, {
          lotId: heldId,
          outputs: [{ lotCode: "H1-A" }, { lotCode: "H1-B" }],
        }),
      ),
    ).toBe(sentence("HOLD-1", 45, "be split"));
    expect(await refusalOf(acceptLot(world.db, packer, { lotId: inTransitId }))).toBe(
      sentence("HOLD-2", 50, "be received"),
    );
    expect(await writesQueued()).toBe(before);
  });
});

describe("releaseLotHold", () => {
  const release = (
    member: Member,
    lotId: string,
    reason = "Core 3.1 °C, leaves crisp: fit for sale.",
  ) => releaseLotHold({ db: world.db, member, lotId, reason });

  it("refuses all but an admin of the custodian, a lot not on hold and an empty reason, writing nothing", async () => {
    const { farm, packer, carrier } = world.members;
    const before = await writesQueued();
    expect(await refusalOf(release({ ...farm, role: "READ_ONLY" }, heldId))).toBe(
      "Your account is read-only: ask an admin of Test farm to release the hold.",
    );
    expect(await refusalOf(release({ ...farm, role: "STAFF" }, heldId))).toBe(
      "Only an admin of Test farm (the quality manager) can release a hold: ask one to judge the goods and release it.",
    );
    expect(await refusalOf(release(packer, inTransitId))).toBe(
      "Lot HOLD-2 is held by Test farm: only its admins can release the hold.",
    );
    expect(await refusalOf(release(carrier, heldId))).toBe(NO_SUCH_LOT);
    expect(await refusalOf(release(farm, keptId))).toBe(
      "Lot KEPT-1 is not on hold: there is nothing to release.",
    );
    expect(await refusalOf(release(farm, heldId, "   "))).toBe(
      "Write why the goods are fit to release (what was checked, by whom), then release the hold.",
    );
    expect(await writesQueued()).toBe(before);
  });

  it("releases the lot on the ledger with the reason, which the lot's hold history then shows", async () => {
    const { farm, packer } = world.members;
    const held = await getLotHold({ db: world.db, lotId: heldId });
    expect(held?.current).toMatchObject({
      deviceName: "Cold room 2 logger",
      minMilliCelsius: 3000,
      maxMilliCelsius: 11_500,
      excursionMinutes: 45,
      release: null,
    });
    expect(held?.rule).toEqual({
      minMilliCelsius: 0,
      maxMilliCelsius: 5000,
      allowedExcursionMinutes: 30,
      isOnChain: true,
    });
    await release(farm, heldId);
    await world.settle();
    const after = await getLotHold({ db: world.db, lotId: heldId });
    expect(after?.current).toBeNull();
    expect(after?.past[0]?.release).toMatchObject({
      by: "Test farm",
      reason: "Core 3.1 °C, leaves crisp: fit for sale.",
    });
    expect(await world.db.lot.findUniqueOrThrow({ where: { id: heldId } })).toMatchObject({
      isOnHold: false,
    });
    // Released, it ships again.
    await shipLot(world.db, farm, { lotId: heldId, to: packer });
  });
});
