import { verifyLedger } from "@/lib/indexer/verify";
import type { CliCommand } from "./command";
import { connectLedger } from "./ledger-connection";

const verify: CliCommand = {
  usage: `Usage: npm run verify   (or npm run lotledger -- verify)
  re-reads LotTracker's logs from the deployment block and compares them with the database; prints
  each missing, extra or changed event, each payload that no longer matches its on-chain hash and
  each event the indexer quarantined (with the reason) on one line, then a summary; exit code 1 on
  any difference (quarantined events are accounted for, not differences)`,
  async run(args) {
    if (args.length > 0) {
      console.error(verify.usage);
      return 2;
    }
    const ledger = await connectLedger();
    try {
      const report = await verifyLedger(ledger);
      const differences = [
        ...report.missing,
        ...report.extra,
        ...report.changed,
        ...report.payloads,
      ];
      for (const line of [...differences, ...report.quarantined]) console.log(line);
      console.log(
        `verify: ${report.checkedEvents} events on chain ${ledger.chainId} up to block ${report.toBlock}: ${report.missing.length} missing, ${report.extra.length} extra, ${report.changed.length} changed, ${report.payloads.length} payloads not matching, ${report.quarantined.length} quarantined`,
      );
      return differences.length === 0 ? 0 : 1;
    } finally {
      await ledger.close();
    }
  },
};

export default verify;
