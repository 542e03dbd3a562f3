import { describe, expect, it } from "vitest";
import { buildLinkset } from "./linkset";
import { projectPlaces } from "./map-projection";
import { resolveDigitalLinkPath } from "./resolve-digital-link";

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

describe("projectPlaces", () => {
  it("fits located places in the canvas and leaves out those without coordinates", () => {
    const place = (name: string, latitude: number | null, longitude: number | null) => ({
      organization: name,
      name,
      address: "",
      latitude,
      longitude,
    });
    const points = projectPlaces(
      [place("farm", 36.68, -121.66), place("nowhere", null, null), place("store", 37.33, -121.89)],
      320,
      200,
    );
    expect(points.map((p) => p.number)).toEqual([1, 3]);
    for (const p of points) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(320);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(200);
    }
  });
});
