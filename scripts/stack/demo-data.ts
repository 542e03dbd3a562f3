import { gs1CheckDigit } from "@/lib/gs1/check-digit";

/** GLN-13 under GS1 prefix 952, which GS1 reserves for examples and demonstrations. */
function demoGln(serial: string): string {
  const body = `952000${serial.padStart(6, "0")}`;
  return `${body}${gs1CheckDigit(body)}`;
}

export const DEMO_PASSWORD = "lotledger-demo";

export const DEMO_ORGANIZATIONS = [
  {
    name: "Green Valley Farm",
    kind: "FARM",
    gln: demoGln("1"),
    user: { name: "Maria Lopez", email: "farm@lotledger.demo" },
    location: {
      gln: demoGln("101"),
      name: "Green Valley Farm, Field 7",
      address: "1200 River Rd, Salinas, CA 93901",
      latitude: 36.6777,
      longitude: -121.6555,
    },
  },
  {
    name: "Coastal Packhouse",
    kind: "PACKER",
    gln: demoGln("2"),
    user: { name: "Sam Okafor", email: "packer@lotledger.demo" },
    location: {
      gln: demoGln("201"),
      name: "Coastal Packhouse, Line 2",
      address: "45 Harbor Way, Watsonville, CA 95076",
      latitude: 36.9101,
      longitude: -121.7569,
    },
  },
  {
    name: "ColdRoute Logistics",
    kind: "CARRIER",
    gln: demoGln("3"),
    user: { name: "Jonas Berg", email: "carrier@lotledger.demo" },
    location: {
      gln: demoGln("301"),
      name: "ColdRoute Depot",
      address: "8 Freight Ave, Gilroy, CA 95020",
      latitude: 37.0058,
      longitude: -121.5683,
    },
  },
  {
    name: "FreshMart Supermarkets",
    kind: "RETAILER",
    gln: demoGln("4"),
    user: { name: "Aisha Khan", email: "store@lotledger.demo" },
    location: {
      gln: demoGln("401"),
      name: "FreshMart Store 112",
      address: "300 Market St, San Jose, CA 95113",
      latitude: 37.3337,
      longitude: -121.8907,
    },
  },
  {
    name: "State Food Safety Office",
    kind: "REGULATOR",
    gln: demoGln("5"),
    user: { name: "Dr. Lee Chen", email: "regulator@lotledger.demo" },
    location: {
      gln: demoGln("501"),
      name: "Food Safety Office",
      address: "1 Capitol Mall, Sacramento, CA 95814",
      latitude: 38.5767,
      longitude: -121.4934,
    },
  },
] as const;
