import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { errorAt, fieldErrorsOf, inFormOrder, typedValues } from "./form-state";
import { refusal } from "./refusal";

const harvest = z.object({
  lotCode: z.string().min(1, "Enter a lot code."),
  quantity: z.string().min(1, "Enter the quantity."),
  outputs: z.array(z.object({ lotCode: z.string().min(1, "Enter the new lot code.") })),
});

function refused(values: unknown, formData?: FormData) {
  try {
    parseInput(harvest, values);
  } catch (error) {
    return refusal(error, "test", formData);
  }
  throw new Error("the input was accepted");
}

describe("a refused form's field errors", () => {
  it("carries every issue of parseInput to its field at once, the first as the sentence", () => {
    const state = refused({
      lotCode: "",
      quantity: "",
      outputs: [{ lotCode: "A" }, { lotCode: "" }],
    });
    expect(state?.message).toBe("Enter a lot code.");
    expect(state?.fieldErrors).toEqual({
      lotCode: "Enter a lot code.",
      quantity: "Enter the quantity.",
      "outputs.1.lotCode": "Enter the new lot code.",
    });
  });

  it("keeps a field's first sentence when it has several issues", () => {
    expect(
      fieldErrorsOf({
        message: "first",
        issues: [
          { field: "gtin", message: "first" },
          { field: "gtin", message: "second" },
        ],
      }),
    ).toEqual({ gtin: "first" });
  });

  it("puts a refusal about one field (no issues) at that field, and one about none nowhere", () => {
    const taken = new AppError("CONFLICT", "Lot H-1 is already on the ledger.", {
      field: "lotCode",
    });
    expect(refusal(taken, "test")?.fieldErrors).toEqual({
      lotCode: "Lot H-1 is already on the ledger.",
    });
    const forbidden = new AppError("FORBIDDEN", "Only staff of farms create lots.");
    expect(refusal(forbidden, "test")).toMatchObject({
      message: "Only staff of farms create lots.",
      fieldErrors: {},
    });
  });

  it("says an unexpected error with an id and marks no field", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const state = refusal(new Error("socket hang up"), "test");
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
    expect(state?.message).toMatch(/error id [0-9a-f]{8}/);
    expect(state?.fieldErrors).toEqual({});
  });

  it("finds an issue about one item of a group at the group (checkboxes)", () => {
    const errors = { "inputLotIds.2": "That lot is used up.", lotCode: "x" };
    expect(errorAt(errors, "inputLotIds")).toBe("That lot is used up.");
    expect(errorAt(errors, "lotCode")).toBe("x");
    expect(errorAt(errors, "lot")).toBeUndefined();
  });
});

describe("the summary's order", () => {
  it("follows the form's fields, an item at its group, a field not in the form last", () => {
    const errors = { gtin: "g", "inputLotIds.1": "i", other: "o", commodity: "c" };
    const names = ["locationGln", "inputLotIds", "inputLotIds", "commodity", "gtin"];
    expect(Object.keys(inFormOrder(errors, names))).toEqual([
      "inputLotIds.1",
      "commodity",
      "gtin",
      "other",
    ]);
  });
});

describe("typed values", () => {
  it("keeps what was typed, joins a group and leaves out passwords and files", () => {
    const data = new FormData();
    data.append("lotCode", "abc-1");
    data.append("inputLotIds", "0x1");
    data.append("inputLotIds", "0x2");
    data.append("password", "secret");
    data.append("file", new Blob(["t"]), "readings.csv");
    data.append("$ACTION_ID_1", "");
    expect(typedValues(data)).toEqual({ lotCode: "abc-1", inputLotIds: "0x1,0x2" });
    expect(refused({}, data)?.values).toEqual({ lotCode: "abc-1", inputLotIds: "0x1,0x2" });
  });
});
