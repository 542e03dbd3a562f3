import { Wallet } from "ethers";
import { LotTracker__factory } from "@/lib/chain/generated";
import { ConfigError, parseEnv } from "@/lib/env";
import { removeDemoData } from "../stack/demo-accounts";
import { ANVIL_DEV_KEY } from "../stack/prepare";
import { startEnvSchema } from "../stack/start-env";
import type { CliCommand } from "./command";
import { connectDatabaseAndChain } from "./ledger-connection";

const demo: CliCommand = {
  usage: `Usage: npm run lotledger -- demo remove
  removes the demo accounts (…@lotledger.demo, password "lotledger-demo") from the database at
  DATABASE_URL (else the embedded one), revokes the demo organisations' LotTracker roles on the chain
  at RPC_URL when DEPLOYER_PRIVATE_KEY (the contract admin) is set, and deletes the demo
  organisations that never wrote to the ledger. \`npm start\` refuses to serve while a demo account
  is left outside demo mode; on the embedded stack, start with DEMO=off to keep them away.`,
  async run(args) {
    if (args.length !== 1 || args[0] !== "remove") {
      console.error(demo.usage);
      return 2;
    }
    let env: ReturnType<typeof parseEnv<typeof startEnvSchema>>;
    try {
      env = parseEnv(startEnvSchema);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      for (const problem of error.problems) console.error(`demo remove: ${problem}`);
      return 1;
    }
    const adminKey = env.DEPLOYER_PRIVATE_KEY ?? (env.RPC_URL ? undefined : ANVIL_DEV_KEY);
    const ledger = await connectDatabaseAndChain().catch((error: Error) => error);
    if (ledger instanceof Error) {
      console.error(`demo remove: ${ledger.message}`);
      return 1;
    }
    try {
      const runner = adminKey ? new Wallet(adminKey, ledger.provider) : ledger.provider;
      const deployment = await ledger.db.contractDeployment.findUnique({
        where: { chainId: ledger.chainId },
      });
      const outcome = await removeDemoData({
        db: ledger.db,
        provider: ledger.provider,
        lotTracker: deployment
          ? LotTracker__factory.connect(deployment.address, runner)
          : undefined,
        isContractAdmin: adminKey !== undefined,
      });
      console.log(`demo remove: ${outcome.accounts} demo account(s) removed`);
      if (outcome.revoked.length > 0)
        console.log(`demo remove: LotTracker roles revoked: ${outcome.revoked.join(", ")}`);
      if (outcome.removed.length > 0)
        console.log(`demo remove: organisations removed: ${outcome.removed.join(", ")}`);
      if (outcome.rolesLeft.length > 0) {
        console.error(
          `demo remove: ${outcome.rolesLeft.join(", ")} still hold their LotTracker role: run again with DEPLOYER_PRIVATE_KEY set to the contract admin's key to revoke it.`,
        );
        return 1;
      }
      if (outcome.kept.length > 0)
        console.log(
          `demo remove: kept ${outcome.kept.join(", ")} (with no one to sign in): their ledger history stays readable`,
        );
      return 0;
    } finally {
      await ledger.close();
    }
  },
};

export default demo;
