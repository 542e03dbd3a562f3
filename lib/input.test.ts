import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors";
import { nestFormValues, parsedBy, parseInput } from "./input";

const schema = z.object({
  reason: z.string().trim().min(1, "Give the reason."),
  outputs: z.array(z.object({ lotCode: z.string().min(1, "Enter the lot code of the new lot.") })),
});

function refusal(values: unknown): AppError {
  try {
    parseInput(schema, values);
  } catch (error) {
    if (error instanceof AppError) return error;
  }
  throw new Error("parseInput accepted bad input");
}

describe("parseInput", () => {
  it("returns the parsed value", () => {
    expect(parseInput(schema, { reason: " spoiled ", outputs: [] })).toEqual({
      reason: "spoiled",
      outputs: [],
    });
  });

  it("says the first issue's sentence at its field, and keeps every issue", () => {
    const error = refusal({ reason: "", outputs: [{ lotCode: "A" }, { lotCode: "" }] });
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe("Give the reason.");
    expect(error.field).toBe("reason");
    expect(error.issues).toEqual([
      { field: "reason", message: "Give the reason." },
      { field: "outputs.1.lotCode", message: "Enter the lot code of the new lot." },
    ]);
  });

  it("says the caller's sentence where a check names none of its own", () => {
    expect(() =>
      parseInput(schema, { reason: 7, outputs: [] }, "Send the reason as text."),
    ).toThrow("Send the reason as text.");
  });
});

describe("parsedBy", () => {
  const even = parsedBy((text) => {
    if (Number(text) % 2 !== 0) throw new AppError("INVALID_INPUT", "Enter an even number.");
    return Number(text);
  });

  it("gives the parser's value, and its sentence as the issue", () => {
    expect(even.parse("4")).toBe(4);
    expect(() => parseInput(z.object({ n: even }), { n: "3" })).toThrow("Enter an even number.");
  });

  it("reads a field left out as empty, as a form sends it", () => {
    expect(even.parse(undefined)).toBe(0);
  });
});

describe("nestFormValues", () => {
  it("nests dotted fields, keeps repeated ones as arrays and drops Next's own", () => {
    const form = new FormData();
    form.append("$ACTION_ID_1", "x");
    form.append("inputLotIds", "0xa");
    form.append("inputLotIds", "0xb");
    form.append("outputs.0.lotCode", "A");
    form.append("outputs.1.lotCode", "B");
    form.append("used.0xa", "12");
    expect(nestFormValues(form.entries())).toEqual({
      inputLotIds: ["0xa", "0xb"],
      outputs: [{ lotCode: "A" }, { lotCode: "B" }],
      used: { "0xa": "12" },
    });
  });

  it("leaves a JSON body's arrays and objects as they are", () => {
    const body = { inputLotIds: ["0xa"], outputs: [{ lotCode: "A" }], reason: "r" };
    expect(nestFormValues(Object.entries(body))).toEqual(body);
  });
});
