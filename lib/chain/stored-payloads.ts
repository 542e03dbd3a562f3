import type { Db } from "@/lib/db/client";
import { hashPayload, type PayloadValue } from "./payload";

export type StoredPayloads = {
  /** The stored bodies, by their on-chain hash. */
  bodies: Map<string, unknown>;
  /** True when a body is stored for this hash and still hashes to it: "verified on the ledger". */
  isIntact(hash: string | null): boolean;
};

/** The off-chain payloads behind these on-chain hashes, each checked against its hash. */
export async function findStoredPayloads(
  db: Db,
  hashes: readonly (string | null)[],
): Promise<StoredPayloads> {
  const wanted = [...new Set(hashes.filter((hash): hash is string => hash !== null))];
  const payloads = await db.eventPayload.findMany({ where: { hash: { in: wanted } } });
  const intact = new Set(
    payloads.filter((p) => hashPayload(p.body as PayloadValue) === p.hash).map((p) => p.hash),
  );
  return {
    bodies: new Map(payloads.map((p) => [p.hash, p.body])),
    isIntact: (hash) => hash !== null && intact.has(hash),
  };
}
