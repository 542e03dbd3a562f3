import { id, type JsonRpcSigner, toQuantity, Wallet, ZeroHash } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import { encodeLotCode } from "@/lib/chain/lot-id";
import {
  createLot,
  deployTracker,
  eventsOf,
  newAccount,
  newLotInput,
  nextLotCode,
  provider,
  revertOf,
  roleId,
  send,
} from "./fixtures";

// GS1 company prefixes (issue 13, finding 5): a producer registers lots only of GTINs carrying a
// prefix the prefix admin granted it, so no one registers lot codes under another brand's GTIN.

/** Under GS1 prefix 4006381, which no test producer holds by default. */
const BRAND_GTIN = "04006381333931";
const BRAND_PREFIX = "4006381";

let tracker: LotTracker;
let admin: JsonRpcSigner;

beforeAll(async () => {
  ({ tracker, admin } = await deployTracker());
});

afterAll(() => provider.destroy());

/** A producer holding no prefix at all (newAccount grants the tests' prefixes). */
async function bareProducer(): Promise<JsonRpcSigner> {
  const { address } = Wallet.createRandom();
  await provider.send("anvil_setBalance", [address, toQuantity(10n ** 21n)]);
  await provider.send("anvil_impersonateAccount", [address]);
  await send(tracker.grantRole(roleId("PRODUCER"), address));
  return provider.getSigner(address);
}

const grant = (account: string, prefix: string) =>
  tracker.grantCompanyPrefix(account, BigInt(prefix), prefix.length);
const revoke = (account: string, prefix: string) =>
  tracker.revokeCompanyPrefix(account, BigInt(prefix), prefix.length);
const createLotOf = (producer: JsonRpcSigner, gtin: string) =>
  tracker
    .connect(producer)
    .createLot(BigInt(gtin), encodeLotCode(nextLotCode()), id("payload"), ZeroHash);
const unauthorized = (gtin: string, account: string) => ({
  name: "LotTrackerUnauthorizedGtin",
  args: [BigInt(gtin), account],
});

