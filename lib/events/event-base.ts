import type { Member } from "@/lib/auth/session";
import {
  type EpcisEvent,
  eventTimeOf,
  locationId,
  partyId,
  referenceDocument,
} from "@/lib/epcis/event";
import type { ReferenceDocumentType } from "@/lib/epcis/kde";

type BaseOptions = {
  member: Member;
  cte: EpcisEvent["cte"];
  type?: EpcisEvent["type"];
  action?: EpcisEvent["action"];
  bizStep: string;
  disposition: string;
  /** The GLN of the location where it happened (readPoint and bizLocation). */
  locationGln: string;
  /** The day it happened (a KDE date); null = now. */
  date: string | null;
  document: { type: ReferenceDocumentType; number: string } | null;
};

/**
 * The fields every critical tracking event shares. The event time is the moment of recording when the
 * event's date is today, else noon of that date: forms ask for the day, as FSMA does, not the minute.
 */
export function eventBase(options: BaseOptions): EpcisEvent {
  const now = new Date();
  const isToday = !options.date || options.date === eventTimeOf(now).eventTime.slice(0, 10);
  const when = isToday ? now : new Date(`${options.date}T12:00:00`);
  return {
    type: options.type ?? "ObjectEvent",
    cte: options.cte,
    ...eventTimeOf(when),
    ...(options.action ? { action: options.action } : {}),
    bizStep: options.bizStep,
    disposition: options.disposition,
    readPoint: { id: locationId(options.locationGln) },
    bizLocation: { id: locationId(options.locationGln) },
    sourceList: [{ type: "owning_party", id: partyId(options.member.organization.gln) }],
    ...(options.document
      ? { bizTransactionList: [referenceDocument(options.document.type, options.document.number)] }
      : {}),
    eventId: crypto.randomUUID(),
  };
}
