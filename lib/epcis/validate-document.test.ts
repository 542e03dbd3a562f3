import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateEpcisDocument, validateEpcisEvent } from "./validate-document";

const EXAMPLES = `${import.meta.dirname}/../../../shared/conformance/epcis/examples`;
const example = (name: string) => JSON.parse(readFileSync(`${EXAMPLES}/${name}`, "utf8"));
const EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

const shipping = {
  type: "ObjectEvent",
  action: "OBSERVE",
  eventTime: "2026-03-01T10:00:00.000+01:00",
  eventTimeZoneOffset: "+01:00",
  epcList: ["urn:epc:id:sgtin:0614141.107346.2018"],
  bizStep: "shipping",
};

const documentOf = (...events: object[]) => ({
  "@context": [EPCIS_CONTEXT],
  type: "EPCISDocument",
  schemaVersion: "2.0",
  creationDate: "2026-03-01T10:00:00.000+01:00",
  epcisBody: { eventList: events },
});

describe("validateEpcisDocument", () => {
  it("accepts GS1's example document whole", async () => {
    const check = await validateEpcisDocument(example("Example_9.6.1-ObjectEvent.jsonld"));
    expect(check).toMatchObject({ documentIssue: null, eventIssues: new Map() });
    expect(check.events).toHaveLength(2);
  });

  it("names each bad event by its index, with its field and one sentence", async () => {
    const check = await validateEpcisDocument(
      documentOf(
        shipping,
        { ...shipping, bizStep: "teleporting" },
        { ...shipping, eventTime: "yesterday" },
        { ...shipping, bizStep: "https://ref.gs1.org/cbv/BizStep-teleporting" },
      ),
    );
    expect(check.documentIssue).toBeNull();
    expect([...check.eventIssues].sort(([a], [b]) => a - b)).toEqual([
      [
        1,
        {
          field: "/bizStep",
          reason:
            "“bizStep” is “teleporting”, which is neither a CBV business step (e.g. shipping, receiving) nor a URI of your own outside the CBV namespaces: use one of those.",
        },
      ],
      [
        2,
        {
          field: "/eventTime",
          reason:
            "“eventTime” is “yesterday”, not a date and time with its offset (e.g. 2026-03-01T10:00:00.000+01:00).",
        },
      ],
      [
        3,
        {
          field: "/bizStep",
          reason:
            "“bizStep” is “https://ref.gs1.org/cbv/BizStep-teleporting”, but CBV 2.0 has no business step “teleporting”: use one of its words (e.g. accepting, arriving, assembling) or a URI of your own vocabulary.",
        },
      ],
    ]);
  });

  it("refuses a context it has no copy of, without the network", async () => {
    const document = { ...documentOf(shipping), "@context": ["https://evil.example/ctx.jsonld"] };
    expect((await validateEpcisDocument(document)).documentIssue).toEqual({
      field: "/@context",
      reason:
        "The JSON-LD context “https://evil.example/ctx.jsonld” is not one LotLedger has a copy of (it loads the EPCIS 2.0 and CBV contexts only, never from the network): refer to https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld and declare your own terms in an inline context object.",
    });
  });

  it("refuses GS1's example that redefines the protected cbvmda prefix, in a sentence", async () => {
    const check = await validateEpcisDocument(
      example("WithFullCombinationOfFields/transformation_event_all_possible_fields.jsonld"),
    );
    expect(check.documentIssue).toEqual({
      field: "/@context",
      reason:
        "The @context redefines “cbvmda”, a term the EPCIS context protects: remove that definition (the EPCIS context already defines it) and send the document again.",
    });
  });

  it("refuses a query document and a document missing a required field", async () => {
    expect(
      (await validateEpcisDocument(example("EPCISQueryDocument.jsonld"))).documentIssue,
    ).toEqual({
      field: "/type",
      reason:
        "A capture takes an EPCISDocument, and this is an “EPCISQueryDocument”: send the events in an EPCISDocument's epcisBody.eventList, or one event to /epcis/events.",
    });
    const { schemaVersion: _, ...unversioned } = documentOf(shipping);
    expect((await validateEpcisDocument(unversioned)).documentIssue).toEqual({
      field: "/schemaVersion",
      reason: "“schemaVersion” is missing, and EPCIS 2.0.1 requires it: add it.",
    });
  });
});

describe("validateEpcisEvent", () => {
  it("takes one event with its @context, and refuses one without", async () => {
    expect(await validateEpcisEvent({ "@context": [EPCIS_CONTEXT], ...shipping })).toBeNull();
    expect(await validateEpcisEvent(shipping)).toEqual({
      field: "/@context",
      reason: "“@context” is missing, and EPCIS 2.0.1 requires it: add it.",
    });
  });
});
