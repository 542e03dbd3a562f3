import { Wallet } from "ethers";
import { describe, expect, it } from "vitest";
import { createSigningKey, decryptSigningKey } from "./signing-key";

const masterKey = "11".repeat(32);

describe("organisation signing keys", () => {
  it("round-trips a generated key and never stores it in clear", () => {
    const { address, encryptedKey } = createSigningKey(masterKey);
    const privateKey = decryptSigningKey(encryptedKey, masterKey);
    expect(new Wallet(privateKey).address).toBe(address);
    expect(encryptedKey).not.toContain(privateKey.slice(2, 20));
  });

  it("refuses another master key with a sentence saying which key to use", () => {
    const { encryptedKey } = createSigningKey(masterKey);
    expect(() => decryptSigningKey(encryptedKey, "22".repeat(32))).toThrowError(
      "An organisation's signing key cannot be decrypted with this MASTER_KEY: start LotLedger with the MASTER_KEY the keys were created with.",
    );
  });
});
