import { describe, expect, it } from "vitest";
import { passwordInput } from "@/lib/auth/auth";
import { rejectionOf } from "@/lib/gs1/testing";
import { parseInput } from "@/lib/input";
import {
  type CreateOrganizationInput,
  createOrganizationInput,
  emailInput,
  type LocationInput,
  locationInput,
  memberRoleInput,
} from "./input";

const parseOrganization = (input: CreateOrganizationInput) =>
  parseInput(createOrganizationInput, input);
const parseLocation = (input: LocationInput) => parseInput(locationInput, input);

const organization: CreateOrganizationInput = {
  name: " Hillside Growers ",
  kind: "farm",
  gln: "9520123456788",
  location: { address: "3 Orchard Rd" },
  firstAdminEmail: " Ada@Example.COM ",
};
const place = { name: "Cold store", gln: "9501101020917", address: "9 Dock St" };

describe("an organisation", () => {
  it("trims, upper-cases the kind, and names the first location after the organisation", () => {
    expect(parseOrganization(organization)).toEqual({
      name: "Hillside Growers",
      kind: "FARM",
      gln: "9520123456788",
      location: {
        name: "Hillside Growers",
        gln: "9520123456788",
        address: "3 Orchard Rd",
        ...{ city: null, region: null, postalCode: null, countryCode: null, phone: null },
        timeZone: null,
        latitude: null,
        longitude: null,
      },
      firstAdminEmail: "ada@example.com",
    });
  });

  it.each([
    [{ name: "  " }, "Enter the organisation's name."],
    [
      { kind: "GROCER" },
      "Choose the organisation's kind: FARM, PACKER, PROCESSOR, CARRIER, RETAILER or REGULATOR.",
    ],
    [
      { gln: "9520123456789" },
      "GLN 9520123456789 has a wrong check digit: the last digit should be 8, not 9. Check the number on the label.",
    ],
    [{ location: { address: "" } }, "Enter the location's address."],
    [{ firstAdminEmail: "ada" }, '"ada" is not an email address: check it.'],
    [{ firstAdminEmail: "" }, "Enter the person's email address."],
  ])("refuses %j: %s", (change, message) => {
    expect(rejectionOf(() => parseOrganization({ ...organization, ...change }))).toBe(message);
  });
});

describe("a location", () => {
  it("keeps coordinates typed as text or given as numbers", () => {
    expect(parseLocation({ ...place, latitude: " -33.9 ", longitude: 18.42 })).toMatchObject({
      latitude: -33.9,
      longitude: 18.42,
    });
    expect(parseLocation({ ...place, latitude: "90", longitude: "-180" })).toMatchObject({
      latitude: 90,
      longitude: -180,
    });
  });

  it.each([
    [{ name: "" }, "Enter the location's name."],
    [{ gln: "" }, "Enter the GLN, the 13-digit Global Location Number of the place."],
    [
      { latitude: "90.5", longitude: "0" },
      "The latitude must be a number from -90 to 90, such as 36.6777.",
    ],
    [
      { latitude: "0", longitude: "181" },
      "The longitude must be a number from -180 to 180, such as -121.6555.",
    ],
    [
      { latitude: "north", longitude: "0" },
      "The latitude must be a number from -90 to 90, such as 36.6777.",
    ],
    [{ latitude: "10" }, "Enter both latitude and longitude, or neither."],
    [{ longitude: "10" }, "Enter both latitude and longitude, or neither."],
    [{ countryCode: "USA" }, "The country is two letters (ISO 3166), such as US."],
    [{ phone: "call us" }, "The phone should be a phone number, such as +1 831 555 0142."],
    [{ timeZone: "Pacific Time" }, "The time zone is an IANA name, such as America/Los_Angeles."],
  ])("refuses %j: %s", (change, message) => {
    expect(rejectionOf(() => parseLocation({ ...place, ...change }))).toBe(message);
  });

  it("keeps FSMA 204's location description: city, region, postal code, country, phone, time zone", () => {
    const described = {
      ...{ city: " Salinas ", region: "CA", postalCode: "93901", countryCode: "us" },
      ...{ phone: "+1 831 555 0142", timeZone: "America/Los_Angeles" },
    };
    expect(parseLocation({ ...place, ...described })).toMatchObject({
      ...{ city: "Salinas", region: "CA", postalCode: "93901", countryCode: "US" },
      ...{ phone: "+1 831 555 0142", timeZone: "America/Los_Angeles" },
    });
    expect(parseLocation({ ...place, city: "", phone: "" })).toMatchObject({
      city: null,
      phone: null,
    });
  });
});

describe("people's input", () => {
  it("reads roles by their exact names only", () => {
    expect(parseInput(memberRoleInput, "READ_ONLY")).toBe("READ_ONLY");
    expect(rejectionOf(() => parseInput(memberRoleInput, "OWNER"))).toBe(
      "Choose a role: admin, staff or read-only.",
    );
  });

  it("compares emails in lower case", () => {
    expect(parseInput(emailInput, " Farm-Staff@LotLedger.demo ")).toBe("farm-staff@lotledger.demo");
  });

  it("asks for 8 to 128 characters of password", () => {
    expect(parseInput(passwordInput, "12345678")).toBe("12345678");
    expect(rejectionOf(() => parseInput(passwordInput, "1234567"))).toBe(
      "Choose a password of at least 8 characters.",
    );
    expect(rejectionOf(() => parseInput(passwordInput, "x".repeat(129)))).toBe(
      "Choose a password of at most 128 characters.",
    );
  });
});
