import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { lotIdOf } from "@/lib/chain/lot-id";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { buildDigitalLink } from "@/lib/gs1/digital-link";
import { formatElementString, GS } from "@/lib/gs1/element-string";
import { seedLotHold } from "@/tools/testing/device-cold-chain-seed";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { resolveScan } from "./resolve-scan";

const GTIN = "09506000134352";
const STEM = "https://id.lotledger.example";
const link = (lot: string) => buildDigitalLink({ stem: STEM, ais: { "01": GTIN, "10": lot } });

let database: TestDatabase;
let db: Db;

function memberOf(key: string, kind: string): Member {
  const chainAddress = Wallet.createRandom().address;
  return {
    userId: `user-${key}`,
    name: key,
    email: `${key}@scan.test`,
    role: "STAFF",
    organization: { id: `org-${key}`, name: key, kind, gln: `gln-${key}`, chainAddress },
  };
}

const members = {
  farm: memberOf("farm", "FARM"),
  carrier: memberOf("carrier", "CARRIER"),
  retailer: memberOf("retailer", "RETAILER"),
  regulator: memberOf("regulator", "REGULATOR"),
};

/** A lot row as the indexer writes it. */
async function createLotRow(
  lotCode: string,
  lot: { status: "ACTIVE" | "IN_TRANSIT" | "RECALLED"; custodian: string; recipient?: string },
) {
  await db.lot.create({
    data: {
      id: lotIdOf(GTIN, lotCode),
      chainId: 31337,
      gtin: GTIN,
      lotCode,
      producer: members.farm.organization.chainAddress,
      createdTxHash: `0x${lotCode.padStart(64, "0")}`,
      createdBlock: 1,
      ...lot,
    },
  });
}

const lotHref = (lotCode: string) => `/lots/${lotIdOf(GTIN, lotCode)}`;
const resolve = (member: Member, text: string) => resolveScan({ db, member, text });
/** The code and sentence of the AppError a scan is refused with. */
async function refusal(member: Member, text: string) {
  const error: unknown = await resolve(member, text).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(AppError);
  const { code, message } = error as AppError;
  return { code, message };
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  for (const { organization } of Object.values(members)) {
    await db.organization.create({
      data: { ...organization, kind: organization.kind as "FARM", encryptedKey: "-" },
    });
  }
  const { farm, carrier } = members;
  // The farm described its product: a recall alert names it (issue 14).
  await db.product.create({
    data: {
      gtin: GTIN,
      name: "Romaine lettuce",
      brand: "Green Valley",
      organizationId: "org-farm",
    },
  });
  await createLotRow("HELD", { status: "ACTIVE", custodian: farm.organization.chainAddress });
  await createLotRow("SHIPPED", {
    status: "IN_TRANSIT",
    custodian: farm.organization.chainAddress,
    // The indexer's casing may differ from the organisation's; the address is the same.
    recipient: carrier.organization.chainAddress.toLowerCase(),
  });
  await createLotRow("RECALLED", {
    status: "RECALLED",
    custodian: farm.organization.chainAddress,
    recipient: carrier.organization.chainAddress,
  });
  await db.ledgerTransaction.create({
    data: {
      organizationId: farm.organization.id,
      method: "createLot",
      args: [],
      lotId: lotIdOf(GTIN, "QUEUED"),
      signerAddress: farm.organization.chainAddress,
    },
  });
});

afterAll(async () => {
  await database.drop();
});

