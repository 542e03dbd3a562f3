import { describe, expect, it } from "vitest";
import { shipmentPayloadFields } from "./shipment-payload";

describe("shipmentPayloadFields", () => {
  it("takes kde.shipment and the SSCCs of epcList, skipping what is no SSCC", () => {
    const body = {
      epcList: ["urn:epc:id:sscc:0614141.1234567890", 7, "https://id.gs1.org/01/09506000134352"],
      kde: { shipment: "0b6f5c1e-7a51-4f7e-9d7e-3f0b6e1d2c3a" },
    };
    expect(shipmentPayloadFields(body)).toEqual({
      reference: "0b6f5c1e-7a51-4f7e-9d7e-3f0b6e1d2c3a",
      ssccs: ["106141412345678908"],
    });
  });

  it("gives no reference and no SSCCs for a payload it does not hold", () => {
    expect(shipmentPayloadFields(undefined)).toEqual({ reference: null, ssccs: [] });
  });
});
