import { describe, expect, it } from "vitest";
import { canonicalIdentifier } from "./epc-digital-link";

// CBV 2.0 §8.9 rules 17–18: every GS1 key in one spelling, the constrained canonical Digital Link.
// Check digits below were computed independently of lib/gs1 (weights 3,1,3,… from the right).

describe("canonicalIdentifier", () => {
  it.each([
    ["urn:epc:id:sgtin:0614141.107346.2017", "https://id.gs1.org/01/10614141073464/21/2017"],
    ["urn:epc:id:sscc:0614141.1234567890", "https://id.gs1.org/00/106141412345678908"],
    ["urn:epc:id:sgln:0614141.12345.400", "https://id.gs1.org/414/0614141123452/254/400"],
    ["urn:epc:id:sgln:0614141.12345.0", "https://id.gs1.org/414/0614141123452"],
    ["urn:epc:id:pgln:0614141.00777", "https://id.gs1.org/417/0614141007776"],
    ["urn:epc:id:grai:0614141.12345.400", "https://id.gs1.org/8003/00614141123452400"],
    ["urn:epc:id:giai:0614141.12345400", "https://id.gs1.org/8004/061414112345400"],
    ["urn:epc:id:gsrn:0614141.1234567890", "https://id.gs1.org/8018/061414112345678902"],
    ["urn:epc:id:gdti:0614141.12345.006847", "https://id.gs1.org/253/0614141123452006847"],
    ["urn:epc:id:sgcn:4012345.67890.04711", "https://id.gs1.org/255/401234567890104711"],
    [
      "urn:epc:id:cpi:0614141.123ABC.123456789",
      "https://id.gs1.org/8010/0614141123ABC/8011/123456789",
    ],
    [
      "urn:epc:id:itip:4012345.012345.01.02.987",
      "https://id.gs1.org/8006/040123451234560102/21/987",
    ],
    ["urn:epc:class:lgtin:4012345.012345.998877", "https://id.gs1.org/01/04012345123456/10/998877"],
    ["urn:epc:idpat:sgtin:4012345.012345.*", "https://id.gs1.org/01/04012345123456"],
  ])("%s → %s", (epc, digitalLink) => {
    expect(canonicalIdentifier(epc)).toBe(digitalLink);
  });

  it.each([
    // Another domain, a short GTIN, a lot beside the serial, a query string: only the serial stays.
    [
      "https://example.com/01/9520123456788/10/ABC/21/XYZ?17=271231",
      "https://id.gs1.org/01/09520123456788/21/XYZ",
    ],
    // A consumer product variant is not identification: dropped.
    [
      "https://id.gs1.org/01/09520123456788/22/2A/10/ABC",
      "https://id.gs1.org/01/09520123456788/10/ABC",
    ],
    [
      "https://brand.example/shop/414/9520123456788/254/7",
      "https://id.gs1.org/414/9520123456788/254/7",
    ],
    ["https://id.gs1.org/00/106141412345678908", "https://id.gs1.org/00/106141412345678908"],
  ])("constrains the Digital Link %s", (uri, canonical) => {
    expect(canonicalIdentifier(uri)).toBe(canonical);
  });

  it.each([
    "http://transaction.acme.com/po/12345678",
    "urn:epcglobal:cbv:bt:0614141073467:1152",
    "urn:epc:id:sgtin:0614141",
    "https://www.ncbi.nlm.nih.gov/taxonomy/1126011",
  ])("leaves %s, which names no GS1 key, alone", (value) => {
    expect(canonicalIdentifier(value)).toBeNull();
  });
});
