import { gs1CheckDigit } from "@/lib/gs1/keys";

/** GLN-13 under GS1 prefix 952, which GS1 reserves for examples and demonstrations. */
function demoGln(serial: string): string {
  const body = `952000${serial.padStart(6, "0")}`;
  return `${body}${gs1CheckDigit(body)}`;
}

export const DEMO_PASSWORD = "lotledger-demo";

/**
 * One organisation of each kind, each with an admin (`user`, the address printed first), a staff
 * member and a read-only viewer: every role of every kind can sign in, for demos and the permission
 * tests. Emails: <kind>@, <kind>-staff@ and <kind>-viewer@lotledger.demo. Each producer holds a GS1
 * company prefix under GS1's 950 (for demonstrations): the farm's 9506000 covers the demo GTINs
 * 0950600013435x and 0950600013436x (tools/stack/demo-forms.ts).
 */
export const DEMO_ORGANIZATIONS = [
  {
    name: "Green Valley Farm",
    kind: "FARM",
    gln: demoGln("1"),
    companyPrefixes: ["9506000"],
    user: { name: "Maria Lopez", email: "farm@lotledger.demo" },
    staff: { name: "Tom Reyes", email: "farm-staff@lotledger.demo" },
    viewer: { name: "Priya Nair", email: "farm-viewer@lotledger.demo" },
    location: {
      gln: demoGln("101"),
      name: "Green Valley Farm, Field 7",
      address: "1200 River Rd",
      city: "Salinas",
      region: "CA",
      postalCode: "93901",
      countryCode: "US",
      phone: "+1 831 555 0142",
      timeZone: "America/Los_Angeles",
      latitude: 36.6777,
      longitude: -121.6555,
    },
  },
  {
    name: "Coastal Packhouse",
    kind: "PACKER",
    gln: demoGln("2"),
    companyPrefixes: ["9506001"],
    user: { name: "Sam Okafor", email: "packer@lotledger.demo" },
    staff: { name: "Lena Fischer", email: "packer-staff@lotledger.demo" },
    viewer: { name: "Omar Haddad", email: "packer-viewer@lotledger.demo" },
    location: {
      gln: demoGln("201"),
      name: "Coastal Packhouse, Line 2",
      address: "45 Harbor Way",
      city: "Watsonville",
      region: "CA",
      postalCode: "95076",
      countryCode: "US",
      phone: "+1 831 555 0178",
      timeZone: "America/Los_Angeles",
      latitude: 36.9101,
      longitude: -121.7569,
    },
  },
  {
    name: "Sunrise Fresh-Cut Kitchen",
    kind: "PROCESSOR",
    gln: demoGln("6"),
    companyPrefixes: ["9506002"],
    user: { name: "Grace Mwangi", email: "processor@lotledger.demo" },
    staff: { name: "Diego Santos", email: "processor-staff@lotledger.demo" },
    viewer: { name: "Hana Sato", email: "processor-viewer@lotledger.demo" },
    location: {
      gln: demoGln("601"),
      name: "Sunrise Fresh-Cut Kitchen, Hall B",
      address: "77 Produce Ln",
      city: "Hollister",
      region: "CA",
      postalCode: "95023",
      countryCode: "US",
      phone: "+1 831 555 0116",
      timeZone: "America/Los_Angeles",
      latitude: 36.8525,
      longitude: -121.4016,
    },
  },
  {
    name: "ColdRoute Logistics",
    kind: "CARRIER",
    gln: demoGln("3"),
    companyPrefixes: [],
    user: { name: "Jonas Berg", email: "carrier@lotledger.demo" },
    staff: { name: "Ana Costa", email: "carrier-staff@lotledger.demo" },
    viewer: { name: "Ben Walsh", email: "carrier-viewer@lotledger.demo" },
    location: {
      gln: demoGln("301"),
      name: "ColdRoute Depot",
      address: "8 Freight Ave",
      city: "Gilroy",
      region: "CA",
      postalCode: "95020",
      countryCode: "US",
      phone: "+1 408 555 0133",
      timeZone: "America/Los_Angeles",
      latitude: 37.0058,
      longitude: -121.5683,
    },
  },
  {
    name: "FreshMart Supermarkets",
    kind: "RETAILER",
    gln: demoGln("4"),
    companyPrefixes: [],
    user: { name: "Aisha Khan", email: "store@lotledger.demo" },
    staff: { name: "Kofi Mensah", email: "store-staff@lotledger.demo" },
    viewer: { name: "Julia Novak", email: "store-viewer@lotledger.demo" },
    location: {
      gln: demoGln("401"),
      name: "FreshMart Store 112",
      address: "300 Market St",
      city: "San Jose",
      region: "CA",
      postalCode: "95113",
      countryCode: "US",
      phone: "+1 408 555 0190",
      timeZone: "America/Los_Angeles",
      latitude: 37.3337,
      longitude: -121.8907,
    },
  },
  {
    name: "State Food Safety Office",
    kind: "REGULATOR",
    gln: demoGln("5"),
    companyPrefixes: [],
    user: { name: "Dr. Lee Chen", email: "regulator@lotledger.demo" },
    staff: { name: "Rosa Alvarez", email: "regulator-staff@lotledger.demo" },
    viewer: { name: "Mark Dubois", email: "regulator-viewer@lotledger.demo" },
    location: {
      gln: demoGln("501"),
      name: "Food Safety Office",
      address: "1 Capitol Mall",
      city: "Sacramento",
      region: "CA",
      postalCode: "95814",
      countryCode: "US",
      phone: "+1 916 555 0105",
      timeZone: "America/Los_Angeles",
      latitude: 38.5767,
      longitude: -121.4934,
    },
  },
] as const;

export type DemoUser = {
  name: string;
  email: string;
  role: "ADMIN" | "STAFF" | "READ_ONLY";
  organization: (typeof DEMO_ORGANIZATIONS)[number];
};

/** Every demo login, admins first within each organisation. */
export const DEMO_USERS: DemoUser[] = DEMO_ORGANIZATIONS.flatMap((organization) => [
  { ...organization.user, role: "ADMIN" as const, organization },
  { ...organization.staff, role: "STAFF" as const, organization },
  { ...organization.viewer, role: "READ_ONLY" as const, organization },
]);

/**
 * The demo farm's products (tools/stack/demo-forms.ts records lots of them): what the pages name its
 * lots by, and the storage range their cold chain is judged against (romaine: 0–5 °C, FDA's advice
 * for cut leafy greens; up to 30 minutes outside it, as a dock transfer takes).
 */
export const DEMO_PRODUCTS = [
  {
    gtin: "09506000134352",
    name: "Romaine lettuce, field-packed",
    brand: "Green Valley",
    description:
      "Whole heads of romaine lettuce, harvested and field-packed in Salinas, California.",
    commodity: "Lettuce",
    variety: "Romaine",
    unit: "kg",
    netContent: "1 kg",
    storageMinCelsius: 0,
    storageMaxCelsius: 5,
    allowedExcursionMinutes: 30,
    shelfLifeDays: 14,
  },
  {
    gtin: "09506000134369",
    name: "Romaine hearts, 3 pack",
    brand: "Green Valley",
    description: "Three trimmed romaine hearts in a bag, packed in Salinas, California.",
    commodity: "Lettuce",
    variety: "Romaine",
    unit: "case",
    netContent: "3 × 200 g",
    storageMinCelsius: 0,
    storageMaxCelsius: 5,
    allowedExcursionMinutes: 30,
    shelfLifeDays: 12,
  },
] as const;
