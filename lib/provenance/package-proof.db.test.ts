import { id, ZeroHash } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { lotIdOf } from "@/lib/chain/lot-id";
import { createProvider } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { type IndexerSource, indexNextBatch } from "@/lib/indexer/indexer";
import { generateSerials, serialsRootOf } from "@/lib/packages/serials";
import {
  deployLotTrackerFixture,
  type LotTrackerFixture,
} from "@/tools/testing/lot-tracker-fixture";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { getPackageProof } from "./package-proof";

const GTIN = "09506000134352";
const provider = createProvider(inject("rpcUrl"), 31337);
let database: TestDatabase;
let db: Db;
let fixture: LotTrackerFixture;
let source: IndexerSource;

/** A lot registered on the chain with these serials' root (or none), indexed, with Package rows. */
async function serialisedLot(lotCode: string, serials: string[], root?: string) {
  const lotId = lotIdOf(GTIN, lotCode);
  await fixture.createLot(GTIN, lotCode, id(lotCode), root ?? serialsRootOf(lotId, serials));
  while ((await indexNextBatch(source)).blocks > 0) {}
  await db.package.createMany({
    data: serials.map((serial) => ({ lotId, serial, ledgerTransactionId: `tx-${lotCode}` })),
  });
  return lotId;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  fixture = await deployLotTrackerFixture(provider);
  source = {
    db,
    provider,
    chainId: 31337,
    contractAddress: fixture.address,
    startBlock: fixture.blockNumber,
    confirmations: 0,
  };
});

afterAll(async () => {
  provider.destroy();
  await database.drop();
});

describe("getPackageProof", () => {
  it("proves each package against the serials root the indexer took from the chain", async () => {
    const serials = generateSerials(25);
    const lotId = await serialisedLot("PKG-OK", serials);
    const lot = await db.lot.findUniqueOrThrow({ where: { id: lotId } });
    expect(lot.serialsRoot).toBe(serialsRootOf(lotId, serials));
    for (const serial of serials.slice(0, 5)) {
      expect(await getPackageProof({ db, lotId, serial })).toMatchObject({
        serial,
        packageCount: 25,
        serialsRoot: lot.serialsRoot,
        isVerified: true,
      });
    }
    expect(await getPackageProof({ db, lotId, serial: "NOTINLOT22" })).toBeNull();
    expect(
      await getPackageProof({ db, lotId: lotIdOf(GTIN, "NO-LOT"), serial: serials[0] as string }),
    ).toBeNull();
  });

  it("verifies no package once the stored serial list was tampered with", async () => {
    const serials = generateSerials(8);
    const lotId = await serialisedLot("PKG-TAMPERED", serials);
    await db.package.create({
      data: { lotId, serial: "FORGED2345", ledgerTransactionId: "tx-forged" },
    });
    for (const serial of [serials[0] as string, "FORGED2345"]) {
      expect(await getPackageProof({ db, lotId, serial })).toMatchObject({
        serial,
        packageCount: 9,
        isVerified: false,
      });
    }
    // Put back as registered, the list proves its packages again.
    await db.package.deleteMany({ where: { lotId, serial: "FORGED2345" } });
    expect((await getPackageProof({ db, lotId, serial: serials[0] as string }))?.isVerified).toBe(
      true,
    );
  });

  it("verifies no package of a lot registered on the chain without a serials root", async () => {
    const serials = generateSerials(3);
    const lotId = await serialisedLot("PKG-NOROOT", serials, ZeroHash);
    expect(await getPackageProof({ db, lotId, serial: serials[1] as string })).toMatchObject({
      serialsRoot: null,
      isVerified: false,
    });
  });
});
