import "server-only";
import type { JsonRpcProvider } from "ethers";
import { getEnv } from "@/lib/env";
import { createProvider } from "./provider";

const holder = globalThis as { lotledgerProvider?: JsonRpcProvider };

/** The web app's read connection to the configured chain (RPC_URL, CHAIN_ID); it never signs. */
export function getProvider(): JsonRpcProvider {
  const env = getEnv();
  holder.lotledgerProvider ??= createProvider(env.RPC_URL, env.CHAIN_ID);
  return holder.lotledgerProvider;
}
