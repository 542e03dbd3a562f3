import { EPCIS_DOCUMENT_CONTEXT } from "@/lib/epcis/standard-event";

// An EPCISQueryDocument, the answer of GET /epcis/events and of a subscription's delivery: the
// events as stored (each with its hash ID as eventID), in LotLedger's JSON-LD context.

export function epcisQueryDocument(
  events: Record<string, unknown>[],
  {
    queryName = "SimpleEventQuery",
    subscriptionID,
    creationDate = new Date(),
  }: { queryName?: string; subscriptionID?: string; creationDate?: Date } = {},
) {
  return {
    "@context": EPCIS_DOCUMENT_CONTEXT,
    type: "EPCISQueryDocument",
    schemaVersion: "2.0",
    creationDate: creationDate.toISOString(),
    epcisBody: {
      queryResults: {
        ...(subscriptionID ? { subscriptionID } : {}),
        queryName,
        resultsBody: { eventList: events },
      },
    },
  };
}
