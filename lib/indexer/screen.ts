import { getBytes, isHexString } from "ethers";
import { lotIdOf } from "@/lib/chain/lot-id";
import type { Tx } from "@/lib/db/client";
import type { DecodedLog, RejectedLog } from "./decode";

// LotTracker checks what it is given, but the chain keeps whatever a contract once emitted: an older
// deployment, or a future bug, can log a lot code that is not text, or a lot derived from a parent
// this read model never saw. Each such event would make the batch fail (a NUL the database refuses, a
// decoded code that collides with another lot's, a lineage link to a missing lot), and the indexer
// would retry it for ever. They are screened out first and quarantined with the reason.

const MAX_GTIN = 99_999_999_999_999n; // 14 digits
/** The events that register a lot: each carries its GTIN and lot code. */
const REGISTRATIONS = ["LotCreated", "LotDerived", "LotReceived"];
const LOT_CODE_BYTES = 20;

/** Splits a batch's events into those the read model can apply and those it must quarantine. */
export async function screenEvents(
  tx: Tx,
  events: readonly DecodedLog[],
): Promise<{ accepted: DecodedLog[]; rejected: RejectedLog[] }> {
  const known = await existingParents(tx, events);
  const accepted: DecodedLog[] = [];
  const rejected: RejectedLog[] = [];
  for (const event of events) {
    const reason = reasonToRefuse(event, known);
    if (!reason) {
      accepted.push(event);
      if (REGISTRATIONS.includes(event.name)) known.add(lotIdArg(event));
      continue;
    }
    rejected.push({ ...event, lotId: lotIdArg(event) || null, reason });
  }
  return { accepted, rejected };
}

function reasonToRefuse(event: DecodedLog, known: Set<string>): string | null {
  if (!REGISTRATIONS.includes(event.name)) return null;
  const { gtin, lotCode } = event.args;
  const code = typeof lotCode === "string" ? readLotCode(lotCode) : null;
  if (code === null) {
    return `its lot code ${String(lotCode)} is not 1 to 20 printable ASCII characters followed only by zero bytes`;
  }
  const gtinNumber = typeof gtin === "string" && /^\d+$/.test(gtin) ? BigInt(gtin) : 0n;
  if (gtinNumber < 1n || gtinNumber > MAX_GTIN)
    return `its GTIN ${String(gtin)} is not 1 to 14 digits`;
  const lotId = lotIdOf(gtinNumber.toString().padStart(14, "0"), code);
  if (lotId !== lotIdArg(event)) return "its lot id is not the one its GTIN and lot code give";
  if (event.name === "LotDerived") {
    const parentIds = Array.isArray(event.args.parentIds) ? event.args.parentIds : [];
    const missing = parentIds.find((parentId) => !known.has(parentId));
    if (missing) {
      return `its parent lot ${missing} is not in the read model (never indexed, or quarantined itself)`;
    }
  }
  return null;
}

/**
 * The lot code a `bytes20` holds when it is what LotTracker means one to be: 1 to 20 printable ASCII
 * characters (GS1 AI 10 has no space), then only zero bytes. Null for anything else, so that no two
 * different on-chain codes read as the same text (a NUL in the middle used to cut the code short).
 */
export function readLotCode(lotCode: string): string | null {
  if (!isHexString(lotCode, LOT_CODE_BYTES)) return null;
  const bytes = getBytes(lotCode);
  const end = bytes.indexOf(0) === -1 ? bytes.length : bytes.indexOf(0);
  if (end === 0 || bytes.subarray(end).some((byte) => byte !== 0)) return null;
  if (bytes.subarray(0, end).some((byte) => byte < 0x21 || byte > 0x7e)) return null;
  return String.fromCharCode(...bytes.subarray(0, end));
}

function lotIdArg(event: DecodedLog): string {
  return typeof event.args.lotId === "string" ? event.args.lotId : "";
}

/** The parents named by the batch's LotDerived events that the read model already holds. */
async function existingParents(tx: Tx, events: readonly DecodedLog[]): Promise<Set<string>> {
  const parentIds = new Set<string>();
  for (const event of events) {
    if (event.name !== "LotDerived" || !Array.isArray(event.args.parentIds)) continue;
    for (const parentId of event.args.parentIds) parentIds.add(parentId);
  }
  const ids = [...parentIds];
  const known = new Set<string>();
  for (let i = 0; i < ids.length; i += 2_000) {
    const lots = await tx.lot.findMany({
      where: { id: { in: ids.slice(i, i + 2_000) } },
      select: { id: true },
    });
    for (const lot of lots) known.add(lot.id);
  }
  return known;
}
