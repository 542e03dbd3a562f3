import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptSigningKey, encryptSigningKey } from "@/lib/organizations";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { webhookSecretsKeyOf } from "./secrets";
import { resealWebhookSecrets } from "./webhook-secrets";

const MASTER_KEY = "9c".repeat(32);
const WEBHOOK_SECRETS_KEY = webhookSecretsKeyOf(MASTER_KEY);
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe("webhook secrets saved when the web app held MASTER_KEY", () => {
  it("are re-sealed at start-up so the notifier opens them with WEBHOOK_SECRETS_KEY alone", async () => {
    const { db } = database;
    await db.webhookEndpoint.createMany({
      data: [
        {
          organizationId: "older",
          url: "https://erp.example/recalls",
          encryptedSecret: encryptSigningKey("whsec_older", MASTER_KEY),
        },
        {
          organizationId: "newer",
          url: "https://wms.example/recalls",
          encryptedSecret: encryptSigningKey("whsec_newer", WEBHOOK_SECRETS_KEY),
        },
      ],
    });
    const keys = { masterKey: MASTER_KEY, webhookSecretsKey: WEBHOOK_SECRETS_KEY };
    expect(await resealWebhookSecrets({ db, ...keys })).toBe(1);
    expect(await resealWebhookSecrets({ db, ...keys })).toBe(0); // once only
    const secrets = await db.webhookEndpoint.findMany({ orderBy: { organizationId: "asc" } });
    expect(secrets.map((s) => decryptSigningKey(s.encryptedSecret, WEBHOOK_SECRETS_KEY))).toEqual([
      "whsec_newer",
      "whsec_older",
    ]);
  });
});
