// What every bench's entry file does around its measurement: run it, always stop what it started
// (in reverse order, whatever happened), print the result and its targets, exit 0 only when met.

export type Cleanups = (() => Promise<unknown>)[];

/** Runs a bench's main with a list it pushes its cleanups to, then exits with main's code (1 on error). */
export function runBench(main: (cleanups: Cleanups) => Promise<number>): void {
  const cleanups: Cleanups = [];
  const finish = async (code: number) => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
    process.exit(code);
  };
  main(cleanups).then(finish, async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await finish(1);
  });
}

/**
 * Prints the result (one JSON line with --json, else indented), then one ✓/✗ line per target (a
 * ceiling the result's field of that name must not pass) to `say`; true when every target is met.
 */
export function reportTargets(
  result: Record<string, unknown>,
  targets: Record<string, number>,
  { isJson, say }: { isJson: boolean; say: (line: string) => void },
): boolean {
  console.log(isJson ? JSON.stringify(result) : JSON.stringify(result, null, 2));
  let isMet = true;
  for (const [name, target] of Object.entries(targets)) {
    const value = Number(result[name]);
    isMet &&= value <= target;
    say(`${value <= target ? "✓" : "✗"} ${name} ≤ ${target}: ${value}`);
  }
  return isMet;
}
