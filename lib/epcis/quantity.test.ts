import { describe, expect, it } from "vitest";
import { parseQuantity, parseUnit } from "./quantity";

describe("parseQuantity", () => {
  it.each([
    ["120", "120"],
    ["12.5", "12.5"],
    ["12,50", "12.5"],
    ["0.125", "0.125"],
    ["007", "7"],
    [" 3.000 ", "3"],
  ])("%j → %j", (input, expected) => {
    expect(parseQuantity(input)).toBe(expected);
  });

  it.each([
    ["0", "The quantity must be more than 0."],
    ["0.000", "The quantity must be more than 0."],
    ["-5", "The quantity must be more than 0."],
    ["", "Enter the quantity, such as 120 or 12.5."],
    ["ten", "“ten” is not a number: enter the quantity, such as 120 or 12.5."],
    ["1.2345", "The quantity can have at most 3 decimals."],
    ["9999999999999", "The quantity is too large: check the number and the unit."],
  ])("rejects %j with the message a user sees", (input, message) => {
    expect(() => parseQuantity(input)).toThrowError(message);
  });
});

describe("parseUnit", () => {
  it("accepts the listed units and names them on a wrong one", () => {
    expect(parseUnit("kg")).toBe("kg");
    expect(() => parseUnit("tons")).toThrowError("Choose the unit: kg, lb, case, each.");
  });
});
