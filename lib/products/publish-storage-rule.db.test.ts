import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { saveProduct } from "@/lib/products";
import { addTestMember, createTestOrganization } from "@/tools/testing/organizations";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";

// A product's storage range goes on the ledger as its GTIN's storage rule, in milli-°C, from the
// brand that saved it: once per range (saving the same range again queues nothing).

let database: TestDatabase;
let db: Db;
let admin: Member;
const GTIN = "09506000134352";
const input = {
  gtin: GTIN,
  name: "Romaine lettuce",
  unit: "kg",
  storageMinCelsius: "0",
  storageMaxCelsius: "4.5",
  allowedExcursionMinutes: "30",
};

const ruleWrites = () =>
  db.ledgerTransaction.findMany({
    where: { method: "setStorageRule" },
    orderBy: { createdAt: "asc" },
    select: { args: true, signerAddress: true, organizationId: true },
  });

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const organization = await createTestOrganization({ db, kind: "FARM" });
  admin = await addTestMember({ db, organizationId: organization.id, role: "ADMIN" });
});

afterAll(async () => {
  await database.drop();
});

describe("publishStorageRule, when a product is saved", () => {
  it("queues setStorageRule(gtin, min×1000, max×1000, minutes) from the brand, once per range", async () => {
    await saveProduct({ db, member: admin, input });
    await saveProduct({
      db,
      member: admin,
      gtin: GTIN,
      input: { ...input, name: "Romaine, renamed" },
    });
    expect(await ruleWrites()).toEqual([
      {
        args: ["9506000134352", "0", "4500", "30"],
        signerAddress: admin.organization.chainAddress,
        organizationId: admin.organization.id,
      },
    ]);
    await saveProduct({
      db,
      member: admin,
      gtin: GTIN,
      input: { ...input, storageMinCelsius: "-1.25" },
    });
    expect((await ruleWrites()).map((write) => write.args)).toEqual([
      ["9506000134352", "0", "4500", "30"],
      ["9506000134352", "-1250", "4500", "30"],
    ]);
  });

  it("queues nothing for a product without a complete range", async () => {
    const before = (await ruleWrites()).length;
    await saveProduct({
      db,
      member: admin,
      input: { ...input, gtin: "09506000134369", storageMaxCelsius: "" },
    });
    expect(await ruleWrites()).toHaveLength(before);
  });
});
