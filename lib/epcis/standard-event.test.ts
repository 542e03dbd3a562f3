import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { commissionLotWrite } from "@/lib/events/ctes/commission-lot";
import { eventBase } from "@/lib/events/event-base";
import { arrivalFields } from "@/lib/events/receipt-check";
import { aggregationPayload } from "@/lib/logistic-units/packing-payload";
import { type EpcisEvent, locationId, lotEpcClass, partyId } from "./event";
import { eventHashId, preHashString } from "./event-hash";
import { ssccEpc } from "./logistic-unit";
import {
  EPCIS_DOCUMENT_CONTEXT,
  epcisDocument,
  fromStandardEvent,
  toStandardEvent,
} from "./standard-event";

const member: Member = {
  userId: "user-1",
  name: "Grower",
  email: "grower@example.test",
  role: "STAFF",
  organization: {
    id: "org-1",
    name: "Valley Farm",
    kind: "FARM",
    gln: "0614141000005",
    chainAddress: "0x0000000000000000000000000000000000000001",
  },
};
const SITE = "0614141000012";
const NEXT = "0614141000029";
const lot = { gtin: "10614141000019", lotCode: "L-24/7", quantity: "120", unit: "kg" } as const;

/** Payloads as the app's builders make them: a harvest, a receipt, a pallet, a transformation. */
const PAYLOADS: [string, EpcisEvent][] = [
  [
    "harvesting (ILMD, recipient, reference document)",
    commissionLotWrite({
      member,
      cte: "harvesting",
      lot: { id: "0x01", ...lot, unit: "kg", serials: [] },
      locationGln: SITE,
      date: "2026-11-20",
      document: { type: "harvestlog", number: "H-17" },
      extra: {
        destinationList: [{ type: "location", id: locationId(NEXT) }],
        ilmd: {
          commodity: "Romaine",
          variety: "Green",
          harvestDate: "2026-11-20",
          fieldName: "F3",
        },
      },
    }).payload,
  ],
  [
    "receiving (counted quantity, temperature on arrival, KDEs)",
    {
      ...eventBase({
        member,
        cte: "receiving",
        action: "OBSERVE",
        bizStep: "receiving",
        disposition: "in_progress",
        locationGln: SITE,
        date: null,
        document: { type: "bol", number: "B 9" },
      }),
      ...arrivalFields(
        { epcClass: lotEpcClass(lot.gtin, lot.lotCode), quantity: 120, uom: "KGM" },
        "kg",
        { countedQuantity: "118.5", condition: "good", temperature: 3.5 },
        "2026-11-24T09:30:00+01:00",
      ),
      sourceList: [{ type: "owning_party", id: partyId(NEXT) }],
    },
  ],
  [
    "packing a pallet (AggregationEvent)",
    aggregationPayload({
      member,
      action: "ADD",
      parentId: ssccEpc("306141410000000017", "0614141"),
      siteGln: SITE,
      contents: [
        { lotId: "0x01", ...lot, packageCount: 4 },
        { lotId: "0x02", gtin: lot.gtin, lotCode: "L2", quantity: "", unit: null, packageCount: 1 },
      ],
    }),
  ],
  [
    "transformation (inputs and outputs)",
    {
      ...eventBase({
        member,
        cte: "transformation",
        type: "TransformationEvent",
        bizStep: "transforming",
        disposition: "active",
        locationGln: SITE,
        date: null,
        document: { type: "prodorder", number: "P-1" },
      }),
      inputQuantityList: [
        { epcClass: lotEpcClass(lot.gtin, lot.lotCode), quantity: 40, uom: "KGM" },
      ],
      outputQuantityList: [{ epcClass: lotEpcClass(lot.gtin, "MIX-1"), quantity: 38, uom: "KGM" }],
      ilmd: { productDescription: "Salad mix", productDescriptions: { "MIX-1": "Salad mix" } },
      kde: { remainderQuantityList: [] },
    },
  ],
];

