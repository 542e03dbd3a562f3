import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseSscc } from "@/lib/gs1/keys";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { allocateSscc } from "./allocate-sscc";

let database: TestDatabase;
let db: Db;

/** An organisation with these GS1 company prefixes, registered in this order. */
async function organizationWith(...prefixes: string[]): Promise<string> {
  const key = Wallet.createRandom().address;
  const { id } = await db.organization.create({
    data: {
      name: `Packer ${key.slice(2, 8)}`,
      kind: "PACKER",
      gln: key,
      chainAddress: key,
      encryptedKey: "-",
    },
  });
  for (const [index, prefix] of prefixes.entries()) {
    await db.companyPrefix.create({
      data: { organizationId: id, prefix, createdAt: new Date(Date.UTC(2026, 0, 1 + index)) },
    });
  }
  return id;
}

async function refusal(organizationId: string) {
  const error = await allocateSscc({ db, organizationId }).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).message;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});

afterAll(async () => {
  await database.drop();
});

describe("allocateSscc", () => {
  it("gives 50 concurrent requests 50 distinct valid SSCCs under the organisation's prefix", async () => {
    const organizationId = await organizationWith("0614141", "950600");
    const ssccs = await Promise.all(
      Array.from({ length: 50 }, () => allocateSscc({ db, organizationId })),
    );
    expect(new Set(ssccs).size).toBe(50);
    for (const sscc of ssccs) {
      expect(parseSscc(sscc)).toBe(sscc);
      expect(sscc.slice(0, 8)).toBe("00614141");
    }
    // Serial references 0–49, each once: none skipped, none issued twice.
    const serials = ssccs.map((sscc) => Number(sscc.slice(8, 17))).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("puts the extension digit first and never issues a serial reference again", async () => {
    const organizationId = await organizationWith("950600");
    const first = await allocateSscc({ db, organizationId, extensionDigit: 3 });
    const second = await allocateSscc({ db, organizationId, extensionDigit: 3 });
    const other = await allocateSscc({ db, organizationId, extensionDigit: 4 });
    expect(first.slice(0, 17)).toBe("39506000000000000");
    expect(second.slice(0, 17)).toBe("39506000000000001");
    expect(other.slice(0, 17)).toBe("49506000000000002");
  });

  it("keeps each organisation's count of the same prefix apart", async () => {
    const [a, b] = [await organizationWith("950600"), await organizationWith("0614141")];
    await allocateSscc({ db, organizationId: a });
    expect((await allocateSscc({ db, organizationId: b })).slice(1, 17)).toBe("0614141000000000");
  });

  it("moves to the next prefix when one's serial references are used up, then refuses", async () => {
    // A 12-digit prefix leaves 4 digits: serial references 0–9999.
    const organizationId = await organizationWith("061414100001", "061414100002");
    await db.ssccSequence.create({
      data: { organizationId, companyPrefix: "061414100001", nextSerialReference: 9999n },
    });
    expect((await allocateSscc({ db, organizationId })).slice(1, 17)).toBe("0614141000019999");
    expect((await allocateSscc({ db, organizationId })).slice(1, 17)).toBe("0614141000020000");
    await db.ssccSequence.update({
      where: { organizationId_companyPrefix: { organizationId, companyPrefix: "061414100002" } },
      data: { nextSerialReference: 10000n },
    });
    expect(await refusal(organizationId)).toBe(
      "Every SSCC serial reference under your GS1 company prefixes 061414100001, 061414100002 has been issued, and an SSCC is never reused: ask your LotLedger administrator to register another prefix of your organisation.",
    );
  });

  it("refuses an organisation without a GS1 company prefix", async () => {
    expect(await refusal(await organizationWith())).toBe(
      "Your organisation has no GS1 company prefix registered on LotLedger, so its pallets can't get an SSCC: ask your LotLedger administrator to register your organisation's prefix.",
    );
  });
});