describe("resolveScan: where a scan of a known lot leads", () => {
  // The decision table: who scans, with which role, which lot, and what comes next. The shipper
  // keeps custody of a lot in transit until the recipient accepts it; a read-only member only looks.
  it.each([
    ["carrier", "STAFF", "SHIPPED", "receive"],
    ["carrier", "READ_ONLY", "SHIPPED", "view"],
    ["farm", "STAFF", "HELD", "manage"],
    ["farm", "READ_ONLY", "HELD", "view"],
    ["farm", "STAFF", "SHIPPED", "manage"],
    ["regulator", "STAFF", "HELD", "view"],
    ["regulator", "STAFF", "SHIPPED", "view"],
  ] as const)("%s %s scanning lot %s → %s", async (who, role, lotCode, nextAction) => {
    const href = lotHref(lotCode) + (nextAction === "receive" ? "?action=receive" : "");
    expect(await resolve({ ...members[who], role }, link(lotCode))).toEqual({
      kind: "lot",
      lotId: lotIdOf(GTIN, lotCode),
      href,
      nextAction,
    });
  });

  it("a package label leads to its lot; a serial the lot never had is named as unknown", async () => {
    await db.package.create({
      data: { lotId: lotIdOf(GTIN, "HELD"), serial: "K7Q2M9XW4T", ledgerTransactionId: "tx-1" },
    });
    const packageLink = (serial: string) =>
      buildDigitalLink({ stem: STEM, ais: { "01": GTIN, "10": "HELD", "21": serial } });
    expect(await resolve(members.farm, packageLink("K7Q2M9XW4T"))).toMatchObject({
      href: lotHref("HELD"),
    });
    expect(await refusal(members.farm, packageLink("K7Q2M9XW4U"))).toEqual({
      code: "NOT_FOUND",
      message:
        "Lot HELD has no package with serial K7Q2M9XW4U: this label was not made by LotLedger, so set the package aside and tell your supervisor.",
    });
  });

  it("reads the same lot from a GS1 DataMatrix, a GS1-128 and typed brackets", async () => {
    const ais = { "01": GTIN, "17": "271231", "10": "HELD" };
    for (const text of [
      `${GS}${formatElementString(ais)}`,
      `]C1${formatElementString(ais)}`,
      `(01)${GTIN}(10)HELD`,
      ` ${link("HELD")}\r\n`,
    ]) {
      expect(await resolve(members.farm, text)).toMatchObject({ href: lotHref("HELD") });
    }
  });

  it("a recalled lot is a recall for everyone who may see it, even the organisation it was shipped to", async () => {
    for (const member of [members.farm, members.carrier, members.regulator]) {
      expect(await resolve(member, link("RECALLED"))).toEqual({
        kind: "recalled",
        lotId: lotIdOf(GTIN, "RECALLED"),
        href: lotHref("RECALLED"),
        gtin: GTIN,
        product: "Green Valley Romaine lettuce",
        lotCode: "RECALLED",
        recalledLotCode: "RECALLED",
        package: null,
      });
    }
  });

  it("a lot of others is unknown to an organisation with no part in it, recalled or not", async () => {
    for (const lotCode of ["HELD", "SHIPPED", "RECALLED"]) {
      expect(await refusal(members.retailer, link(lotCode))).toEqual({
        code: "NOT_FOUND",
        message: `No lot ${lotCode} of GTIN ${GTIN} is on LotLedger for your organisation: check the label, or record the lot first.`,
      });
    }
  });
});

describe("resolveScan: a lot the storage rule holds", () => {
  beforeAll(async () => {
    const { farm, carrier } = members;
    await createLotRow("WARM", {
      status: "IN_TRANSIT",
      custodian: farm.organization.chainAddress,
      recipient: carrier.organization.chainAddress,
    });
    const address = Wallet.createRandom().address.toLowerCase();
    await db.device.create({
      data: { chainId: 31337, address, organizationId: "org-carrier", name: "Truck 7 logger" },
    });
    await seedLotHold(db, {
      ...{ chainId: 31337, lotId: lotIdOf(GTIN, "WARM"), deviceAddress: address },
      ...{ heldAt: new Date(), excursionMinutes: 47, minCelsius: 3.1, maxCelsius: 9.2 },
    });
    await db.storageRule.create({
      data: {
        ...{ chainId: 31337, gtin: GTIN, minMilliCelsius: 0, maxMilliCelsius: 5000 },
        ...{ allowedExcursionMinutes: 30, setBy: "0x0", txHash: "0x1", blockNumber: 1 },
      },
    });
  });

  it("is one hold screen for the carrier it is on its way to, not the accept", async () => {
    expect(await resolve(members.carrier, link("WARM"))).toEqual({
      kind: "held",
      lotId: lotIdOf(GTIN, "WARM"),
      href: lotHref("WARM"),
      gtin: GTIN,
      product: "Green Valley Romaine lettuce",
      lotCode: "WARM",
      why: "It spent 47 min above 5\u00a0°C (up to 9.2\u00a0°C), measured by Truck 7 logger.",
      releasedBy:
        "Only an admin of farm (the quality manager) can release it, after checking the goods.",
      canRelease: false,
    });
  });

  it("leads the custodian's admin to the lot page to release it", async () => {
    const scan = await resolve({ ...members.farm, role: "ADMIN" }, link("WARM"));
    expect(scan).toMatchObject({ kind: "held", canRelease: true, href: lotHref("WARM") });
  });
});

