import { isHexString } from "ethers";
import { COLD_CHAIN_REFUSALS } from "./cold-chain-refusals";
import { LotTracker__factory } from "./generated";

// ethers wraps what the node said in layers that differ by call path (estimateGas, staticCall, a
// signer's send) and by library version, so both helpers search the nested errors instead of
// trusting one shape.

const lotTrackerInterface = LotTracker__factory.createInterface();

/** Node errors that mean nothing answered at the other end. */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "EPIPE",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
  // ethers' own request timeout (FetchRequest.timeout).
  "TIMEOUT",
]);
/** A proxy or load balancer in front of the node answering for it. */
const GATEWAY_STATUSES = /^(502|503|504)\b/;
const MAX_DEPTH = 6;

type Layer = Record<string, unknown>;

/** The error and every error nested in it through `error`, `info.error` and `cause`. */
function layersOf(error: unknown): Layer[] {
  const layers: Layer[] = [];
  let pending: unknown[] = [error];
  for (let depth = 0; depth < MAX_DEPTH && pending.length > 0; depth += 1) {
    const next: unknown[] = [];
    for (const candidate of pending) {
      if (
        typeof candidate !== "object" ||
        candidate === null ||
        layers.includes(candidate as Layer)
      ) {
        continue;
      }
      const layer = candidate as Layer;
      layers.push(layer);
      const info = layer.info as Layer | undefined;
      next.push(layer.error, layer.cause, info?.error);
    }
    pending = next;
  }
  return layers;
}

/**
 * The LotTracker custom error (or inherited AccessControl error) a failed call reverted with, e.g.
 * `{ name: "LotTrackerLotExists", args: [lotId] }`; null when the error carries no revert data this
 * contract declares. Reverts of mined transactions carry no data, so decode the simulation's error.
 */
export function decodeLotTrackerError(error: unknown): { name: string; args: unknown[] } | null {
  for (const layer of layersOf(error)) {
    const data = layer.data;
    if (!isHexString(data) || data.length < 10) continue;
    const parsed = lotTrackerInterface.parseError(data);
    if (parsed) return { name: parsed.name, args: [...parsed.args] };
  }
  return null;
}

/** True when the JSON-RPC node could not be reached (refused, unresolvable, timed out, gateway down). */
export function isLedgerUnreachable(error: unknown): boolean {
  return layersOf(error).some((layer) => {
    if (typeof layer.code === "string" && UNREACHABLE_CODES.has(layer.code)) return true;
    if (layer.code === "SERVER_ERROR") {
      const status = (layer.info as Layer | undefined)?.responseStatus;
      return typeof status === "string" && GATEWAY_STATUSES.test(status);
    }
    // Node's fetch reports every network failure as this TypeError, the reason in `cause`.
    return layer instanceof TypeError && layer.message === "fetch failed";
  });
}

type Revert = { name: string; args: unknown[] };

// What each refusal means to the person who asked for it; the contract's error names are not for users.
const REFUSALS: Record<string, (revert: Revert) => string> = {
  LotTrackerLotExists: () =>
    "This lot code is already on the ledger for this product: give a new batch a new lot code.",
  LotTrackerUnauthorizedGtin: () =>
    "The ledger refused: this GTIN's GS1 company prefix is not registered to your organisation on the ledger. Ask your LotLedger administrator to register your prefix.",
  LotTrackerGtinOnLedger: () =>
    "The ledger refused: this GTIN belongs to an organisation on LotLedger, which registers its own lots. Ask it to ship the lot to you on LotLedger.",
  AccessControlUnauthorizedAccount: () =>
    "The ledger refused: your organisation's account is not registered for this action. Ask your LotLedger administrator to register it.",
  ...COLD_CHAIN_REFUSALS,
};

/**
 * The sentence for a write the ledger will never accept as it stands (a revert, no funds for fees),
 * or null when the failure is passing (node down, timeout) or unknown and the write should be retried.
 */
export function describeLedgerRefusal(error: unknown): string | null {
  const revert = decodeLotTrackerError(error);
  if (revert) {
    return (
      REFUSALS[revert.name] ?? (() => `The ledger refused the transaction (${revert.name}).`)
    )(revert);
  }
  if (hasCode(error, "INSUFFICIENT_FUNDS")) {
    return "Your organisation's ledger account cannot pay the transaction fee: ask your LotLedger administrator to fund it, then record this again.";
  }
  if (hasCode(error, "CALL_EXCEPTION")) return "The ledger refused the transaction.";
  return null;
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === code;
}
