import "server-only";
import { listenTo } from "@/lib/db/notify";

/** The channel prisma/migrations/…_provenance_change_feed notifies: changed lot ids, or "*". */
export const PROVENANCE_CHANNEL = "lotledger_provenance";
/** What depends on every lot at once (a product's page lists its lots). */
export const ANY_LOT = "*";
const MAX_TRACKED = 100_000;

/**
 * Which cached reads are still current, from the database's own change notifications. Every
 * notification advances `epoch`; a read that started at epoch E about lot L is current while L has
 * not changed since E. While the feed is not listening (starting, or reconnecting after a lost
 * connection) nothing counts as current, so callers read the database every time; after a reconnect
 * everything older counts as changed, since notifications may have been missed meanwhile.
 */
export class ChangeFeed {
  private epoch = 0;
  private flushedAt = 0;
  private readonly changedAt = new Map<string, number>();
  private isListening = false;

  /** The epoch to stamp a read that starts now, or null when no read may be cached. */
  startRead(): number | null {
    return this.isListening ? this.epoch : null;
  }

  /** True while nothing `key` depends on has changed since the read stamped `epoch`. */
  isCurrent(key: string, epoch: number): boolean {
    return this.isListening && epoch >= this.flushedAt && epoch >= (this.changedAt.get(key) ?? 0);
  }

  /** A notification's payload: lot ids, comma-separated, or "*". */
  receive(payload: string): void {
    this.epoch++;
    if (payload === "*" || this.changedAt.size > MAX_TRACKED) {
      this.changedAt.clear();
      this.flushedAt = this.epoch;
      return;
    }
    for (const lotId of payload.split(",")) this.changedAt.set(lotId, this.epoch);
    this.changedAt.set(ANY_LOT, this.epoch);
  }

  setListening(isListening: boolean): void {
    if (isListening && !this.isListening) this.receive("*");
    this.isListening = isListening;
  }
}

/**
 * LISTENs on its own connection for as long as the process runs, reconnecting after a second when
 * the connection is lost (lib/db/notify). Returns at once; `feed` starts counting reads as current
 * once listening.
 */
export function listenForChanges(databaseUrl: string, feed: ChangeFeed): { stop(): Promise<void> } {
  return listenTo(
    databaseUrl,
    PROVENANCE_CHANNEL,
    (payload) => feed.receive(payload || ANY_LOT),
    (isListening) => feed.setListening(isListening),
  );
}

/** The lot ids (or ANY_LOT) a value depends on: one, several (a lot and its sources), or null. */
export type Dependency = string | readonly string[] | null;
type Loaded<V> = { value: V; dependsOn: Dependency };
type Entry<V> = { epoch: number; dependsOn: readonly string[]; value: V };

/**
 * Values read from the database, kept while the change feed says nothing they depend on (lot ids,
 * or ANY_LOT) has changed since the read started. A loader answers `dependsOn: null` for a value
 * that must never be cached. At most `maxEntries`, the least recently stored dropped first.
 */
export class FreshCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly loading = new Map<string, { epoch: number; promise: Promise<Loaded<V>> }>();

  constructor(
    private readonly feed: ChangeFeed,
    private readonly maxEntries: number,
  ) {}

  /** The value if it is cached and still current; synchronous, for the web server's fast path. */
  peek(key: string): V | undefined {
    const entry = this.entries.get(key);
    return entry && this.isCurrent(entry.dependsOn, entry.epoch) ? entry.value : undefined;
  }

  async get(key: string, load: () => Promise<Loaded<V>>): Promise<V> {
    const hit = this.peek(key);
    if (hit !== undefined) return hit;
    const epoch = this.feed.startRead();
    if (epoch === null) return (await load()).value;
    // Concurrent misses share one read, unless anything changed since it started.
    const pending = this.loading.get(key);
    if (pending && pending.epoch === epoch) return (await pending.promise).value;
    const promise = load();
    this.loading.set(key, { epoch, promise });
    try {
      const loaded = await promise;
      const dependsOn = loaded.dependsOn === null ? null : [loaded.dependsOn].flat();
      if (dependsOn !== null && this.isCurrent(dependsOn, epoch)) {
        this.entries.delete(key);
        if (this.entries.size >= this.maxEntries) {
          this.entries.delete(this.entries.keys().next().value as string);
        }
        this.entries.set(key, { epoch, dependsOn, value: loaded.value });
      }
      return loaded.value;
    } finally {
      if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
    }
  }

  private isCurrent(dependsOn: readonly string[], epoch: number): boolean {
    return dependsOn.every((key) => this.feed.isCurrent(key, epoch));
  }
}
