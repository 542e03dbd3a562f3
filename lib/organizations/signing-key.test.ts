import { Wallet } from "ethers";
import { describe, expect, it } from "vitest";
import { createSigningKey, decryptSigningKey } from "./signing-key";

const masterKey = "11".repeat(32);

describe("organisation signing keys", () => {
  it("round-trips a generated key and never stores it in clear", () => {
    const { address, encryptedKey } = createSigningKey(masterKey);
    const privateKey = decryptSigningKey(encryptedKey, masterKey);
    expect(new Wallet(privateKey).address).toBe(address);
    // Neither the stored text nor any of its decoded parts carries the key.
    const decodedParts = encryptedKey.split(".").map((part) => Buffer.from(part, "base64url"));
    expect(encryptedKey).not.toContain(privateKey.slice(2));
    for (const part of decodedParts) {
      expect(part.toString("utf8")).not.toContain(privateKey.slice(2));
      expect(part.toString("hex")).not.toContain(privateKey.slice(2));
    }
  });

  it("refuses another master key with a sentence saying which key to use", () => {
    const { encryptedKey } = createSigningKey(masterKey);
    expect(() => decryptSigningKey(encryptedKey, "22".repeat(32))).toThrowError(
      "An organisation's signing key cannot be decrypted with this MASTER_KEY: start LotLedger with the MASTER_KEY the keys were created with.",
    );
  });
});
