import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { appEnvSchema, contractAdminEnvSchema, parseEnv } from "@/lib/env";
import { ANVIL_DEV_KEY } from "../stack/prepare";
import type { LocalSecrets } from "../stack/secrets";
import { startEnvSchema } from "../stack/start-env";

/**
 * The keys an operator's command signs and encrypts with, found the way `npm start` finds them:
 * DEPLOYER_PRIVATE_KEY (anvil's development account on the embedded chain), MASTER_KEY (the embedded
 * default's DATA_DIR/secrets.json), APP_URL (http://localhost:$PORT). Never generated here: a new
 * MASTER_KEY would encrypt keys the running app cannot read. A missing one throws a ConfigError
 * naming the variable to set.
 */
export function readOperatorKeys(source: Record<string, string | undefined> = process.env): {
  contractAdminKey: string;
  masterKey: string;
  appUrl: string;
} {
  const env = parseEnv(startEnvSchema, source);
  const isEmbeddedChain = !env.RPC_URL;
  const secretsFile = path.resolve(env.DATA_DIR, "secrets.json");
  const localSecrets =
    !env.DATABASE_URL && existsSync(secretsFile)
      ? (JSON.parse(readFileSync(secretsFile, "utf8")) as LocalSecrets)
      : undefined;
  const { DEPLOYER_PRIVATE_KEY } = parseEnv(contractAdminEnvSchema, {
    DEPLOYER_PRIVATE_KEY: env.DEPLOYER_PRIVATE_KEY ?? (isEmbeddedChain ? ANVIL_DEV_KEY : undefined),
  });
  const { MASTER_KEY } = parseEnv(appEnvSchema.pick({ MASTER_KEY: true }), {
    MASTER_KEY: env.MASTER_KEY ?? localSecrets?.masterKey,
  });
  return {
    contractAdminKey: DEPLOYER_PRIVATE_KEY,
    masterKey: MASTER_KEY,
    appUrl: env.APP_URL ?? `http://localhost:${env.PORT}`,
  };
}
