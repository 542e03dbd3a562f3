import { keccak256, toUtf8Bytes } from "ethers";

export type PayloadValue =
  | string
  | number
  | boolean
  | null
  | PayloadValue[]
  | { [key: string]: PayloadValue };

/**
 * Canonical JSON (keys sorted at every level, no whitespace), so the same payload always hashes to the
 * same on-chain value wherever it is re-checked: by the indexer, by `verify`, or by an auditor.
 */
export function canonicalJson(value: PayloadValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as PayloadValue)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function hashPayload(value: PayloadValue): string {
  return keccak256(toUtf8Bytes(canonicalJson(value)));
}
