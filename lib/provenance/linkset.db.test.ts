import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lotIdOf } from "@/lib/chain/lot-id";
import type { Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { ChangeFeed, listenForChanges } from "./change-feed";
import { buildLinkset, resolveDigitalLinkPath } from "./digital-link";
import { answerDigitalLinkCached, peekDigitalLinkAnswer } from "./prepared-answer";
import { ProvenanceReadModel } from "./read-model";
import { answerDigitalLink } from "./resolver-answer";

// Issue 14: the GTIN-level linkset carries the product (its name as itemDescription, its picture as
// gs1:relatedImage, gs1:pip its product information page) and validates against GS1's own linkset
// schema, the one GS1's resolver test suite checks resolvers with (it requires itemDescription).

const SCHEMA = path.resolve(
  import.meta.dirname,
  "../../../shared/conformance/digital-link/linkset/gs1-linkset-schema.json",
);
// GS1's schema has annotations ajv does not know ("name", "@id"): not strict about those.
const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(SCHEMA, "utf8")));

const GTIN = "09506000134352";
const APP_URL = "https://lotledger.test";
const IMAGE = "https://images.example/romaine.jpg";
let database: TestDatabase;
let db: Db;
let readModel: ProvenanceReadModel;
let listener: { stop(): Promise<void> };

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const feed = new ChangeFeed();
  listener = listenForChanges(database.databaseUrl, feed);
  const deadline = Date.now() + 5_000;
  while (feed.startRead() === null && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  readModel = new ProvenanceReadModel(db, feed);
  const chainAddress = Wallet.createRandom().address;
  const farm = await db.organization.create({
    data: {
      name: "Green Valley Farm",
      kind: "FARM",
      gln: "9520000000017",
      chainAddress,
      encryptedKey: "-",
    },
  });
  await db.product.create({
    data: {
      gtin: GTIN,
      name: "Romaine lettuce, field-packed",
      brand: "Green Valley",
      imageUrl: IMAGE,
      organizationId: farm.id,
    },
  });
  await db.lot.create({
    data: {
      id: lotIdOf(GTIN, "L1"),
      chainId: 31337,
      gtin: GTIN,
      lotCode: "L1",
      custodian: chainAddress,
      producer: chainAddress,
      createdTxHash: `0x${"1".padStart(64, "0")}`,
      createdBlock: 1,
    },
  });
});

afterAll(async () => {
  await listener.stop();
  await database.drop();
});

async function linksetOf(pathAndQuery: string, accept = "*/*") {
  const answer = await answerDigitalLink({ readModel, appUrl: APP_URL, pathAndQuery, accept });
  expect(answer.status).toBe(200);
  expect(answer.headers["content-type"]).toBe("application/linkset+json");
  return JSON.parse(answer.body);
}

describe("the GTIN-level linkset", () => {
  it("names the product, links its picture and its information page, and passes GS1's schema", async () => {
    const body = await linksetOf(`/01/${GTIN}?linkType=linkset`);
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    const [links] = body.linkset;
    expect(links.itemDescription).toBe("Green Valley Romaine lettuce, field-packed");
    expect(links["https://gs1.org/voc/relatedImage"]).toEqual([
      { href: IMAGE, title: "Picture of Green Valley Romaine lettuce, field-packed" },
    ]);
    expect(links["https://gs1.org/voc/pip"][0].href).toBe(`${APP_URL}/01/${GTIN}`);
    expect(await linksetOf(`/01/${GTIN}`, "application/linkset+json")).toEqual(body);
  });

  it("of a lot, too, passes the schema and points gs1:pip at its product's page", async () => {
    const body = await linksetOf(`/01/${GTIN}/10/L1?linkType=linkset`);
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(body.linkset[0].itemDescription).toBe(
      "Green Valley Romaine lettuce, field-packed, lot L1",
    );
    expect(body.linkset[0]["https://gs1.org/voc/pip"][0].href).toBe(`${APP_URL}/01/${GTIN}`);
  });

  it("of a product nobody described still passes, described by its GTIN", () => {
    const body = buildLinkset(resolveDigitalLinkPath("/01/09506000134369"), APP_URL);
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(body.linkset[0]?.itemDescription).toBe("Product 09506000134369");
    // The schema bites: without the description GS1 requires, the same linkset fails.
    const { itemDescription: _, ...withoutDescription } = body.linkset[0] ?? {};
    expect(validate({ linkset: [withoutDescription] })).toBe(false);
  });

  it("is answered afresh once the product is edited, though it was cached", async () => {
    const pathAndQuery = `/01/${GTIN}?linkType=linkset`;
    const visit = () =>
      answerDigitalLinkCached({ readModel, appUrl: APP_URL, pathAndQuery, accept: "*/*" });
    await visit();
    expect(peekDigitalLinkAnswer(readModel, pathAndQuery, "*/*")).toBeDefined();
    await db.product.update({ where: { gtin: GTIN }, data: { name: "Romaine hearts" } });
    await expect
      .poll(() => peekDigitalLinkAnswer(readModel, pathAndQuery, "*/*"), { timeout: 5_000 })
      .toBeUndefined();
    const answer = await visit();
    expect(JSON.parse(answer.body.toString()).linkset[0].itemDescription).toBe(
      "Green Valley Romaine hearts",
    );
  });
});
