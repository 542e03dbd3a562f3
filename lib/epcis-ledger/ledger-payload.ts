import { CRITICAL_TRACKING_EVENTS, type EpcisEvent } from "@/lib/epcis/event";
import { cbvWord } from "@/lib/epcis/event-index";

// PLACEHOLDER until branch `hash` lands lib/epcis/standard-event.ts: its `fromStandardEvent` replaces
// this file at the merge. A captured standard event as LotLedger's payload: the EPCIS fields as they
// are (CBV words bare), `cte`/`kde`/nonce from the lotledger: extensions, else from bizStep and type.

type Json = Record<string, unknown>;

const CTE_OF_BIZSTEP: Record<string, EpcisEvent["cte"]> = {
  shipping: "shipping",
  receiving: "receiving",
  transforming: "transformation",
  packing: "aggregation",
  unpacking: "disaggregation",
};

function cteOf(event: Json, bizStep: string | null): EpcisEvent["cte"] {
  const named = event["lotledger:cte"];
  if (typeof named === "string") return named as EpcisEvent["cte"];
  if (event.type === "TransformationEvent") return "transformation";
  if (bizStep && (CRITICAL_TRACKING_EVENTS as readonly string[]).includes(bizStep))
    return bizStep as EpcisEvent["cte"];
  return CTE_OF_BIZSTEP[bizStep ?? ""] ?? "receiving";
}

const bareTypes = (list: unknown) =>
  Array.isArray(list)
    ? list.map((entry: Json) => ({ ...entry, type: cbvWord(entry.type) ?? entry.type }))
    : undefined;

export function fromStandardEvent(event: Json, eventId: string): EpcisEvent {
  const {
    "@context": _context,
    eventID: _eventId,
    recordTime: _recordTime,
    "lotledger:cte": _cte,
    "lotledger:kde": kde,
    "lotledger:nonce": nonce,
    ...fields
  } = event;
  const bizStep = cbvWord(event.bizStep);
  const payload = {
    ...fields,
    bizStep: bizStep ?? "",
    disposition: cbvWord(event.disposition) ?? "",
    ...(event.sourceList ? { sourceList: bareTypes(event.sourceList) } : {}),
    ...(event.destinationList ? { destinationList: bareTypes(event.destinationList) } : {}),
    cte: cteOf(event, bizStep),
    ...(kde ? { kde } : {}),
    eventId: typeof nonce === "string" ? nonce : eventId,
  };
  return payload as unknown as EpcisEvent;
}