describe("resolveScan: a pallet label (SSCC) opens its logistic unit", () => {
  const SSCC = "106141411234567897";
  it.each([
    ["its GS1-128 as the camera reads it", `]C100${SSCC}`],
    ["its GS1-128 with a leading FNC1", `${GS}00${SSCC}`],
    ["the human-readable line", `(00)${SSCC}`],
    ["its Digital Link", `${STEM}/00/${SSCC}`],
    ["its 18 digits typed", ` ${SSCC} `],
  ])("%s", async (_name, text) => {
    expect(await resolve(members.carrier, text)).toEqual({
      kind: "unit",
      sscc: SSCC,
      href: `/units/${SSCC}`,
    });
  });
});

describe("resolveScan refuses with one sentence", () => {
  it.each([
    [
      "an unknown lot",
      link("NOPE-1"),
      "NOT_FOUND",
      `No lot NOPE-1 of GTIN ${GTIN} is on LotLedger for your organisation: check the label, or record the lot first.`,
    ],
    [
      "a GTIN without a lot (EAN-13)",
      "9506000134352",
      "INVALID_INPUT",
      `This barcode names only the product (GTIN ${GTIN}), not its lot: scan the package's QR code or GS1 DataMatrix, which carry the lot number (10).`,
    ],
    [
      "a serial-level Digital Link without a lot",
      `${STEM}/01/${GTIN}/21/k7Q2xP9w`,
      "INVALID_INPUT",
      `This code names package k7Q2xP9w of GTIN ${GTIN} but not its lot: scan a code that carries the lot number (10).`,
    ],
    [
      "a pallet label's content barcode, which names no pallet",
      `]C1${formatElementString({ "02": GTIN, "37": "48", "10": "L1" }, { alsoOnLabel: { "00": "106141411234567897" } })}`,
      "INVALID_INPUT",
      "This is the pallet label's content barcode (02): scan the SSCC barcode (00) at the bottom of the label.",
    ],
    [
      "an SSCC typed with a wrong check digit",
      "106141411234567898",
      "INVALID_INPUT",
      "SSCC 106141411234567898 has a wrong check digit: the last digit should be 7, not 8. Check the number on the label.",
    ],
    ["an empty scan", "  ", "INVALID_INPUT", "The scan is empty; scan the barcode again."],
    [
      "a wrong check digit",
      `${STEM}/01/09506000134353/10/HELD`,
      "INVALID_INPUT",
      "The Digital Link's GTIN 09506000134353 has a wrong check digit: the last digit should be 2.",
    ],
    [
      "something that is no GS1 data",
      "hello",
      "INVALID_INPUT",
      "This scan holds no GS1 data: neither a Digital Link, nor GS1 element strings, nor a GTIN.",
    ],
  ] as const)("%s", async (_name, text, code, message) => {
    expect(await refusal(members.farm, text)).toEqual({ code, message });
  });

  it("says a lot its organisation is still recording is on its way, to everyone else it is unknown", async () => {
    expect(await refusal(members.farm, link("QUEUED"))).toEqual({
      code: "CONFLICT",
      message: `Lot QUEUED of GTIN ${GTIN} is still being recorded on the ledger: scan it again in a minute, without recording it again.`,
    });
    expect((await refusal(members.retailer, link("QUEUED"))).message).toBe(
      `No lot QUEUED of GTIN ${GTIN} is on LotLedger for your organisation: check the label, or record the lot first.`,
    );
  });
});
