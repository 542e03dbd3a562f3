import { z } from "zod";
import {
  appEnvSchema,
  ConfigError,
  contractAdminEnvSchema,
  parseEnv,
  requireMailFrom,
} from "@/lib/env";

/**
 * What `npm start` reads. Every service is embedded unless configured: no DATABASE_URL starts
 * PostgreSQL under DATA_DIR, no RPC_URL starts anvil under DATA_DIR, no CONTRACT_ADDRESS deploys
 * LotTracker, no MQTT_URL runs an MQTT broker for data loggers on MQTT_PORT. The app's own variables are then validated by lib/env.ts in each process.
 */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

// The same rules as the app's own variables: one definition of what a valid value is.
const app = appEnvSchema.shape;

export const startEnvSchema = z.object({
  DATA_DIR: z.string().default("data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  ANVIL_PORT: z.coerce.number().int().min(1).max(65535).default(8545),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  MQTT_PORT: z.coerce.number().int().min(1).max(65535).default(1883),
  DATABASE_URL: optional(app.DATABASE_URL),
  RPC_URL: optional(app.RPC_URL),
  CHAIN_ID: optional(app.CHAIN_ID),
  CONTRACT_ADDRESS: optional(z.string().regex(/^0x[0-9a-fA-F]{40}$/)),
  DEPLOYMENT_BLOCK: optional(z.coerce.number().int().min(0)),
  DEPLOYER_PRIVATE_KEY: optional(contractAdminEnvSchema.shape.DEPLOYER_PRIVATE_KEY),
  MASTER_KEY: optional(app.MASTER_KEY),
  AUTH_SECRET: optional(app.AUTH_SECRET),
  APP_URL: optional(z.url()),
  CONFIRMATIONS: app.CONFIRMATIONS,
  SMTP_URL: app.SMTP_URL,
  MQTT_URL: app.MQTT_URL,
  MAIL_FROM: app.MAIL_FROM,
  /** The demo organisations and logins: on by default with the embedded database and chain only. */
  DEMO: optional(z.enum(["on", "off"])),
  /** The demo story's lots on a fresh ledger; the e2e stack turns them off to keep tests independent. */
  DEMO_LOTS: optional(z.enum(["on", "off"])),
});

export type StartEnv = z.infer<typeof startEnvSchema>;

export function readStartEnv(source: Record<string, string | undefined> = process.env): StartEnv {
  // Checked here too, so a half-configured mail server stops `npm start` before anything starts.
  return parseEnv(startEnvSchema.superRefine(requireMailFrom), source);
}

export type DemoMode = { isOn: true } | { isOn: false; why: string };

/**
 * The demo organisations, with their public password and on-chain roles, exist only where nobody's
 * real data can be: the embedded database and chain, unless DEMO=off. A database or chain of the
 * operator's (DATABASE_URL, RPC_URL) is never given them, and DEMO=on there is refused.
 */
export function demoModeOf(env: Pick<StartEnv, "DEMO" | "DATABASE_URL" | "RPC_URL">): DemoMode {
  const external = (["DATABASE_URL", "RPC_URL"] as const).filter((name) => env[name]);
  if (env.DEMO === "off") return { isOn: false, why: "DEMO is off" };
  if (external.length === 0) return { isOn: true };
  const names = external.join(" and ");
  const isAre = external.length > 1 ? "are" : "is";
  if (env.DEMO === "on") {
    throw new ConfigError([
      `DEMO is "on", but ${names} ${isAre} set: the demo organisations and their public password are only for the embedded database and chain, so unset DEMO (or unset ${names} to try the demo).`,
    ]);
  }
  return { isOn: false, why: `${names} ${isAre} set` };
}
