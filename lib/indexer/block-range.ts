// How many blocks the next eth_getLogs asks for, per contract. Two things bound it:
// - the events' density: without it a crowded chain makes every batch fetch far more logs than it
//   writes (a hint learned from the last batch; any value works);
// - what the node accepts: hosted nodes refuse a range that is too wide or returns too many logs
//   ("query returned more than 10000 results", "block range too large"). A refused range halves the
//   ceiling, down to one block; after GROW_AFTER reads in a row are accepted it doubles again, so a
//   passing limit (a busy node, a burst of events) costs a few smaller batches, not the node's speed
//   for ever.

/** Accepted reads in a row before the ceiling doubles. */
const GROW_AFTER = 8;

type Range = { hint: number; ceiling: number; accepted: number };
const ranges = new Map<string, Range>();

function rangeOf(key: string, maxBlocks: number): Range {
  let range = ranges.get(key);
  if (!range) {
    range = { hint: maxBlocks, ceiling: maxBlocks, accepted: 0 };
    ranges.set(key, range);
  }
  return range;
}

/** The number of blocks to read next (at least 1). */
export function nextBlockRange(key: string, maxBlocks: number): number {
  const range = rangeOf(key, maxBlocks);
  return Math.max(1, Math.min(maxBlocks, range.ceiling, range.hint));
}

/** After a read the node answered: learns the density and lets the ceiling grow back. */
export function rangeAccepted(
  key: string,
  {
    blocks,
    events,
    maxBlocks,
    maxEvents,
  }: { blocks: number; events: number; maxBlocks: number; maxEvents: number },
): void {
  const range = rangeOf(key, maxBlocks);
  range.hint = Math.max(1, Math.floor((blocks * maxEvents) / (events || 1)));
  range.accepted += 1;
  if (range.accepted >= GROW_AFTER && range.ceiling < maxBlocks) {
    range.ceiling = Math.min(maxBlocks, range.ceiling * 2);
    range.accepted = 0;
  }
}

/** After the node refused `blocks` blocks at once: the ceiling drops to half of that. */
export function rangeRefused(key: string, blocks: number, maxBlocks: number): number {
  const range = rangeOf(key, maxBlocks);
  range.ceiling = Math.max(1, Math.floor(blocks / 2));
  range.accepted = 0;
  return nextBlockRange(key, maxBlocks);
}
