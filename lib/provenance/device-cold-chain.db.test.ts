import { Wallet } from "ethers";
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LotPage } from "@/components/public/lot-page";
import { renderFragment } from "@/components/public/render";
import { seedDevice, seedDeviceBatch, seedLotHold } from "@/tools/testing/device-cold-chain-seed";
import { createLedgerWorld, GTIN, type LedgerWorld } from "@/tools/testing/ledger-world";
import { getProvenance } from "./get-provenance";

// The consumer page's cold chain from data loggers: each batch names its device and says whether its
// signature and its readings hold against what the ledger anchored; a hold is said in plain words.

const CHAIN_ID = 31337;
const RANGE = { minCelsius: 0, maxCelsius: 5 };
const START = new Date("2026-12-03T05:00:00Z");
let ledger: LedgerWorld;
let lotId = "";
let contract = "";

beforeAll(async () => {
  ledger = await createLedgerWorld({ kinds: ["FARM", "PACKER", "CARRIER"] });
  const { db, members } = ledger;
  lotId = await ledger.harvest("TRUCK-19");
  await ledger.settle();
  // The world records its LotTracker as the stack does: the devices sign for that contract.
  contract = (await db.contractDeployment.findFirstOrThrow()).address;
  await db.storageRule.create({
    data: {
      ...{ chainId: CHAIN_ID, gtin: GTIN, minMilliCelsius: 0, maxMilliCelsius: 5000 },
      ...{ allowedExcursionMinutes: 30, setBy: "0x0", txHash: "0x02", blockNumber: 1 },
    },
  });
  const { device, wallet } = await seedDevice(db, {
    chainId: CHAIN_ID,
    organizationId: members.carrier.organization.id,
    name: "Truck 7 logger",
  });
  const lot = { id: lotId, gtin: GTIN, lotCode: "TRUCK-19" };
  const common = { lot, device, wallet, contract, range: RANGE };
  const at = (hour: number) => new Date(START.getTime() + hour * 3_600_000);
  await seedDeviceBatch(db, { ...common, sequence: 1, startAt: at(0), celsius: [3, 6.5, 9.2, 4] });
  await seedDeviceBatch(db, {
    ...{ ...common, sequence: 2, startAt: at(1), celsius: [3, 3.5] },
    signer: Wallet.createRandom(),
  });
  await seedDeviceBatch(db, {
    ...{ ...common, sequence: 3, startAt: at(2), celsius: [3, 3.5] },
    storedCelsius: [3, 2.5],
  });
  await seedDeviceBatch(db, {
    ...{ ...common, sequence: 4, startAt: at(3), celsius: [2, 2.5] },
    anchoredBlock: null,
  });
  await seedLotHold(db, {
    ...{ chainId: CHAIN_ID, lotId, deviceAddress: device.address, heldAt: at(0.1) },
    ...{ excursionMinutes: 47, minCelsius: 3, maxCelsius: 9.2 },
    release: {
      by: members.farm.organization.chainAddress,
      at: at(5),
      reason: "Probe core at 4 °C; sold within its day.",
    },
  });
});

afterAll(async () => {
  await ledger.drop();
});

describe("a lot's cold chain from its data loggers, on the consumer page", () => {
  it("checks each batch against its device's signature, its anchored root and the ledger", async () => {
    const provenance = await getProvenance({ db: ledger.db, lotId });
    expect(
      provenance?.deviceBatches.map((b) => [b.isSignatureVerified, b.isRootVerified, b.isAnchored]),
    ).toEqual([
      [true, true, true],
      [false, true, true],
      [true, false, true],
      [true, true, false],
    ]);
    expect(provenance?.deviceBatches[0]?.device).toMatchObject({
      name: "Truck 7 logger",
      organization: "Test carrier",
    });
    expect(provenance?.deviceBatches[0]?.judgement.range).toMatchObject(RANGE);
  });

  it("names the device, says what each check found, and draws the band with the readings outside it", async () => {
    const provenance = await getProvenance({ db: ledger.db, lotId });
    if (!provenance) throw new Error("no provenance");
    const html = renderFragment(createElement(LotPage, { provenance }));
    expect(html).toContain("Measured by <strong>Truck 7 logger</strong> of Test carrier");
    const verdicts = [
      ...html.matchAll(/data-testid="device-verification"><span class="\w+">([^<]+)</g),
    ];
    expect(verdicts.map((m) => m[1])).toEqual([
      "Signed by the device ✓ and verified on the ledger",
      "✗ Not verified: the signature does not match the device",
      "✗ Not verified: the readings do not match the anchored root",
      "Signed by the device ✓, not yet on the ledger",
    ]);
    expect(html.match(/data-testid="storage-range-band"/g)).toHaveLength(4);
    // 6.5 and 9.2 °C of the first batch, above 0–5 °C; the other batches stay inside.
    expect(html.match(/data-testid="reading-outside-range"/g)).toHaveLength(2);
    expect(html).toContain("4 readings; storage range 0 to 5 °C; 2 readings outside it");
  });

  it("says plainly that the lot was held, why, and who released it with what reason", async () => {
    const provenance = await getProvenance({ db: ledger.db, lotId });
    if (!provenance) throw new Error("no provenance");
    const html = renderFragment(createElement(LotPage, { provenance }));
    const text = html.replace(/<[^>]+>/g, "");
    expect(text).toContain(
      "Held on 3 Dec 2026, 05:06 UTC after 47 min above 5\u00a0°C (up to 9.2\u00a0°C), measured by Truck 7 logger; released by Test farm on 3 Dec 2026, 10:00 UTC: Probe core at 4 °C; sold within its day.",
    );
  });
});
