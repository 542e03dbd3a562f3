import type { Db } from "@/lib/db/client";
import { eventHashId } from "@/lib/epcis/event-hash";
import { indexEpcisEvent } from "@/lib/epcis/event-index";
import { EPCIS_DOCUMENT_CONTEXT } from "@/lib/epcis/standard-event";

// Rows of the EPCIS repository for query, subscription and export tests, written as the capture and
// the outbox write them: the standard event with its hash ID as eventID, indexed by indexEpcisEvent.

let counter = 0;

/** A standard ObjectEvent; `epcs` in its epcList, `lotClass` in its quantityList when given. */
export function objectEvent({
  eventTime,
  bizStep = "shipping",
  disposition = "in_transit",
  epcs = [],
  lotClass,
  bizLocation,
}: {
  eventTime: string;
  bizStep?: string;
  disposition?: string;
  epcs?: string[];
  lotClass?: string;
  bizLocation?: string;
}): Record<string, unknown> {
  return {
    type: "ObjectEvent",
    eventTime,
    eventTimeZoneOffset: "+00:00",
    action: "OBSERVE",
    bizStep,
    disposition,
    epcList: epcs,
    ...(lotClass ? { quantityList: [{ epcClass: lotClass, quantity: 10, uom: "KGM" }] } : {}),
    readPoint: { id: "https://id.gs1.org/414/9520123456788" },
    ...(bizLocation ? { bizLocation: { id: bizLocation } } : {}),
    // Tells apart events that are otherwise the same (a test's repeated scans).
    "lotledger:nonce": `test-${++counter}`,
  };
}

/** Stores the event as the organisation's, on these lots; returns its hash ID. */
export async function storeEpcisEvent(
  db: Db,
  {
    organizationId,
    lotIds = [],
    event,
    recordTime,
  }: {
    organizationId: string;
    lotIds?: string[];
    event: Record<string, unknown>;
    recordTime?: Date;
  },
): Promise<string> {
  const eventId = eventHashId(event, EPCIS_DOCUMENT_CONTEXT);
  await db.epcisEvent.create({
    data: {
      eventId,
      organizationId,
      lotIds,
      ...indexEpcisEvent(event),
      ...(recordTime ? { recordTime } : {}),
      document: { eventID: eventId, ...event },
    },
  });
  return eventId;
}
