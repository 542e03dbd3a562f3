import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { Wallet } from "ethers";
import type { Db } from "@/lib/db/client";

/**
 * Each organisation signs its own ledger transactions. Its private key is stored encrypted with
 * AES-256-GCM under MASTER_KEY (from the environment, never in the database), as
 * `iv.tag.ciphertext` in base64url.
 */
function masterKeyBytes(masterKey: string): Buffer {
  return Buffer.from(masterKey.replace(/^0x/, ""), "hex");
}

export function createSigningKey(masterKey: string): { address: string; encryptedKey: string } {
  const wallet = Wallet.createRandom();
  return { address: wallet.address, encryptedKey: encryptSigningKey(wallet.privateKey, masterKey) };
}

export function encryptSigningKey(privateKey: string, masterKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", masterKeyBytes(masterKey), iv);
  const ciphertext = Buffer.concat([cipher.update(privateKey, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url")).join(".");
}

export function decryptSigningKey(encryptedKey: string, masterKey: string): string {
  const [iv, tag, ciphertext] = encryptedKey
    .split(".")
    .map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !ciphertext) throw new Error("The stored signing key is malformed.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", masterKeyBytes(masterKey), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(
      "An organisation's signing key cannot be decrypted with this MASTER_KEY: start LotLedger with the MASTER_KEY the keys were created with.",
    );
  }
}

/**
 * The signer lookup the outbox sender is given (workers/sender.ts): an organisation's wallet, its key
 * read from the database and decrypted with MASTER_KEY on first use, then kept for the process's
 * life. lib/chain knows no organisation; this is how it signs as one.
 */
export function createSignerLookup({
  db,
  masterKey,
}: {
  db: Db;
  masterKey: string;
}): (organizationId: string) => Promise<Wallet> {
  const wallets = new Map<string, Wallet>();
  return async (organizationId) => {
    let wallet = wallets.get(organizationId);
    if (!wallet) {
      const { encryptedKey } = await db.organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { encryptedKey: true },
      });
      wallet = new Wallet(decryptSigningKey(encryptedKey, masterKey));
      wallets.set(organizationId, wallet);
    }
    return wallet;
  };
}
