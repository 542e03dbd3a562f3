import { Wallet, ZeroHash } from "ethers";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zxingWasmBytes } from "@/bench/scan/decoders";
import { rgbaOf } from "@/bench/scan/photo-folders";
import type { Member } from "@/lib/auth/session";
import { lotIdOf } from "@/lib/chain/lot-id";
import type { LedgerCall } from "@/lib/chain/outbox/enqueue";
import type { Db } from "@/lib/db/client";
import { eventTimeOf, locationId } from "@/lib/epcis/event";
import { enqueueLedgerWrite } from "@/lib/events/ledger-write";
import { GS } from "@/lib/gs1/element-string";
import { parseScanData } from "@/lib/gs1/scan-data";
import { buildSscc, ssccToUint64 } from "@/lib/gs1/sscc";
import { decodePhotoPixels } from "@/lib/scan/decode-photo-pixels";
import type { ZxingWasmSource } from "@/lib/scan/zxing-wasm-photo";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { getLogisticLabel } from "./get-logistic-label";

const LETTUCE = "09506000134352";
const SPINACH = "09506000134369";
const SITE_GLN = "9520000000013";
const sscc = (serial: bigint, extensionDigit = 1) =>
  buildSscc({ extensionDigit, companyPrefix: "0614141", serialReference: serial });
const MIXED = sscc(1n);
const ONE_LOT = sscc(2n, 0); // extension digit 0: its uint64 has 17 digits in the outbox

let database: TestDatabase;
let db: Db;
let wasm: ZxingWasmSource;

function memberOf(key: string): Member {
  const chainAddress = Wallet.createRandom().address;
  const organization = {
    id: `org-${key}`,
    name: key,
    kind: "FARM",
    gln: `gln-${key}`,
    chainAddress,
  };
  return {
    userId: `user-${key}`,
    name: key,
    email: `${key}@label.test`,
    role: "STAFF",
    organization,
  };
}
const packer = memberOf("Green Acres Farm");
const carrier = memberOf("Swift Carriers");
const stranger = memberOf("Elsewhere Foods");

type Content = { gtin: string; lotCode: string; packageCount: number | null };

/** A pallet's packing as the domain queues it: packUnit and its AggregationEvent ADD payload. */
async function pack(unit: string, contents: Content[]): Promise<string> {
  const lots = contents.map((c) => ({
    lotId: lotIdOf(c.gtin, c.lotCode),
    ...c,
    quantity: "120",
    unit: "kg",
  }));
  const payload = {
    type: "AggregationEvent",
    action: "ADD",
    ...eventTimeOf(new Date("2026-12-02T09:30:00Z")),
    bizStep: "https://ref.gs1.org/cbv/BizStep-packing",
    disposition: "https://ref.gs1.org/cbv/Disp-in_progress",
    parentID: `urn:epc:id:sscc:0614141.${unit[0]}${unit.slice(8, 17)}`,
    childQuantityList: lots.map((l) => ({ epcClass: l.lotId, quantity: 120, uom: "KGM" })),
    readPoint: { id: locationId(SITE_GLN) },
    bizLocation: { id: locationId(SITE_GLN) },
    kde: { contents: lots, bestBeforeDate: "2026-12-16" },
    eventId: `urn:uuid:${crypto.randomUUID()}`,
  };
  const lotIds = lots.map((l) => l.lotId);
  // packUnit joins the outbox's LedgerMethod with the domain's packing (issue 17).
  const call = (payloadHash: string) =>
    ({
      method: "packUnit",
      args: [ssccToUint64(unit).toString(), lotIds, ZeroHash, payloadHash],
    }) as unknown as LedgerCall;
  const { id } = await db.$transaction((tx) =>
    enqueueLedgerWrite(tx, packer, { payload, call, lotId: lotIds[0] as string }),
  );
  return id;
}

