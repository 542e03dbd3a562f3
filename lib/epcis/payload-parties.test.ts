import { describe, expect, it } from "vitest";
import { locationId, lotEpcClass, partyId } from "./event";
import { lotsNamedBy, recordingPartyGln } from "./payload-parties";

const FARM = "9520000000017";
const PACKER = "9520000000024";
const CARRIER = "9520000000031";
const GTIN = "09506000134352";
const element = (lotCode: string) => ({
  epcClass: lotEpcClass(GTIN, lotCode),
  quantity: 1,
  uom: "KGM",
});
const owner = (gln: string) => ({ type: "owning_party", id: partyId(gln) });

describe("lotsNamedBy", () => {
  it("reads the lots of every EPCIS quantity list, lot codes decoded", () => {
    const body = {
      inputQuantityList: [element("H-1")],
      outputQuantityList: [element("P/1"), element("P 2")],
      quantityList: [{ epcClass: lotEpcClass(GTIN, "S-1") }],
    };
    expect(lotsNamedBy(body)).toEqual([
      { gtin: GTIN, lotCode: "S-1" },
      { gtin: GTIN, lotCode: "H-1" },
      { gtin: GTIN, lotCode: "P/1" },
      { gtin: GTIN, lotCode: "P 2" },
    ]);
  });

  it("reads a recall notice's GTIN and traceability lot code when it counts no quantity", () => {
    const notice = { quantityList: [], kde: { gtin: GTIN, traceabilityLotCode: "RH-1" } };
    expect(lotsNamedBy(notice)).toEqual([{ gtin: GTIN, lotCode: "RH-1" }]);
  });

  it("reads a lot named in any form a captured event uses: another Digital Link domain, an LGTIN URI", () => {
    const body = {
      quantityList: [
        { epcClass: `https://example.com/01/${GTIN}/10/X` },
        { epcClass: "urn:epc:class:lgtin:4012345.012345.998877" },
      ],
    };
    expect(lotsNamedBy(body)).toEqual([
      { gtin: GTIN, lotCode: "X" },
      { gtin: "04012345123456", lotCode: "998877" },
    ]);
  });

  it("names nothing for other identifiers, malformed escapes or bodies that are not objects", () => {
    const body = {
      quantityList: [
        { epcClass: `https://id.gs1.org/01/${GTIN}` },
        { epcClass: `https://id.gs1.org/01/${GTIN}/10/%E0%A4%A` },
        null,
      ],
    };
    expect(lotsNamedBy(body)).toEqual([]);
    for (const other of [null, "text", 42, []]) expect(lotsNamedBy(other)).toEqual([]);
  });
});

describe("recordingPartyGln", () => {
  it("is the acting owning party: the source of a harvest, a shipment, a sensor batch, a notice", () => {
    const shipment = {
      bizStep: "shipping",
      sourceList: [owner(FARM)],
      destinationList: [owner(PACKER), { type: "location", id: locationId(PACKER) }],
    };
    expect(recordingPartyGln(shipment)).toBe(FARM);
    expect(recordingPartyGln({ bizStep: "sensor_reporting", sourceList: [owner(PACKER)] })).toBe(
      PACKER,
    );
  });

  it("is the receiving owning party of a receipt, whose source is the sender", () => {
    const receipt = {
      bizStep: "receiving",
      sourceList: [owner(FARM), { type: "location", id: locationId(FARM) }],
      destinationList: [owner(PACKER)],
    };
    expect(recordingPartyGln(receipt)).toBe(PACKER);
    // A lot registered on receipt (the receiver assigns the lot code) names only its source.
    expect(recordingPartyGln({ bizStep: "receiving", sourceList: [owner(PACKER)] })).toBe(PACKER);
  });

  it("is null when the payload names no owning party", () => {
    expect(recordingPartyGln({ bizStep: "shipping", sourceList: [] })).toBeNull();
    expect(recordingPartyGln({ type: "lot.recalled", lotId: "0x01" })).toBeNull();
    expect(recordingPartyGln(null)).toBeNull();
  });
});

describe("recordingPartyGln with possessing parties", () => {
  const holder = (gln: string) => ({ type: "possessing_party", id: partyId(gln) });
  it("is the carrier that picks up or delivers goods it does not own", () => {
    const pickup = {
      bizStep: "receiving",
      sourceList: [owner(FARM), holder(FARM)],
      destinationList: [owner(PACKER), holder(CARRIER)],
    };
    expect(recordingPartyGln(pickup)).toBe(CARRIER);
    const delivery = {
      bizStep: "shipping",
      sourceList: [owner(FARM), holder(CARRIER)],
      destinationList: [owner(PACKER), holder(PACKER)],
    };
    expect(recordingPartyGln(delivery)).toBe(CARRIER);
  });
});
