// The FDA's "FSMA Food Traceability — Electronic Sortable Spreadsheet" template (June 2024): its 13
// data sheets and their column headers, in order, as ../shared/conformance/fsma204/columns.md reads
// them (a cell's line breaks as one space, its example hint left out). Location and product
// descriptions span 7 and 6 columns; every CTE sheet ends with two reference documents.

const LOCATION_PARTS = [
  "Business Name",
  "Phone Number",
  "Street Address or Geographic Coordinates",
  "City",
  "State or Region",
  "ZIP or Postal Code",
  "Country",
];
/** Some sheets spell the region and postal code with a slash. */
const SLASHED: Record<string, string> = {
  "State or Region": "State/Region",
  "ZIP or Postal Code": "ZIP/Postal Code",
};
const PRODUCT_PARTS = [
  "Product Name",
  "Brand Name (if applicable)",
  "Commodity (if applicable)",
  "Variety (if applicable)",
  "Packaging Size",
  "Packaging Style",
];
const ADDRESS_PARTS = [
  "Street Address or Geographic Coordinates",
  "City",
  "State/Region",
  "Zip/Postal Code",
  "Country",
];

const location = (prefix: string, spelling: "or" | "slash" = "or") =>
  LOCATION_PARTS.map(
    (part) => `${prefix} - ${spelling === "slash" ? (SLASHED[part] ?? part) : part}`,
  );
const product = (prefix: string) => PRODUCT_PARTS.map((part) => `${prefix} - ${part}`);
const address = (prefix: string) => ADDRESS_PARTS.map((part) => `${prefix} - ${part}`);
const REFERENCES = [
  "Reference Document Type",
  "Reference Document Number",
  "Reference Document Type2",
  "Reference Document Number2",
];

const RECIPIENT =
  "Location Description for the Immediate Subsequent Recipient (other than a transporter)";
const PREVIOUS =
  "Location Description for the Immediate Previous Source (other than a transporter)";
const FARM = "Location Description for the Farm where the Food was Harvested";
const TLC_SOURCE = "Location Description for the Traceability Lot Code Source";
const PACKED_AT =
  "Location Description for where you Initially Packed the Food (i.e., the Traceability Lot Code Source)";
const RECEIVED = [
  "Commodity of the food received",
  "Variety (if applicable) of the food received",
  "Receive Date (mm/dd/yyyy)",
  "Quantity of the food received",
  "Unit of Measure of the food received",
];
const TLC_SOURCE_REFERENCE = "Traceability Lot Code Source Reference (if applicable)";
const TLC_SOURCE_REFERENCE_INSTEAD =
  "Traceability Lot Code Source Reference (may be provided instead of the location description for the TLC Source)";
const seed = (what: string) => location(`Location description for ${what}`);

