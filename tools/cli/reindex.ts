import { indexNextBatch } from "@/lib/indexer/indexer";
import type { CliCommand } from "./command";
import { connectLedger } from "./ledger-connection";

const reindex: CliCommand = {
  usage: `Usage: npm run lotledger -- reindex
  empties the read model (events, lots, lineage, checkpoint) and rebuilds it from the chain alone,
  from LotTracker's deployment block. Stop LotLedger's indexer first. Off-chain payloads are kept.`,
  async run(args) {
    if (args.length > 0) {
      console.error(reindex.usage);
      return 2;
    }
    const ledger = await connectLedger();
    try {
      const { db, chainId } = ledger;
      await db.$transaction([
        db.lotLineage.deleteMany({ where: { child: { chainId } } }),
        db.lot.deleteMany({ where: { chainId } }),
        db.ledgerEvent.deleteMany({ where: { chainId } }),
        db.indexerCheckpoint.deleteMany({ where: { chainId } }),
      ]);
      const started = performance.now();
      let events = 0;
      for (;;) {
        const batch = await indexNextBatch({ ...ledger, confirmations: 0 });
        if (batch.blocks === 0) break;
        events += batch.events;
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `reindex: ${events} events and ${await db.lot.count({ where: { chainId } })} lots rebuilt from chain ${chainId} in ${seconds.toFixed(1)} s`,
      );
      return 0;
    } finally {
      await ledger.close();
    }
  },
};

export default reindex;
