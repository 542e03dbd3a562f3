import type { TestProject } from "vitest/node";
import { findFreePort, startAnvil } from "@/tools/chain/anvil";

declare module "vitest" {
  export interface ProvidedContext {
    /** JSON-RPC URL of the anvil node shared by the `contracts` test project (chain id 31337). */
    rpcUrl: string;
  }
}

// One in-memory node for the whole run: starting anvil takes well under a second, but deploying per
// file is enough isolation since every test file deploys its own contract.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const anvil = await startAnvil({ port: await findFreePort() });
  project.provide("rpcUrl", anvil.rpcUrl);
  return () => anvil.stop();
}
