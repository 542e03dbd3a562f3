import { describe, expect, it } from "vitest";
import {
  formatElementString,
  formatHumanReadable,
  GS,
  parseBracketedElementString,
  parseElementString,
} from "./element-string";
import { rejectionOf } from "./testing";

describe("formatElementString and formatHumanReadable", () => {
  it.each([
    [{ "01": "09506000134352" }, "0109506000134352", "(01)09506000134352"],
    [{ "01": "09506000134352", "10": "L1" }, "010950600013435210L1", "(01)09506000134352(10)L1"],
    // Predefined-length AIs first, whatever the input order, so only one GS is needed
    [
      new Map([
        ["21", "S1"],
        ["10", "L1"],
        ["17", "261231"],
        ["01", "09506000134352"],
      ]),
      `01095060001343521726123110L1${GS}21S1`,
      "(01)09506000134352(17)261231(10)L1(21)S1",
    ],
    [
      { "00": "106141411234567897", "02": "09506000134352", "37": "24", "10": "L1" },
      `00106141411234567897020950600013435210L1${GS}3724`,
      "(00)106141411234567897(02)09506000134352(10)L1(37)24",
    ],
    // (422) is fixed-length but not predefined: it still needs a GS when not last
    [
      { "01": "09506000134352", "422": "276", "10": "L1" },
      `010950600013435210L1${GS}422276`,
      "(01)09506000134352(10)L1(422)276",
    ],
    [
      { "01": "09506000134352", "3103": "000195" },
      "01095060001343523103000195",
      "(01)09506000134352(3103)000195",
    ],
  ])("%j", (ais, elementString, humanReadable) => {
    expect(formatElementString(ais)).toBe(elementString);
    expect(formatHumanReadable(ais)).toBe(humanReadable);
    const expected = Object.fromEntries(ais instanceof Map ? ais : Object.entries(ais));
    expect(Object.fromEntries(parseElementString(elementString))).toEqual(expected);
    expect(Object.fromEntries(parseBracketedElementString(humanReadable))).toEqual(expected);
  });

  it.each([
    [
      { "01": "09506000134353" },
      "The barcode's GTIN 09506000134353 has a wrong check digit: the last digit should be 2.",
    ],
    [{ "01": "9506000134352" }, "The barcode's GTIN (01) must have 14 digits; it has 13."],
    [
      { "01": "09506000134352", "10": "L 1" },
      `The barcode's lot code (10) may only contain letters, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _, not “ ”.`,
    ],
    [
      { "21": "S1" },
      "The barcode's serial number (21) is only valid together with AI (01), AI (03) or AI (8006).",
    ],
    [
      { "01": "09506000134352", "89": "X" },
      "This barcode contains AI (89), which is not a GS1 Application Identifier.",
    ],
  ])("rejects %j", (ais, message) => {
    expect(rejectionOf(() => formatElementString(ais))).toBe(message);
    expect(rejectionOf(() => formatHumanReadable(ais))).toBe(message);
  });
});
