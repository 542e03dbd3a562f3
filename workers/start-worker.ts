import type { z } from "zod";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { ConfigError, parseEnv } from "@/lib/env";

/**
 * What every background process of LotLedger starts with: its validated configuration, a database
 * client, the LotTracker deployment it works on, and a signal that aborts on SIGINT/SIGTERM.
 */
export async function startWorker<S extends z.ZodType<{ DATABASE_URL: string; CHAIN_ID: number }>>(
  name: string,
  schema: S,
): Promise<{
  env: z.infer<S>;
  db: Db;
  deployment: { address: string; blockNumber: number };
  signal: AbortSignal;
}> {
  let env: z.infer<S>;
  try {
    env = parseEnv(schema);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  const db = createPrismaClient(env.DATABASE_URL);
  const deployment = await db.contractDeployment.findUnique({ where: { chainId: env.CHAIN_ID } });
  if (!deployment) {
    console.error(
      `${name}: no LotTracker contract is recorded for chain ${env.CHAIN_ID}; run \`npm start\` first.`,
    );
    process.exit(1);
  }
  const controller = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => controller.abort());
  return { env, db, deployment, signal: controller.signal };
}
