/** A small seeded PRNG (mulberry32), so a chaos run can be replayed with `--seed`. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Victim = {
  name: string;
  kill(): Promise<void>;
  restart(): Promise<void>;
  /** Whether it has come back up since its last kill (crashes strike running processes). */
  isUp?(): Promise<boolean>;
};

/**
 * Until stopped: every 1–3 s, SIGKILLs one victim at random among those that are up, leaves it dead
 * for 0.2–1.5 s, and starts it again. Returns a stop function that waits for the current round and
 * reports the kills.
 */
export function startMonkey(victims: Victim[], random: () => number, log: (line: string) => void) {
  let running = true;
  const kills: Record<string, number> = {};
  const pause = (min: number, max: number) =>
    new Promise((resolve) => setTimeout(resolve, min + random() * (max - min)));
  const done = (async () => {
    while (running) {
      await pause(1_000, 3_000);
      if (!running) break;
      const up = await Promise.all(victims.map((v) => v.isUp?.() ?? true));
      const candidates = victims.filter((_, i) => up[i]);
      if (candidates.length === 0) continue;
      const victim = candidates[Math.floor(random() * candidates.length)] as Victim;
      await victim.kill();
      kills[victim.name] = (kills[victim.name] ?? 0) + 1;
      log(`chaos: killed ${victim.name}`);
      await pause(200, 1_500);
      // A restart can fail on a loaded machine (a port not yet free): try again, as an operator would.
      for (let tries = 1; ; tries++) {
        try {
          await victim.restart();
          break;
        } catch (error) {
          if (tries === 5) throw error;
          log(
            `chaos: restarting ${victim.name} failed (${(error as Error).message}); again in 1 s`,
          );
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
      }
    }
  })();
  return async () => {
    running = false;
    await done;
    return kills;
  };
}
