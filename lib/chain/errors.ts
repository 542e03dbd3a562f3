import { isHexString } from "ethers";
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
