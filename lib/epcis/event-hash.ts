import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/chain/payload";

// PLACEHOLDER until branch `hash` lands: the real CBV 2.0 canonicalisation replaces this file at
// merge (same signature). Keeps the fields the hash ignores out, so an error declaration and the
// event it corrects share an ID, as with the real one.

/** The event's hash ID, `ni:///sha-256;…?ver=CBV2.0`. */
export function eventHashId(event: Record<string, unknown>): string {
  const { eventID: _id, recordTime: _recorded, errorDeclaration: _error, ...hashed } = event;
  const digest = createHash("sha256").update(canonicalJson(hashed)).digest("hex");
  return `ni:///sha-256;${digest}?ver=CBV2.0`;
}
