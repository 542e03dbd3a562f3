import { AbiCoder, id, type JsonRpcSigner, keccak256, ZeroHash } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantCompanyPrefix } from "@/lib/chain/company-prefix";
import { decodeLotTrackerError } from "@/lib/chain/errors";
import { type LotTracker, LotTracker__factory } from "@/lib/chain/generated";
import { decodeLotCode, encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { grantLotTrackerRole } from "@/lib/chain/provider";
import { roleForOrganizationKind } from "@/lib/organizations";
import { deployLotTracker } from "@/tools/chain/deploy";
import { grantTestPrefixes } from "@/tools/testing/company-prefixes";
import { provider, send } from "./fixtures";

const GTIN = "00614141000012";
const MAX_GTIN = 99_999_999_999_999n;
const ACTIVE = 1n;
const EMPTY_LOT_CODE = `0x${"00".repeat(20)}`;

let tracker: LotTracker;
let admin: JsonRpcSigner;
let producer: JsonRpcSigner;
let carrier: JsonRpcSigner;
let retailer: JsonRpcSigner;
let regulator: JsonRpcSigner;
let outsider: JsonRpcSigner;
let lotSequence = 0;

/** A lot code no other test uses, so tests stay independent on the shared contract. */
function nextLotCode(): string {
  lotSequence += 1;
  return `L${Date.now().toString(36)}-${lotSequence}`;
}

/** The decoded custom error a call reverts with. */
async function revertOf(call: Promise<unknown>): Promise<{ name: string; args: unknown[] } | null> {
  try {
    await call;
  } catch (error) {
    return decodeLotTrackerError(error);
  }
  throw new Error("Expected the call to revert.");
}

function createLotAs(signer: JsonRpcSigner, gtin: bigint, lotCode: string) {
  return tracker.connect(signer).createLot(gtin, encodeLotCode(lotCode), id("payload"), ZeroHash);
}

beforeAll(async () => {
  // anvil's unlocked dev accounts 0–5; the node signs, so no keys appear in tests.
  admin = await provider.getSigner(0);
  producer = await provider.getSigner(1);
  carrier = await provider.getSigner(2);
  retailer = await provider.getSigner(3);
  regulator = await provider.getSigner(4);
  outsider = await provider.getSigner(5);
  const { address } = await deployLotTracker(admin);
  tracker = LotTracker__factory.connect(address, admin);
  await grantLotTrackerRole(tracker, roleForOrganizationKind("PACKER"), producer.address);
  await grantLotTrackerRole(tracker, roleForOrganizationKind("CARRIER"), carrier.address);
  await grantLotTrackerRole(tracker, roleForOrganizationKind("RETAILER"), retailer.address);
  await grantLotTrackerRole(tracker, roleForOrganizationKind("REGULATOR"), regulator.address);
  for (const account of [producer, outsider]) await grantTestPrefixes(tracker, account.address);
  // The prefix of the largest GTIN, 99999999999999.
  await grantCompanyPrefix(tracker, producer.address, "999999");
});

afterAll(() => provider.destroy());

describe("LotTracker roles", () => {
  it("match the roles the app derives from an organisation kind", async () => {
    const producerRole = await tracker.PRODUCER_ROLE();
    for (const kind of ["FARM", "PACKER", "PROCESSOR"] as const) {
      expect(roleForOrganizationKind(kind)).toBe(producerRole);
    }
    expect(roleForOrganizationKind("CARRIER")).toBe(await tracker.CARRIER_ROLE());
    expect(roleForOrganizationKind("RETAILER")).toBe(await tracker.RETAILER_ROLE());
    expect(roleForOrganizationKind("REGULATOR")).toBe(await tracker.REGULATOR_ROLE());
  });

  it("makes the deployer the admin, and a second grant a no-op", async () => {
    expect(await tracker.hasRole(await tracker.DEFAULT_ADMIN_ROLE(), admin.address)).toBe(true);
    const role = roleForOrganizationKind("FARM");
    expect(await grantLotTrackerRole(tracker, role, producer.address)).toBeNull();
  });
});

describe("createLot", () => {
  it("registers the lot with the producer as custodian and emits LotCreated", async () => {
    const lotCode = nextLotCode();
    const payloadHash = id("initial packing");
    const serialsRoot = id("serials");
    const receipt = await send(
      tracker
        .connect(producer)
        .createLot(BigInt(GTIN), encodeLotCode(lotCode), payloadHash, serialsRoot),
    );
    const lotId = lotIdOf(GTIN, lotCode);

    const events = (receipt?.logs ?? []).map((log) => tracker.interface.parseLog(log));
    expect(events).toHaveLength(1);
    expect(events[0]?.name).toBe("LotCreated");
    expect([...(events[0]?.args ?? [])]).toEqual([
      lotId,
      producer.address,
      BigInt(GTIN),
      encodeLotCode(lotCode),
      payloadHash,
      serialsRoot,
    ]);
    expect(await tracker.custodianOf(lotId)).toBe(producer.address);
    expect(await tracker.statusOf(lotId)).toBe(ACTIVE);
    expect(await tracker.producerOf(lotId)).toBe(producer.address);
    expect(receipt?.gasUsed).toBeLessThanOrEqual(60_000n);
  });

  it("refuses a traceability lot code that is already registered", async () => {
    const lotCode = nextLotCode();
    await send(createLotAs(producer, BigInt(GTIN), lotCode));
    expect(await revertOf(createLotAs(producer, BigInt(GTIN), lotCode))).toEqual({
      name: "LotTrackerLotExists",
      args: [lotIdOf(GTIN, lotCode)],
    });
  });

  it.each([
    ["carrier", () => carrier],
    ["retailer", () => retailer],
    ["regulator", () => regulator],
    ["account without a role", () => outsider],
  ])("refuses a %s", async (_, signer) => {
    expect(await revertOf(createLotAs(signer(), BigInt(GTIN), nextLotCode()))).toEqual({
      name: "AccessControlUnauthorizedAccount",
      args: [signer().address, roleForOrganizationKind("FARM")],
    });
  });

  it.each([0n, MAX_GTIN + 1n])("refuses GTIN %s", async (gtin) => {
    expect(await revertOf(createLotAs(producer, gtin, nextLotCode()))).toEqual({
      name: "LotTrackerInvalidGtin",
      args: [gtin],
    });
  });

  it("accepts the largest 14-digit GTIN", async () => {
    const receipt = await send(createLotAs(producer, MAX_GTIN, nextLotCode()));
    expect(receipt?.status).toBe(1);
  });

  it("refuses an empty lot code", async () => {
    const call = tracker
      .connect(producer)
      .createLot(BigInt(GTIN), EMPTY_LOT_CODE, ZeroHash, ZeroHash);
    expect(await revertOf(call)).toEqual({ name: "LotTrackerEmptyLotCode", args: [] });
  });

  it("refuses a producer whose role was revoked", async () => {
    const role = roleForOrganizationKind("PROCESSOR");
    await grantLotTrackerRole(tracker, role, outsider.address);
    await send(createLotAs(outsider, BigInt(GTIN), nextLotCode()));
    await send(tracker.revokeRole(role, outsider.address));
    expect(await revertOf(createLotAs(outsider, BigInt(GTIN), nextLotCode()))).toEqual({
      name: "AccessControlUnauthorizedAccount",
      args: [outsider.address, role],
    });
  });
});

describe("lot id", () => {
  it("is derived the same way in the contract and in lib/chain/lot-id", async () => {
    for (const [gtin, lotCode] of [
      [GTIN, "A"],
      ["09506000134352", "ABCDEFGHIJ0123456789"],
      ["00000000000001", "lot/2026-11-24"],
    ] as const) {
      const encoded = encodeLotCode(lotCode);
      const expected = keccak256(
        AbiCoder.defaultAbiCoder().encode(["uint64", "bytes20"], [BigInt(gtin), encoded]),
      );
      expect(lotIdOf(gtin, lotCode)).toBe(expected);
      expect(await tracker.lotIdOf(BigInt(gtin), encoded)).toBe(expected);
      expect(decodeLotCode(encoded)).toBe(lotCode);
    }
  });

  it("rejects inputs the contract cannot represent", () => {
    expect(() => lotIdOf("614141000012", "A")).toThrow(/14 digits/);
    expect(() => lotIdOf(GTIN, "")).toThrow(/1 to 20/);
    expect(() => lotIdOf(GTIN, "ABCDEFGHIJ01234567890")).toThrow(/1 to 20/);
    expect(() => lotIdOf(GTIN, "LOT Ä")).toThrow(/printable ASCII/);
  });

  it("reads an unknown lot as status None with no custodian", async () => {
    const lotId = lotIdOf(GTIN, nextLotCode());
    expect(await tracker.statusOf(lotId)).toBe(0n);
    expect(await tracker.custodianOf(lotId)).toBe("0x0000000000000000000000000000000000000000");
  });
});
