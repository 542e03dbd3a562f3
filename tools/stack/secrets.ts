import { hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type LocalSecrets = { masterKey: string; authSecret: string };

/**
 * The embedded default's secrets, generated once and kept beside the data they protect
 * (DATA_DIR/secrets.json, readable by the owner only). Production sets MASTER_KEY and AUTH_SECRET.
 */
export function loadOrCreateSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as LocalSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets = {
    masterKey: randomBytes(32).toString("hex"),
    authSecret: randomBytes(32).toString("hex"),
  };
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

/**
 * The key webhook secrets are sealed with, derived from MASTER_KEY (HKDF-SHA256): the web app, which
 * creates them, and the notifier, which signs notices with them, get this key and never MASTER_KEY,
 * which also opens every organisation's signing key.
 */
export function webhookSecretsKeyOf(masterKey: string): string {
  const ikm = Buffer.from(masterKey.replace(/^0x/, ""), "hex");
  return Buffer.from(hkdfSync("sha256", ikm, "", "lotledger webhook secrets", 32)).toString("hex");
}