describe("GS1 company prefixes", () => {
  it("refuses a GTIN outside the producer's prefixes, and accepts it once granted", async () => {
    const producer = await bareProducer();
    expect(await revertOf(createLotOf(producer, BRAND_GTIN))).toEqual(
      unauthorized(BRAND_GTIN, producer.address),
    );
    const receipt = await send(grant(producer.address, BRAND_PREFIX));
    expect(eventsOf(tracker, receipt)).toEqual([
      {
        name: "CompanyPrefixGranted",
        args: [producer.address, BigInt(BRAND_PREFIX), 7n, admin.address],
      },
    ]);
    expect(await tracker.hasCompanyPrefix(producer.address, BigInt(BRAND_PREFIX), 7)).toBe(true);
    expect(await tracker.isGtinOf(producer.address, BigInt(BRAND_GTIN))).toBe(true);
    expect((await send(createLotOf(producer, BRAND_GTIN))).status).toBe(1);
  });

  it("keeps one brand's prefix from another producer", async () => {
    const brand = await newAccount(tracker, ["PRODUCER"]);
    const other = await newAccount(tracker, ["PRODUCER"]);
    await send(grant(brand.address, BRAND_PREFIX));
    expect((await send(createLotOf(brand, BRAND_GTIN))).status).toBe(1);
    expect(await revertOf(createLotOf(other, BRAND_GTIN))).toEqual(
      unauthorized(BRAND_GTIN, other.address),
    );
    expect(await tracker.isGtinOf(other.address, BigInt(BRAND_GTIN))).toBe(false);
  });

  it("reads the prefix after the indicator digit, with its leading zeros", async () => {
    const producer = await bareProducer();
    await send(grant(producer.address, "0614141"));
    // Indicator 1: a case of the same product; the indicator is not part of the prefix.
    expect((await send(createLotOf(producer, "10614141000019"))).status).toBe(1);
    // 614141 without the leading zero is another prefix: 0061414…, 6141410… are not under it.
    expect(await revertOf(createLotOf(producer, "06141410000015"))).toEqual(
      unauthorized("06141410000015", producer.address),
    );
  });

  it("matches prefixes of every length from 6 to 12 digits, first granted or not", async () => {
    for (let digits = 6; digits <= 12; digits += 1) {
      const prefix = BRAND_GTIN.slice(1, 1 + digits);
      const only = await bareProducer();
      const second = await bareProducer();
      await send(grant(only.address, prefix));
      await send(grant(second.address, "950600"));
      await send(grant(second.address, prefix));
      for (const producer of [only, second]) {
        expect((await send(createLotOf(producer, BRAND_GTIN))).status, prefix).toBe(1);
        // One digit more than the prefix changed: another brand.
        const changed = `${BRAND_GTIN.slice(0, digits)}${(Number(BRAND_GTIN[digits]) + 1) % 10}${BRAND_GTIN.slice(digits + 1)}`;
        expect(await revertOf(createLotOf(producer, changed)), prefix).toEqual(
          unauthorized(changed, producer.address),
        );
      }
    }
  });

  it("checks every new lot of a split, merge and transformation", async () => {
    const producer = await newAccount(tracker, ["PRODUCER"]);
    const [first, second] = [
      await createLot(tracker, producer),
      await createLot(tracker, producer),
    ];
    const foreign = newLotInput(BRAND_GTIN).input;
    const as = tracker.connect(producer);
    const expected = unauthorized(BRAND_GTIN, producer.address);
    expect(await revertOf(as.split(first, [newLotInput().input, foreign], id("p")))).toEqual(
      expected,
    );
    expect(await revertOf(as.merge([first, second], foreign, id("p")))).toEqual(expected);
    expect(await revertOf(as.transform([first], [foreign], id("p")))).toEqual(expected);
    await send(grant(producer.address, BRAND_PREFIX));
    expect((await send(as.transform([first], [foreign], id("p")))).status).toBe(1);
  });

  it("stops new lots once revoked, keeping the others", async () => {
    const producer = await bareProducer();
    await send(grant(producer.address, "950600"));
    await send(grant(producer.address, BRAND_PREFIX));
    await send(grant(producer.address, "4006382"));
    const receipt = await send(revoke(producer.address, "950600"));
    expect(eventsOf(tracker, receipt)).toEqual([
      {
        name: "CompanyPrefixRevoked",
        args: [producer.address, 950600n, 6n, admin.address],
      },
    ]);
    expect(await revertOf(createLotOf(producer, "09506000134352"))).toEqual(
      unauthorized("09506000134352", producer.address),
    );
    expect((await send(createLotOf(producer, BRAND_GTIN))).status).toBe(1);
    await send(revoke(producer.address, BRAND_PREFIX));
    expect(await revertOf(createLotOf(producer, BRAND_GTIN))).toEqual(
      unauthorized(BRAND_GTIN, producer.address),
    );
    expect((await send(createLotOf(producer, "04006382000016"))).status).toBe(1);
  });

  it("treats a repeated grant or revocation as a no-op", async () => {
    const producer = await bareProducer();
    await send(grant(producer.address, BRAND_PREFIX));
    expect(eventsOf(tracker, await send(grant(producer.address, BRAND_PREFIX)))).toEqual([]);
    await send(revoke(producer.address, BRAND_PREFIX));
    expect(eventsOf(tracker, await send(revoke(producer.address, BRAND_PREFIX)))).toEqual([]);
    expect(await tracker.hasCompanyPrefix(producer.address, BigInt(BRAND_PREFIX), 7)).toBe(false);
  });

  it.each([
    ["5 digits", 61414n, 5],
    ["13 digits", 614141000012n, 13],
    ["a value longer than its digits", 1234567n, 6],
  ])("refuses a prefix of %s", async (_, prefix, digits) => {
    const producer = await bareProducer();
    expect(await revertOf(tracker.grantCompanyPrefix(producer.address, prefix, digits))).toEqual({
      name: "LotTrackerInvalidCompanyPrefix",
      args: [prefix, BigInt(digits)],
    });
  });

  it("is granted only by a prefix admin, a role the role admin hands out", async () => {
    const producer = await bareProducer();
    const roleAdmin = await newAccount(tracker);
    await send(tracker.grantRole(await tracker.DEFAULT_ADMIN_ROLE(), roleAdmin.address));
    const prefixAdmin = await tracker.PREFIX_ADMIN_ROLE();
    const asRoleAdmin = tracker.connect(roleAdmin);
    expect(
      await revertOf(asRoleAdmin.grantCompanyPrefix(producer.address, BigInt(BRAND_PREFIX), 7)),
    ).toEqual({
      name: "AccessControlUnauthorizedAccount",
      args: [roleAdmin.address, prefixAdmin],
    });
    await send(asRoleAdmin.grantRole(prefixAdmin, roleAdmin.address));
    await send(asRoleAdmin.grantCompanyPrefix(producer.address, BigInt(BRAND_PREFIX), 7));
    expect((await send(createLotOf(producer, BRAND_GTIN))).status).toBe(1);
  });
});
