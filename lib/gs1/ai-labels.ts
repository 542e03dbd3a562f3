/**
 * What a user calls an AI, for messages ("The barcode's lot code (10) …"). Words only: every
 * format, check and pairing comes from GS1's Syntax Dictionary; an AI not named here is called by
 * the dictionary's title ("MAX TEMP F.").
 */
// biome-ignore format: a table reads better one AI a line
export const AI_LABELS: Readonly<Record<string, string>> = {
  "00": "SSCC",
  "01": "GTIN",
  "02": "GTIN of the contained items",
  "03": "made-to-order GTIN",
  "10": "lot code",
  "11": "production date",
  "12": "due date",
  "13": "packaging date",
  "15": "best-before date",
  "16": "sell-by date",
  "17": "expiry date",
  "20": "product variant",
  "21": "serial number",
  "22": "consumer product variant",
  "235": "third-party serial number",
  "240": "additional product ID",
  "241": "customer part number",
  "250": "secondary serial number",
  "251": "reference to source entity",
  "253": "GDTI",
  "254": "GLN extension",
  "255": "GCN",
  "30": "variable count",
  "37": "count of trade items",
  "400": "purchase order number",
  "401": "GINC",
  "402": "GSIN",
  "410": "ship-to GLN",
  "411": "bill-to GLN",
  "412": "purchased-from GLN",
  "413": "ship-for GLN",
  "414": "location GLN",
  "415": "invoicing party GLN",
  "416": "production location GLN",
  "417": "party GLN",
  "422": "country of origin",
  "7003": "expiry date and time",
  "7006": "first freeze date",
  "7007": "harvest date",
  "7040": "importer index",
  "8003": "GRAI",
  "8004": "GIAI",
  "8006": "ITIP",
  "8010": "component/part ID",
  "8011": "component/part serial number",
  "8013": "GMN",
  "8017": "GSRN of the service provider",
  "8018": "GSRN of the service recipient",
  "8019": "service relation instance number",
  "8020": "payment slip reference number",
  "8200": "product URL",
  "90": "mutually agreed information",
  ...Object.fromEntries(
    ["91", "92", "93", "94", "95", "96", "97", "98", "99"].map((ai) => [ai, "company internal information"]),
  ),
};

// The fourth digit n of 310n etc. is the number of decimals; the measure's name is the same.
// biome-ignore format: a table reads better on a few lines
export const MEASURE_LABELS: Readonly<Record<string, string>> = {
  "310": "net weight in kg", "311": "length in m", "312": "width in m", "313": "depth in m",
  "314": "area in m²", "315": "net volume in l", "316": "net volume in m³",
  "320": "net weight in lb", "330": "gross weight in kg",
};
