import { describe, expect, it } from "vitest";
import { projectPlaces } from "./journey-map";

describe("projectPlaces", () => {
  it("fits located places in the canvas and leaves out those without coordinates", () => {
    const place = (name: string, latitude: number | null, longitude: number | null) => ({
      organization: name,
      name,
      address: "",
      latitude,
      longitude,
      timeZone: null,
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
