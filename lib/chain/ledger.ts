import "server-only";
import { type JsonRpcProvider, Wallet } from "ethers";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { decryptSigningKey } from "@/lib/organizations/signing-key";
import { type LotTracker, LotTracker__factory } from "./generated";
import { createProvider } from "./provider";

const holder = globalThis as {
  lotledgerProvider?: JsonRpcProvider;
  lotledgerContract?: Map<number, string>;
};

/** The app's connection to the configured chain (RPC_URL, CHAIN_ID). */
export function getProvider(): JsonRpcProvider {
  const env = getEnv();
  holder.lotledgerProvider ??= createProvider(env.RPC_URL, env.CHAIN_ID);
  return holder.lotledgerProvider;
}

/** The LotTracker address recorded for this chain when `npm start` deployed or adopted it. */
export async function getContractAddress(db: Db, chainId = getEnv().CHAIN_ID): Promise<string> {
  holder.lotledgerContract ??= new Map();
  const known = holder.lotledgerContract.get(chainId);
  if (known) return known;
  const deployment = await db.contractDeployment.findUnique({ where: { chainId } });
  if (!deployment) {
    throw new AppError(
      "LEDGER_UNREACHABLE",
      `No LotTracker contract is recorded for chain ${chainId}: start LotLedger with \`npm start\` (or set CONTRACT_ADDRESS) so it can deploy or adopt one.`,
    );
  }
  holder.lotledgerContract.set(chainId, deployment.address);
  return deployment.address;
}

// Transactions of one organisation go out one at a time, so two requests never take the same nonce.
const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `send` with the LotTracker contract signed by the organisation's own key. Sends by the same
 * organisation are serialised in this process.
 */
export async function withOrganizationSigner<T>(
  db: Db,
  organization: { chainAddress: string; encryptedKey: string },
  send: (lotTracker: LotTracker) => Promise<T>,
): Promise<T> {
  const address = await getContractAddress(db);
  const wallet = new Wallet(
    decryptSigningKey(organization.encryptedKey, getEnv().MASTER_KEY),
    getProvider(),
  );
  const previous = queues.get(organization.chainAddress) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(() => send(LotTracker__factory.connect(address, wallet)));
  queues.set(organization.chainAddress, next);
  try {
    return await next;
  } finally {
    if (queues.get(organization.chainAddress) === next) queues.delete(organization.chainAddress);
  }
}
