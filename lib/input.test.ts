import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors";
import { parseInput } from "./input";

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
});
