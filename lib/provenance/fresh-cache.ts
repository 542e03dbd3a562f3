import type { ChangeFeed } from "./change-feed";

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
