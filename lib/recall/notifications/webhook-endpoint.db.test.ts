import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createTestOrganization, TEST_MASTER_KEY } from "@/tools/testing/organizations";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { getWebhookEndpoint, setWebhookEndpoint } from "./webhook";

let database: TestDatabase;
let organizationId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  organizationId = (await createTestOrganization({ db: database.db, kind: "RETAILER" })).id;
});
afterAll(() => database.drop());

async function save(url: string) {
  try {
    await setWebhookEndpoint({
      db: database.db,
      organizationId,
      url,
      masterKey: TEST_MASTER_KEY,
      addressing: { allowLoopback: false },
    });
    return "saved";
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return `${error.field}: ${error.message}`;
  }
}

describe("saving a webhook", () => {
  it("refuses the metadata service, loopback, the database's network and plain http", async () => {
    expect(await save("https://169.254.169.254/latest/meta-data/")).toBe(
      "url: 169.254.169.254 is a link-local address (where cloud metadata services live): notices go to receivers on the public internet only.",
    );
    expect(await save("https://127.0.0.1:5432/")).toBe(
      "url: 127.0.0.1 is a loopback address: notices go to receivers on the public internet only.",
    );
    expect(await save("https://localhost/")).toMatch(
      /^url: localhost \(.+\) is a loopback address/,
    );
    expect(await save("https://[fd00::5]/")).toBe(
      "url: fd00::5 is a private address: notices go to receivers on the public internet only.",
    );
    expect(await save("http://93.184.215.14/recalls")).toBe(
      "url: Notices go out over https only: use the receiver's https:// address.",
    );
    expect(await getWebhookEndpoint({ db: database.db, organizationId })).toBeNull();
  });

  it("keeps an https address on the public internet", async () => {
    expect(await save("https://93.184.215.14/recalls")).toBe("saved");
    expect(await getWebhookEndpoint({ db: database.db, organizationId })).toMatchObject({
      url: "https://93.184.215.14/recalls",
    });
  });
});