/** What zxing-cpp reads from one of the label's GS1-128 symbols, drawn as the printer would. */
async function decode(svg: string): Promise<string | undefined> {
  const png = await sharp(Buffer.from(svg), { density: 288 })
    .flatten({ background: "#fff" })
    .png()
    .toBuffer();
  return (await decodePhotoPixels(await rgbaOf(png), wasm))?.text;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  wasm = await zxingWasmBytes();
  for (const { organization } of [packer, carrier, stranger]) {
    await db.organization.create({
      data: { ...organization, kind: "FARM", encryptedKey: "-" },
    });
  }
  await db.location.create({
    data: {
      organizationId: packer.organization.id,
      gln: SITE_GLN,
      name: "Packhouse",
      address: "1200 River Rd",
      city: "Salinas",
      region: "CA",
      postalCode: "93901",
      countryCode: "US",
    },
  });
  await db.product.create({
    data: {
      gtin: LETTUCE,
      name: "Romaine lettuce",
      brand: "Green Valley",
      organizationId: packer.organization.id,
    },
  });
  for (const [gtin, lotCode, custodian] of [
    [LETTUCE, "L-1", packer],
    [LETTUCE, "L-2", packer],
    [SPINACH, "S-1", packer],
    [LETTUCE, "L-9", carrier],
  ] as const) {
    await db.lot.create({
      data: {
        id: lotIdOf(gtin, lotCode),
        chainId: 31337,
        gtin,
        lotCode,
        custodian: custodian.organization.chainAddress.toLowerCase(),
        producer: packer.organization.chainAddress,
        createdTxHash: `0x${lotCode.padStart(64, "0")}`,
        createdBlock: 1,
      },
    });
  }
  await pack(MIXED, [
    { gtin: LETTUCE, lotCode: "L-1", packageCount: 20 },
    { gtin: LETTUCE, lotCode: "L-2", packageCount: 12 },
    { gtin: SPINACH, lotCode: "S-1", packageCount: 16 },
  ]);
  await pack(ONE_LOT, [{ gtin: LETTUCE, lotCode: "L-9", packageCount: 48 }]);
});

afterAll(async () => {
  await database.drop();
});

describe("getLogisticLabel", { timeout: 60_000 }, () => {
  it("lays out a mixed pallet from its packing payload before the chain has it", async () => {
    const label = await getLogisticLabel({ db, member: packer, sscc: MIXED });
    expect(label?.isOnLedger).toBe(false);
    expect(label?.shipFrom).toEqual({
      name: "Green Acres Farm",
      addressLines: ["1200 River Rd", "Salinas, CA 93901", "US"],
    });
    expect(label?.blocks).toEqual([
      { title: "SSCC", value: MIXED },
      { title: "CONTENT", value: "Mixed: 3 lots of 2 products" },
      { title: "CASES", value: "48" },
      { title: "PACK DATE", value: "2026-12-02" },
      { title: "BEST BEFORE", value: "2026-12-16" },
    ]);
    expect(label?.lotLines).toEqual([
      "Green Valley Romaine lettuce · lot L-1 · 20 cases",
      "Green Valley Romaine lettuce · lot L-2 · 12 cases",
      `GTIN ${SPINACH} · lot S-1 · 16 cases`,
    ]);
    expect(label?.symbols.map((symbol) => symbol.hri)).toEqual([`(00)${MIXED}`]);
  });

  it("draws a GS1-128 SSCC that zxing reads back as (00) and the SSCC", async () => {
    const label = await getLogisticLabel({ db, member: packer, sscc: MIXED });
    const text = await decode(label?.symbols.at(-1)?.svg ?? "");
    expect(text).toBe(`]C100${MIXED}`);
    expect(parseScanData(text ?? "").ais).toEqual(new Map([["00", MIXED]]));
  });

  it("encodes a one-lot pallet's GTIN, count, lot and dates above its SSCC", async () => {
    const label = await getLogisticLabel({ db, member: carrier, sscc: ONE_LOT });
    expect(label?.symbols.map((symbol) => symbol.hri)).toEqual([
      `(02)${LETTUCE}(13)261202(15)261216(10)L-9(37)48`,
      `(00)${ONE_LOT}`,
    ]);
    const [content, unit] = await Promise.all(label?.symbols.map((s) => decode(s.svg)) ?? []);
    expect(content).toBe(`]C102${LETTUCE}1326120215261216${"10L-9"}${GS}3748`);
    expect(unit).toBe(`]C100${ONE_LOT}`);
  });

  it("shows the label to the packer and to a holder of the unit's lots, to no one else", async () => {
    expect(await getLogisticLabel({ db, member: carrier, sscc: MIXED })).toBeNull();
    expect(await getLogisticLabel({ db, member: stranger, sscc: MIXED })).toBeNull();
    expect(await getLogisticLabel({ db, member: stranger, sscc: ONE_LOT })).toBeNull();
    expect(await getLogisticLabel({ db, member: packer, sscc: sscc(99n) })).toBeNull();
  });

  it("says when the packing is on the ledger, and has no label for a packing the ledger refused", async () => {
    const unit = sscc(3n);
    const id = await pack(unit, [{ gtin: LETTUCE, lotCode: "L-1", packageCount: 1 }]);
    await db.ledgerTransaction.update({ where: { id }, data: { status: "CONFIRMED" } });
    expect((await getLogisticLabel({ db, member: packer, sscc: unit }))?.isOnLedger).toBe(true);
    await db.ledgerTransaction.update({ where: { id }, data: { status: "FAILED" } });
    expect(await getLogisticLabel({ db, member: packer, sscc: unit })).toBeNull();
  });
});
