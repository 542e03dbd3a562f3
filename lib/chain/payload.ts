import { keccak256, toUtf8Bytes } from "ethers";
import type { Db } from "@/lib/db/client";

export type PayloadValue =
  | string
  | number
  | boolean
  | null
  | PayloadValue[]
  | { [key: string]: PayloadValue };

/**
 * Canonical JSON (keys sorted at every level, no whitespace), so the same payload always hashes to the
 * same on-chain value wherever it is re-checked: by the indexer, by `verify`, or by an auditor. A
 * member whose value is undefined is left out, as JSON.stringify and the database's JSON column do.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => record[key] !== undefined);
    return `{${keys
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The keccak256 of a payload's canonical JSON: what goes on the chain for it. */
export function hashPayload(value: unknown): string {
  return keccak256(toUtf8Bytes(canonicalJson(value)));
}

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
