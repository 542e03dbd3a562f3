import { describe, expect, it } from "vitest";
import { countText, plural, quantityText } from "./plural";

describe("counts on every page", () => {
  it("says 1 lot and 8 lots, 0 lots and 1.5 lots", () => {
    expect(countText(1, "lot")).toBe("1 lot");
    expect(countText(8, "lot")).toBe("8 lots");
    expect(countText(0, "lot")).toBe("0 lots");
    expect(countText(1200, "package")).toBe("1,200 packages");
    expect(plural(2, "organisation")).toBe("organisations");
    expect(countText(2, "batch", "batches")).toBe("2 batches");
  });

  it("puts a case unit in the plural and leaves kg, lb and each alone", () => {
    expect(quantityText("8", "case")).toBe("8 cases");
    expect(quantityText("1", "case")).toBe("1 case");
    expect(quantityText("2.5", "case")).toBe("2.5 cases");
    expect(quantityText("1", "kg")).toBe("1 kg");
    expect(quantityText("200", "kg")).toBe("200 kg");
    expect(quantityText("3", "each")).toBe("3 each");
    expect(quantityText("3", null)).toBe("3");
  });
});
