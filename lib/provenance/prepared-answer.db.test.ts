import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { ChangeFeed, listenForChanges } from "./change-feed";
import { answerDigitalLinkCached, peekDigitalLinkAnswer } from "./prepared-answer";
import { ProvenanceReadModel } from "./read-model";

let database: TestDatabase;
let readModel: ProvenanceReadModel;
let listener: { stop(): Promise<void> };
const appUrl = "https://lotledger.test";
const lot = "/01/09506000134352/10/LOT-1";

async function visit(pathAndQuery: string, accept = "text/html") {
  return answerDigitalLinkCached({ readModel, appUrl, pathAndQuery, accept });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const feed = new ChangeFeed();
  listener = listenForChanges(database.databaseUrl, feed);
  // The cache stores nothing until the feed listens (it could not tell when an answer goes stale).
  while (feed.startRead() === null) await new Promise((resolve) => setTimeout(resolve, 10));
  readModel = new ProvenanceReadModel(database.db, feed);
}, 60_000);

afterAll(async () => {
  await listener.stop();
  await database.drop();
});

describe("the resolver's answer cache, as a visitor varying the query string meets it", () => {
  it("keeps one answer per path, link type and Accept", async () => {
    expect((await visit(lot)).status).toBe(404);
    expect(peekDigitalLinkAnswer(readModel, lot, "text/html")?.status).toBe(404);
    // The page's answer is never served for the link type's: they are cached apart.
    const linkset = peekDigitalLinkAnswer(readModel, `${lot}?linkType=linkset`, "text/html");
    expect(linkset?.headers["content-type"] ?? "not cached").not.toContain("text/html");
  });

  it("answers a query with anything else without storing it, so it cannot push answers out", async () => {
    for (const query of ["?utm=1", "?utm=2&linkType=linkset", "?linkType=all&linkType=linkset"]) {
      expect((await visit(`${lot}${query}`)).status).toBe(404);
      expect(peekDigitalLinkAnswer(readModel, `${lot}${query}`, "text/html")).toBeUndefined();
    }
    expect(peekDigitalLinkAnswer(readModel, lot, "text/html")).toBeDefined();
  });
});
