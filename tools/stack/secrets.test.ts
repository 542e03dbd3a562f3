import { describe, expect, it } from "vitest";
import { webhookSecretsKeyOf } from "./secrets";

describe("webhookSecretsKeyOf", () => {
  it("derives the same 32-byte key from the same MASTER_KEY, and a key that is not MASTER_KEY", () => {
    const masterKey = "ab".repeat(32);
    const key = webhookSecretsKeyOf(masterKey);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toBe(masterKey);
    expect(webhookSecretsKeyOf(`0x${masterKey}`)).toBe(key);
    expect(webhookSecretsKeyOf("cd".repeat(32))).not.toBe(key);
  });
});
