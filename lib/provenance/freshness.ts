/**
 * Decides, per Digital Link path, whether Next's cached page (ISR, revalidated at most once a
 * second, and only when visited) can be trusted to be current. It can while visits keep coming:
 * each visit older than a second re-renders it in the background. After a quiet spell longer than
 * QUIET_MS the cached page may be arbitrarily old, so visits for the next WARM_MS are rendered live
 * while one background visit refreshes the cache. If this state is lost (a restart, another
 * instance) every path looks quiet: the live route answers, which is always correct.
 */
export const QUIET_MS = 1_000;
export const WARM_MS = 1_000;
const MAX_PATHS = 50_000;

type PathState = { lastSeen: number; cachedFrom: number };
const paths = new Map<string, PathState>();

export type FreshnessDecision = { route: "cached" | "live"; refreshCache: boolean };

export function decideFreshness(path: string, now: number): FreshnessDecision {
  const state = paths.get(path);
  if (!state || now - state.lastSeen > QUIET_MS) {
    if (!state && paths.size >= MAX_PATHS) paths.delete(paths.keys().next().value as string);
    paths.set(path, { lastSeen: now, cachedFrom: now + WARM_MS });
    return { route: "live", refreshCache: true };
  }
  state.lastSeen = now;
  return { route: now >= state.cachedFrom ? "cached" : "live", refreshCache: false };
}
