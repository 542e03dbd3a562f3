import { z } from "zod";
import { parseEnv } from "@/lib/env";

/**
 * What `npm start` reads. Every service is embedded unless configured: no DATABASE_URL starts
 * PostgreSQL under DATA_DIR, no RPC_URL starts anvil under DATA_DIR, no CONTRACT_ADDRESS deploys
 * LotTracker. The app's own variables are then validated by lib/env.ts in each process.
 */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

export const startEnvSchema = z.object({
  DATA_DIR: z.string().default("data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  ANVIL_PORT: z.coerce.number().int().min(1).max(65535).default(8545),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\/\S+$/)),
  RPC_URL: optional(z.string().regex(/^(https?|wss?):\/\/\S+$/)),
  CHAIN_ID: optional(z.coerce.number().int().positive()),
  CONTRACT_ADDRESS: optional(z.string().regex(/^0x[0-9a-fA-F]{40}$/)),
  DEPLOYMENT_BLOCK: optional(z.coerce.number().int().min(0)),
  DEPLOYER_PRIVATE_KEY: optional(z.string().regex(/^(0x)?[0-9a-fA-F]{64}$/)),
  MASTER_KEY: optional(z.string().regex(/^(0x)?[0-9a-fA-F]{64}$/)),
  AUTH_SECRET: optional(z.string().min(32)),
  APP_URL: optional(z.url()),
  CONFIRMATIONS: z.coerce.number().int().min(0).default(0),
});

export type StartEnv = z.infer<typeof startEnvSchema>;

export function readStartEnv(source: Record<string, string | undefined> = process.env): StartEnv {
  return parseEnv(startEnvSchema, source);
}
