import { describe, expect, it } from "vitest";
import { buildLinkset, resolveDigitalLinkPath } from "./digital-link";

describe("resolveDigitalLinkPath", () => {
  it("reads the three levels and pads a GTIN-13", () => {
    expect(resolveDigitalLinkPath("/01/9506000134352")).toMatchObject({
      level: "product",
      gtin: "09506000134352",
      path: "/01/09506000134352",
    });
    expect(resolveDigitalLinkPath("/01/09506000134352/10/AB%2F1")).toMatchObject({
      level: "lot",
      lotCode: "AB/1",
      path: "/01/09506000134352/10/AB%2F1",
    });
    expect(resolveDigitalLinkPath("/01/09506000134352/10/L1/21/S9?17=261231")).toMatchObject({
      level: "serial",
      serial: "S9",
    });
  });

  it("refuses a wrong check digit with lib/gs1's sentence", () => {
    expect(() => resolveDigitalLinkPath("/01/09506000134353/10/L1")).toThrow(/check digit/);
  });
});

describe("buildLinkset", () => {
  it("anchors an RFC 9264 linkset on the Digital Link with the GS1 link types", () => {
    const target = resolveDigitalLinkPath("/01/09506000134352/10/L1");
    const [links] = buildLinkset(target, "https://lotledger.example/").linkset;
    expect(links?.anchor).toBe("https://lotledger.example/01/09506000134352/10/L1");
    expect(Object.keys(links ?? {})).toEqual(
      expect.arrayContaining([
        "https://gs1.org/voc/pip",
        "https://gs1.org/voc/traceability",
        "https://gs1.org/voc/recallStatus",
      ]),
    );
  });
});
