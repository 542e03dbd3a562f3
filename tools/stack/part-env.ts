import type { PartName } from "./parts";

// The variables that open something: each part keeps only those its schema in lib/env.ts needs.
const SECRETS = [
  "DEPLOYER_PRIVATE_KEY",
  "MASTER_KEY",
  "WEBHOOK_SECRETS_KEY",
  "AUTH_SECRET",
  "SMTP_URL",
  // Its login, when the broker asks for one, lets anyone answer loggers as LotLedger.
  "MQTT_URL",
] as const;

type Secret = (typeof SECRETS)[number];

/**
 * The sender signs with organisations' keys (MASTER_KEY); the web app creates webhook secrets
 * (WEBHOOK_SECRETS_KEY), signs sessions (AUTH_SECRET) and emails invitations (SMTP_URL); the
 * notifier signs and delivers notices with the same two; the indexer reads the chain, the capture
 * worker stores EPCIS documents: they need none; the devices worker needs only the broker (MQTT_URL).
 * No part gets DEPLOYER_PRIVATE_KEY: only start-up and the operator's CLI grant roles.
 */
const NEEDS: Record<PartName, readonly Secret[]> = {
  sender: ["MASTER_KEY"],
  indexer: [],
  capture: [],
  devices: ["MQTT_URL"],
  notifier: ["WEBHOOK_SECRETS_KEY", "SMTP_URL"],
  web: ["WEBHOOK_SECRETS_KEY", "AUTH_SECRET", "SMTP_URL"],
};

/** The stack's environment narrowed to what one part may hold (the rest passes through). */
export function partEnv(part: PartName, stackEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...stackEnv };
  for (const name of SECRETS) if (!NEEDS[part].includes(name)) delete env[name];
  return env;
}

/** For `next build` and other helpers of start-up that run project code but need no secret. */
export function withoutSecrets(stackEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...stackEnv };
  for (const name of SECRETS) delete env[name];
  return env;
}
