import "server-only";
import { getPublicDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { ChangeFeed, FreshCache, listenForChanges } from "./change-feed";
import { getProvenance, type Provenance } from "./get-provenance";
import { type LotPackages, loadLotPackages } from "./package-proof";

/** A resolver answer ready to write: the body as bytes, gzipped once, and its ETag. */
export type PreparedAnswer = {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  gzip: Buffer | null;
};

/**
 * The public side's reads, each cached until the database says something it depends on changed
 * (change-feed.ts): a lot's provenance, its package tree, and whole resolver answers.
 */
export class ProvenanceReadModel {
  readonly provenance: FreshCache<Provenance | null>;
  readonly packages: FreshCache<LotPackages>;
  readonly answers: FreshCache<PreparedAnswer>;

  constructor(
    readonly db: Db,
    readonly feed: ChangeFeed,
  ) {
    this.provenance = new FreshCache(feed, 10_000);
    this.packages = new FreshCache(feed, 1_000);
    this.answers = new FreshCache(feed, 20_000);
  }

  getProvenance(lotId: string): Promise<Provenance | null> {
    return this.provenance.get(lotId, async () => {
      const value = await getProvenance({ db: this.db, lotId });
      return { value, dependsOn: value?.lineageLotIds ?? lotId };
    });
  }

  getLotPackages(lotId: string): Promise<LotPackages> {
    return this.packages.get(lotId, async () => ({
      value: await loadLotPackages(this.db, lotId),
      dependsOn: lotId,
    }));
  }
}

const holder = globalThis as { lotledgerProvenance?: ProvenanceReadModel };

/** The web process's read model, listening for changes on its own database connection. */
export function getProvenanceReadModel(): ProvenanceReadModel {
  if (!holder.lotledgerProvenance) {
    const feed = new ChangeFeed();
    listenForChanges(getEnv().DATABASE_URL, feed);
    holder.lotledgerProvenance = new ProvenanceReadModel(getPublicDb(), feed);
  }
  return holder.lotledgerProvenance;
}