describe("toStandardEvent ⇄ fromStandardEvent", () => {
  it.each(PAYLOADS)("%s comes back as the same payload", (_name, payload) => {
    const standard = toStandardEvent(payload);
    expect(fromStandardEvent(JSON.parse(JSON.stringify(standard)))).toEqual(payload);
  });

  it.each(PAYLOADS)("%s exported and captured again has the same hash ID", (_name, payload) => {
    const exported = JSON.parse(JSON.stringify(epcisDocument([toStandardEvent(payload)])));
    const [event] = exported.epcisBody.eventList;
    expect(event.eventID).toBe(eventHashId(event, exported["@context"]));
    expect(toStandardEvent(fromStandardEvent(event, exported["@context"]))).toEqual(event);
  });

  it("renders LotLedger's own fields as lotledger: extensions, and the parties as EPCIS names them", () => {
    const [, harvest] = PAYLOADS[0] as [string, EpcisEvent];
    const standard = toStandardEvent(harvest);
    expect(standard).toMatchObject({
      "lotledger:cte": "harvesting",
      "lotledger:nonce": harvest.eventId,
      ilmd: { "lotledger:commodity": "Romaine", "lotledger:fieldName": "F3" },
      sourceList: [{ type: "owning_party", source: partyId(member.organization.gln) }],
      destinationList: [{ type: "location", destination: locationId(NEXT) }],
    });
    expect(standard).not.toHaveProperty("cte");
    expect(preHashString(standard, EPCIS_DOCUMENT_CONTEXT)).toContain(
      "{https://lotledger.dev/epcis/}cte=harvesting",
    );
  });

  it("wraps events in an EPCISDocument with GS1's context and LotLedger's prefix", () => {
    const document = epcisDocument([], { creationDate: new Date("2026-11-24T08:00:00Z") });
    expect(document).toEqual({
      "@context": [
        "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
        { lotledger: "https://lotledger.dev/epcis/" },
      ],
      type: "EPCISDocument",
      schemaVersion: "2.0",
      creationDate: "2026-11-24T08:00:00.000Z",
      epcisBody: { eventList: [] },
    });
  });
});

const CONFORMANCE = path.resolve(import.meta.dirname, "../../../shared/conformance/epcis");
// GS1's ratified 2.0.1 schema, its URIs and timestamps checked: a bare word outside CBV 2.0 (the
// bizStep "transforming", the document type "harvestlog") is neither a CBV word nor a URI.
const ajv = new Ajv({ strict: false, allErrors: true })
  .addFormat("uri", /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/)
  .addFormat("date-time", (text: string) => !Number.isNaN(Date.parse(text)));
const validateDocument = ajv.compile(
  JSON.parse(readFileSync(path.join(CONFORMANCE, "schema/epcis-json-schema.json"), "utf8")),
);

describe("LotLedger's events as an EPCISDocument", () => {
  it("are valid against GS1's EPCIS 2.0.1 JSON schema", () => {
    const document = epcisDocument(PAYLOADS.map(([, payload]) => toStandardEvent(payload)));
    validateDocument(JSON.parse(JSON.stringify(document)));
    expect(validateDocument.errors ?? []).toEqual([]);
  });

  it("write LotLedger's own words as lotledger: URIs and read them back", () => {
    const [, harvest] = PAYLOADS[0] as [string, EpcisEvent];
    const [, transformation] = PAYLOADS[3] as [string, EpcisEvent];
    expect(toStandardEvent(transformation).bizStep).toBe("lotledger:transforming");
    expect(toStandardEvent(harvest).bizTransactionList).toEqual([
      { bizTransaction: "urn:lotledger:harvestlog:H-17", type: "lotledger:harvestlog" },
    ]);
    expect(toStandardEvent(harvest).bizStep).toBe("commissioning");
  });
});

describe("fromStandardEvent on a partner's event", () => {
  const examples = path.join(CONFORMANCE, "examples");
  const read = (file: string) => JSON.parse(readFileSync(path.join(examples, file), "utf8"));

  it("reads the FSMA event from the business step when there is no lotledger:cte", () => {
    const document = read("Example_9.6.1-ObjectEvent.jsonld");
    const [shipping, receiving] = document.epcisBody.eventList;
    expect(fromStandardEvent(shipping).cte).toBe("shipping");
    const payload = fromStandardEvent(receiving, document["@context"]);
    expect(payload).toMatchObject({ cte: "receiving", "example:myField": expect.any(String) });
    expect(payload.eventId).toBe(eventHashId(receiving, document["@context"]));
    expect(fromStandardEvent({ ...shipping, bizStep: "inspecting" }).cte).toBe("observation");
  });

  it("refuses an event type LotLedger has no payload for, saying where it can go", () => {
    const [association] = read("AssociationEvent/AssociationEvent-a.jsonld").epcisBody.eventList;
    expect(() => fromStandardEvent(association)).toThrow(
      "LotLedger records ObjectEvents, AggregationEvents and TransformationEvents on lots; keep this AssociationEvent in the EPCIS repository only.",
    );
  });
});
