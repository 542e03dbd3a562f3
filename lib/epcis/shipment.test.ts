import { describe, expect, it } from "vitest";
import { type EpcisEvent, locationId, partyId, referenceDocument } from "./event";
import { documentOf, isTransportLeg, shipmentPartiesOf, transporterGln } from "./shipment";

const FARM = "9520000000017";
const STORE = "9520000000024";
const CARRIER = "9520000000031";
const FARM_SITE = "9520000001014";
const STORE_SITE = "9520000001021";

const party = (type: "owning_party" | "possessing_party", gln: string) => ({
  type,
  id: partyId(gln),
});
const site = (gln: string) => ({ type: "location" as const, id: locationId(gln) });

/** A payload as lib/events writes it: who owns, who holds, where from and to. */
function event(bizStep: string, source: string[], destination: string[]): EpcisEvent {
  return {
    type: "ObjectEvent",
    cte: bizStep === "receiving" ? "receiving" : "shipping",
    eventTime: "2026-11-30T09:00:00-08:00",
    eventTimeZoneOffset: "-08:00",
    bizStep,
    disposition: "in_transit",
    readPoint: { id: locationId(FARM_SITE) },
    bizLocation: { id: locationId(FARM_SITE) },
    sourceList: [
      party("owning_party", source[0] as string),
      party("possessing_party", source[1] as string),
      site(FARM_SITE),
    ],
    destinationList: [
      party("owning_party", destination[0] as string),
      party("possessing_party", destination[1] as string),
      site(STORE_SITE),
    ],
    bizTransactionList: [referenceDocument("bol", "BOL 042520/GV")],
    eventId: "e",
  };
}

describe("a shipment with a carrier", () => {
  const shipped = event("shipping", [FARM, FARM], [STORE, CARRIER]);
  const pickedUp = event("receiving", [FARM, FARM], [STORE, CARRIER]);
  const delivered = event("shipping", [FARM, CARRIER], [STORE, STORE]);
  const received = event("receiving", [FARM, CARRIER], [STORE, STORE]);

  it("names the store as the farm's recipient and the carrier as who takes it", () => {
    expect(shipmentPartiesOf(shipped)).toEqual({
      shipperGln: FARM,
      shipFromGln: FARM_SITE,
      heldByGln: FARM,
      recipientGln: STORE,
      destinationGln: STORE_SITE,
      takenByGln: CARRIER,
      documents: [{ type: "bol", number: "BOL 042520/GV" }],
    });
  });

  it("has the carrier as transporter of the farm's shipment and of the store's receipt", () => {
    expect(transporterGln(shipped)).toBe(CARRIER);
    expect(transporterGln(received)).toBe(CARRIER);
    const direct = event("shipping", [FARM, FARM], [STORE, STORE]);
    expect(transporterGln(direct)).toBeNull();
  });

  it("tells the carrier's own legs from the critical tracking events", () => {
    expect([shipped, pickedUp, delivered, received].map(isTransportLeg)).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(isTransportLeg({ bizStep: "shipping" })).toBe(false);
  });

  it("reads a payload stored before possessing parties: the owner holds it", () => {
    const legacy = { ...shipped, sourceList: [party("owning_party", FARM)] };
    legacy.destinationList = [party("owning_party", CARRIER)];
    expect(shipmentPartiesOf(legacy)).toMatchObject({ heldByGln: FARM, takenByGln: CARRIER });
    expect(isTransportLeg(legacy)).toBe(false);
    expect(transporterGln(legacy)).toBeNull();
  });
});

describe("documentOf", () => {
  it("gives back the number as typed, or a foreign URN as it is", () => {
    expect(documentOf(referenceDocument("desadv", "A:1 2"))).toEqual({
      type: "desadv",
      number: "A:1 2",
    });
    expect(documentOf({ type: "po", bizTransaction: "urn:epcglobal:cbv:bt:1:2" })).toEqual({
      type: "po",
      number: "urn:epcglobal:cbv:bt:1:2",
    });
  });
});
