// A deployed contract's runtime code differs from the compiler's wherever its constructor wrote an
// immutable (LotTracker's EIP-712 domain caches the chain id and its own address). Both sides zero
// those bytes before hashing, so a restart recognises its own build (tools/stack/contract.ts).

/** The runtime code with the immutables' byte ranges ([start, length]) zeroed. */
export function withoutImmutables(
  code: string,
  ranges: readonly (readonly [number, number])[],
): string {
  const bytes = Buffer.from(code.slice(2), "hex");
  for (const [start, length] of ranges) bytes.fill(0, start, start + length);
  return `0x${bytes.toString("hex")}`;
}