export const FSMA_TEMPLATE_SHEETS = {
  Harvesting: [
    ...location(RECIPIENT),
    ...["Commodity", "Variety (if applicable)", "Quantity", "Unit of Measure"],
    ...location(FARM),
    "For produce, the name of the field or other growing area from which the food was harvested (which must correspond to the name used by the grower)",
    "For aquacultured food, the name of the container (e.g., pond, pool, tank, cage) from which the food was harvested (which must correspond to the container name used by the aquaculture farmer)",
    "Harvest Date (mm/dd/yyyy)",
    ...REFERENCES,
  ],
  Cooling: [
    ...location(RECIPIENT),
    ...["Commodity", "Variety (if applicable)", "Quantity", "Unit of Measure"],
    ...location("Location Description for where the Food was Cooled"),
    "Cooling Date (mm/dd/yyyy)",
    ...location(FARM),
    ...REFERENCES,
  ],
  "Initial Packing": [
    ...RECEIVED,
    ...location(FARM),
    "For Produce, the Name of the Field or Other Growing Area from which the Food was Harvested (which must correspond to the name used by the grower)",
    "For Aquacultured food, the Name of the Container (e.g., pond, pool, tank, cage) from which the Food was Harvested (which must correspond to the container name used by the aquaculture farmer)",
    ...["Harvester Business Name", "Harvester Phone Number", "Harvesting Date (mm/dd/yyyy)"],
    ...location("Location Description for where the Food was Cooled (if applicable)"),
    ...["Cooling Date (if applicable) (mm/dd/yyyy)", "Traceability Lot Code"],
    ...product("Product Description of the Packed Food"),
    ...["Quantity of Packed Food", "Unit of Measure of Packed Food"],
    ...location(PACKED_AT),
    ...[TLC_SOURCE_REFERENCE, "Initial Packing Date (mm/dd/yyyy)"],
    ...REFERENCES,
  ],
  "Initial Packing Sprouts": [
    ...location("Location Description for the Grower of Seeds for Sprouting (if available)"),
    "Seed Harvesting Date (if available) (mm/dd/yyyy)",
    ...seed("the seed conditioner or processor"),
    "Seed Lot Code Associated with Conditioning or Processing",
    "Conditioning or Processing Date (mm/dd/yyyy)",
    ...seed("the seed packinghouse"),
    ...["Seed Packing Date (mm/dd/yyyy)", "Seed Lot Code Assigned by the Seed Packinghouse"],
    ...seed("the seed repacking facility (if applicable)"),
    "Seed Repacking Date (if applicable) (mm/dd/yyyy)",
    "Seed Lot Code Assigned by the Repacker (if applicable)",
    ...seed("the seed supplier"),
    "Seed Lot Code Assigned by the Seed Supplier - Master Seed Lot",
    "Seed Lot Code Assigned by the Seed Supplier - Sub-Lot Code",
    "Seed Lot Code Assigned by the Sprouter - New Seed Lot",
    "Description of the seeds - Type or Taxonomic name",
    "Description of the seeds - Growing Specifications",
    "Description of the seeds - Packaging",
    "Description of the seeds - Antimicrobial Treatment (if applicable)",
    "Receive Date of Seeds by Sprouter (mm/dd/yyyy)",
    ...REFERENCES,
  ],
  "Initial Packing from Exempt": [
    ...RECEIVED,
    ...location("Location Description for the Person from whom you Received the Food"),
    "Traceability Lot Code (you assigned)",
    ...product("Product Description of the Packed Food"),
    ...["Quantity of the Packed Food", "Unit of Measure of the Packed Food"],
    ...location(PACKED_AT),
    ...[TLC_SOURCE_REFERENCE, "Initial Packing Date (mm/dd/yyyy)"],
    ...REFERENCES,
  ],
  "First Land-Based Receiving": [
    "Traceability Lot Code (you assigned)",
    "Species and/or Acceptable Market Name, If the Food is Unpackaged",
    ...product("Product Description, If the Food is Packaged"),
    ...["Quantity", "Unit of Measure", "Harvest Date Start (mm/dd/yyyy)"],
    ...["Harvest Date End (mm/dd/yyyy)", "Harvest Locations For the Trip"],
    ...location(
      "Location Description for the First Land-Based Receiver (i.e., the Traceability Lot Code Source)",
    ),
    ...[TLC_SOURCE_REFERENCE, "Landing Date (mm/dd/yyyy)"],
    ...REFERENCES,
  ],
  Shipping: [
    ...["Traceability Lot Code", "Quantity", "Unit of Measure"],
    ...product("Product Description"),
    ...location(RECIPIENT),
    ...location("Location Description for the Location from which you Shipped the Food"),
    "Shipping Date (mm/dd/yyyy)",
    ...location(TLC_SOURCE, "slash"),
    TLC_SOURCE_REFERENCE_INSTEAD,
    ...REFERENCES,
  ],
  Receiving: [
    ...["Traceability Lot Code", "Quantity", "Unit of Measure"],
    ...product("Product Description"),
    ...location(PREVIOUS),
    ...location("Location Description for where the Food was Received"),
    "Date you Received the Food (mm/dd/yyyy)",
    ...location(TLC_SOURCE, "slash"),
    TLC_SOURCE_REFERENCE_INSTEAD,
    ...REFERENCES,
  ],
  "Receiving From Exempt": [
    "Traceability Lot Code (which you must assign if one has not already been assigned) (does not apply if you are a Retail Food Establishment or Restaurant)",
    ...["Quantity", "Unit of Measure"],
    ...product("Product Description"),
    ...location(PREVIOUS),
    ...location(
      "Location Description for where the Food was Received (i.e., the Traceability Lot Code Source)",
      "slash",
    ),
    ...[TLC_SOURCE_REFERENCE, "Receive Date (mm/dd/yyyy)"],
    ...REFERENCES,
  ],
  Transformation: [
    "Traceability Lot Code for the FTL Food used in Transformation (if applicable)",
    ...product(
      "Product Description for the Incoming FTL Food used in Transformation (if applicable)",
    ),
    "Quantity of the food from this traceability lot that was used in the transformation (if applicable)",
    "Unit of measure for the food from this traceability lot that was used in the transformation (if applicable)",
    "New Traceability Lot Code you assigned to the Food Produced Through Transformation",
    ...location(
      "Location Description for where you Transformed the Food (i.e., the Traceability Lot Code Source)",
      "slash",
    ),
    ...[TLC_SOURCE_REFERENCE, "Transformation Completion Date (mm/dd/yyyy)"],
    ...product("Product Description for the Food Produced through Transformation"),
    "Quantity of the Food Produced through Transformation",
    "Unit of Measure for the Food Produced through Transformation",
    ...REFERENCES,
  ],
  "Farm Purchase by RFE or Rest.": [
    "Name of the Food Directly Purchased from Farm",
    "Name of the Farm that was the source of the Food",
    ...address("Address of the Farm that was the source of the Food"),
  ],
  "Ad-hoc RFE or Rest. Purchase": [
    ...["Name of the Product Purchased", "Date of Purchase (mm/dd/yyyy)"],
    "Name of the Place of Purchase",
    ...address("Address of the Place of Purchase"),
  ],
  "Farm to School or Institution": [
    "Name of the Food Obtained from a Farm through a Farm to School or Farm to Institution Program",
    "Name of the Farm that was the source of the Food",
    ...address("Address of the Farm that was the source of the Food"),
  ],
} as const satisfies Record<string, readonly string[]>;

export type FsmaSheetName = keyof typeof FSMA_TEMPLATE_SHEETS;

/** What LotLedger adds after the template's columns on the sheets it fills. */
export const LEDGER_COLUMNS = ["Verified on the ledger", "Transaction hash"];
