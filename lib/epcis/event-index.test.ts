import { describe, expect, it } from "vitest";
import { cbvWord, indexEpcisEvent, lotOfEpcClass } from "./event-index";

describe("indexEpcisEvent", () => {
  it("indexes an aggregation's parent and children, and CBV values in any form as bare words", () => {
    const index = indexEpcisEvent({
      type: "AggregationEvent",
      action: "ADD",
      eventTime: "2026-11-24T09:30:00+01:00",
      bizStep: "https://ref.gs1.org/cbv/BizStep-packing",
      disposition: "urn:epcglobal:cbv:disp:in_progress",
      readPoint: { id: "https://id.gs1.org/414/9521234000006" },
      parentID: "urn:epc:id:sscc:950600.01234567890",
      childEPCs: ["urn:epc:id:sgtin:950600.013435.1"],
      childQuantityList: [{ epcClass: "https://id.gs1.org/01/09506000134352/10/L1", quantity: 4 }],
      errorDeclaration: { declarationTime: "2026-11-25T00:00:00Z" },
    });
    expect(index).toEqual({
      type: "AggregationEvent",
      action: "ADD",
      eventTime: new Date("2026-11-24T08:30:00Z"),
      bizStep: "packing",
      disposition: "in_progress",
      readPoint: "https://id.gs1.org/414/9521234000006",
      bizLocation: null,
      epcs: ["urn:epc:id:sscc:950600.01234567890", "urn:epc:id:sgtin:950600.013435.1"],
      epcClasses: ["https://id.gs1.org/01/09506000134352/10/L1"],
      isErrorDeclaration: true,
    });
  });

  it("keeps a bizStep outside CBV as written", () => {
    expect(cbvWord("https://example.com/steps/sorting")).toBe("https://example.com/steps/sorting");
    expect(cbvWord(undefined)).toBeNull();
  });
});

describe("lotOfEpcClass", () => {
  it("reads the TLC from a Digital Link and from an LGTIN class URI alike", () => {
    const lot = { gtin: "09506000134352", lotCode: "L 1/2" };
    expect(lotOfEpcClass("https://id.gs1.org/01/09506000134352/10/L%201%2F2")).toEqual(lot);
    expect(lotOfEpcClass("urn:epc:class:lgtin:950600.0013435.L%201%2F2")).toEqual(lot);
  });

  it("names no lot for a class without a lot code", () => {
    expect(lotOfEpcClass("https://id.gs1.org/01/09506000134352")).toBeNull();
    expect(lotOfEpcClass("urn:epc:idpat:sgtin:950600.0013435.*")).toBeNull();
  });
});
