import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { glnOf } from "@/lib/epcis/event";
import { AppError } from "@/lib/errors";
import { NOT_ON_ITS_WAY } from "@/lib/events/receiving";
import { requireCarrier, requireDestination } from "@/lib/events/shipment-parties";
import { gs1CheckDigit } from "@/lib/gs1/keys";
import {
  assertCanRecord,
  assertHoldsCustody,
  requireHeldLot,
  requireLotInTransit,
} from "@/lib/lots/guards";
import { assertLotNotOnHold } from "@/lib/lots/hold-guard";
import {
  at,
  type CaptureState,
  holdsLot,
  isOnLotLedger,
  type NamedLot,
  requireHeldLots,
} from "./named-lots";
import type { EventPlan } from "./steps";

// Shipping and receiving ObjectEvents: custody moves on the ledger when both ends are LotLedger
// organisations, through the checks of the ship and receive forms; any other leg (a supplier off
// LotLedger shipping to the capturer, a delivery to a party off LotLedger) is recorded on the lot.

type Json = Record<string, unknown>;
type Party = { type: string | null; gln: string | null; field: string };

/** A source or destination list's parties: `source`/`destination` hold the id in EPCIS 2.0 JSON. */
function partiesOf(event: Json, list: "sourceList" | "destinationList"): Party[] {
  const key = list === "sourceList" ? "source" : "destination";
  const entries = Array.isArray(event[list]) ? (event[list] as Json[]) : [];
  return entries.map((entry, index) => ({
    // "owning_party", urn:epcglobal:cbv:sdt:owning_party or https://ref.gs1.org/cbv/SDT-owning_party
    type: typeof entry.type === "string" ? entry.type.replace(/^.*[-:]/, "") : null,
    gln: typeof entry[key] === "string" ? glnOfId(entry[key] as string) : null,
    field: `/${list}/${index}/${key}`,
  }));
}

const SGLN = /^urn:epc:id:(?:sgln|pgln):(\d+)\.(\d*)(?:\.[^.]*)?$/;

/** The GLN of a party or location id: a Digital Link (414/417) or an SGLN/PGLN EPC URI. */
function glnOfId(id: string): string | null {
  const urn = SGLN.exec(id);
  if (!urn) return glnOf(id);
  const data = `${urn[1]}${urn[2]}`;
  return data.length === 12 ? `${data}${gs1CheckDigit(data)}` : null;
}

/** Whether a GLN is the organisation's party GLN or one of its locations'. */
async function isOwnGln(tx: Tx, member: Member, gln: string | null): Promise<boolean> {
  if (!gln) return false;
  if (gln === member.organization.gln) return true;
  const location = await tx.location.findUnique({
    where: { gln },
    select: { organizationId: true },
  });
  return location?.organizationId === member.organization.id;
}

/** The LotLedger organisation a GLN names (party or location), or null when it is off LotLedger. */
async function isOnLedger(tx: Tx, gln: string | null): Promise<boolean> {
  if (!gln) return false;
  const [organization, location] = await Promise.all([
    tx.organization.findUnique({ where: { gln }, select: { id: true } }),
    tx.location.findUnique({ where: { gln }, select: { id: true } }),
  ]);
  return organization !== null || location !== null;
}

export async function planShipping(
  tx: Tx,
  member: Member,
  state: CaptureState,
  event: Json,
  lots: readonly NamedLot[],
): Promise<EventPlan> {
  const sources = partiesOf(event, "sourceList");
  const destinations = partiesOf(event, "destinationList");
  const fromCapturer =
    sources.length === 0 ||
    (await anyOwn(
      tx,
      member,
      sources.map((source) => source.gln),
    ));
  const recipient =
    destinations.find((d) => d.type === "owning_party") ??
    destinations.find((d) => d.type === "location");
  const toLedger =
    recipient !== undefined &&
    (await isOnLedger(tx, recipient.gln)) &&
    !(await isOwnGln(tx, member, recipient.gln));
  if (!fromCapturer || !toLedger || !recipient?.gln) {
    const lotIds = await requireHeldLots(tx, member, state, lots, "have its shipment recorded");
    return { kind: "record", lotIds };
  }
  const [lot, ...more] = lots;
  if (!lot || more.length > 0) {
    throw new AppError(
      "INVALID_INPUT",
      "A shipment to an organisation on LotLedger names one lot in quantityList: send one shipping event per lot.",
      { field: "/quantityList" },
    );
  }
  assertCanRecord(member, "ship the lot");
  assertHoldsCustody(member, "ship lots");
  await at(lot.field, () => requireHeldLot(tx, member, lot.id, "be shipped"));
  const destination = await at(recipient.field, () =>
    requireDestination(tx, member, recipient.gln as string),
  );
  const possessing = destinations.find((d) => d.type === "possessing_party");
  const carrier =
    possessing?.gln && possessing.gln !== destination.organization.gln
      ? await at(possessing.field, () =>
          requireCarrier(tx, member, possessing.gln as string, destination.organization.gln),
        )
      : null;
  const nextHolder = (carrier ?? destination.organization).chainAddress;
  return {
    kind: "write",
    lotIds: [lot.id],
    steps: [
      {
        lotId: lot.id,
        newLots: [],
        call: (payloadHash) => ({ method: "handoff", args: [lot.id, nextHolder, payloadHash] }),
      },
    ],
  };
}

export async function planReceiving(
  tx: Tx,
  member: Member,
  state: CaptureState,
  lots: readonly NamedLot[],
): Promise<EventPlan> {
  const me = member.organization.chainAddress;
  const incoming: NamedLot[] = [];
  for (const lot of lots) {
    const row = await tx.lot.findUnique({
      where: { id: lot.id },
      select: { status: true, recipient: true },
    });
    if (row?.status === "IN_TRANSIT" && row.recipient === me) incoming.push(lot);
  }
  if (incoming.length === 0) {
    // Already held (received from a supplier off LotLedger, or recorded twice): recorded on the lot.
    const lotIds: string[] = [];
    for (const lot of lots) {
      if (!(await isOnLotLedger(tx, state, lot.id))) continue;
      if (!(await holdsLot(tx, member, state, lot.id)))
        throw new AppError("CONFLICT", NOT_ON_ITS_WAY, { field: lot.field });
      lotIds.push(lot.id);
    }
    return { kind: "record", lotIds };
  }
  assertCanRecord(member, "receive the lot");
  assertHoldsCustody(member, "receive lots");
  const [lot, ...more] = lots;
  if (!lot || more.length > 0) {
    throw new AppError(
      "INVALID_INPUT",
      "A receipt from an organisation on LotLedger names one lot in quantityList: send one receiving event per lot.",
      { field: "/quantityList" },
    );
  }
  await at(lot.field, () =>
    requireLotInTransit(tx, lot.id, { party: "recipient", address: me, refusal: NOT_ON_ITS_WAY }),
  );
  await at(lot.field, () => assertLotNotOnHold(tx, lot.id, "be received"));
  return {
    kind: "write",
    lotIds: [lot.id],
    steps: [
      {
        lotId: lot.id,
        newLots: [],
        call: (payloadHash) => ({ method: "acceptHandoff", args: [lot.id, payloadHash] }),
      },
    ],
  };
}

async function anyOwn(tx: Tx, member: Member, glns: (string | null)[]): Promise<boolean> {
  for (const gln of glns) if (await isOwnGln(tx, member, gln)) return true;
  return false;
}
