import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createProvider, type NodeProvider } from "@/lib/chain/provider";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { parseEnv } from "@/lib/env";
import { startAnvil } from "@/tools/chain/anvil";
import { startEmbeddedPostgres } from "@/tools/db/embedded-postgres";
import { readChainId } from "../stack/chain-id";
import { startEnvSchema } from "../stack/start-env";

export type DatabaseAndChain = {
  db: Db;
  provider: NodeProvider;
  chainId: number;
  close(): Promise<void>;
};

export type LedgerConnection = DatabaseAndChain & { contractAddress: string; startBlock: number };

/**
 * The database and chain a maintenance command works on: DATABASE_URL and RPC_URL when set, else the
 * embedded ones under DATA_DIR — the running `npm start`'s if it is up, or started just for the
 * command. The contract is the one recorded in the database, or CONTRACT_ADDRESS / DEPLOYMENT_BLOCK
 * for an empty database being rebuilt.
 */
export async function connectLedger(): Promise<LedgerConnection> {
  const connection = await connectDatabaseAndChain();
  const env = parseEnv(startEnvSchema);
  const { db, chainId } = connection;
  try {
    let deployment = await db.contractDeployment.findUnique({ where: { chainId } });
    if (!deployment && env.CONTRACT_ADDRESS) {
      deployment = await db.contractDeployment.create({
        data: {
          chainId,
          address: env.CONTRACT_ADDRESS,
          blockNumber: env.DEPLOYMENT_BLOCK ?? 0,
          txHash: "",
        },
      });
    }
    if (!deployment) {
      throw new Error(
        `The database records no LotTracker on chain ${chainId}: set CONTRACT_ADDRESS and DEPLOYMENT_BLOCK.`,
      );
    }
    return {
      ...connection,
      contractAddress: deployment.address,
      startBlock: deployment.blockNumber,
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}

/** The same database and chain, for a command that may find no contract recorded on this chain. */
export async function connectDatabaseAndChain(): Promise<DatabaseAndChain> {
  const env = parseEnv(startEnvSchema);
  const closers: Array<() => Promise<void>> = [];
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const dir = path.resolve(env.DATA_DIR, "postgres");
    const passwordFile = path.join(dir, "lotledger-password");
    if (!existsSync(passwordFile)) {
      throw new Error(
        `There is no LotLedger database in ${dir}: run \`npm start\` once, or set DATABASE_URL.`,
      );
    }
    if (existsSync(path.join(dir, "postmaster.pid"))) {
      const password = readFileSync(passwordFile, "utf8");
      databaseUrl = `postgresql://postgres:${password}@127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/lotledger`;
    } else {
      const postgres = await startEmbeddedPostgres({
        dataDir: dir,
        port: env.EMBEDDED_POSTGRES_PORT,
      });
      closers.push(() => postgres.stop());
      databaseUrl = postgres.databaseUrl;
    }
  }
  let rpcUrl = env.RPC_URL ?? `http://127.0.0.1:${env.ANVIL_PORT}`;
  const chainId = await readChainId(rpcUrl).catch(async (error: unknown) => {
    if (env.RPC_URL) throw error;
    const anvil = await startAnvil({
      port: env.ANVIL_PORT,
      stateFile: path.resolve(env.DATA_DIR, "anvil", "state.json"),
    });
    closers.push(() => anvil.stop());
    rpcUrl = anvil.rpcUrl;
    return readChainId(rpcUrl);
  });
  const db = createPrismaClient(databaseUrl);
  closers.push(() => db.$disconnect());
  const provider = createProvider(rpcUrl, chainId);
  return {
    db,
    provider,
    chainId,
    async close() {
      provider.destroy();
      for (const close of closers.reverse()) await close();
    },
  };
}
