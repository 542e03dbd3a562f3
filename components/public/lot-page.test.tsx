import { describe, expect, it } from "vitest";
import type { PackageProof, Provenance } from "@/lib/provenance";
import { LotPage } from "./lot-page";
import { renderDocument, renderFragment } from "./render";

const place = {
  organization: "Green <Valley> Farm",
  name: "Field 7",
  address: "1200 River Rd",
  latitude: 36.68,
  longitude: -121.66,
  timeZone: "America/Los_Angeles",
};
const notice = {
  reason: "Listeria monocytogenes found in a retained sample.",
  severity: "CLASS_I" as const,
  since: "2026-11-25T02:00:00.000Z",
  recalledBy: { name: "FreshMart", phone: "+1 408 555 0112", timeZone: "America/Los_Angeles" },
};
const provenance: Provenance = {
  lotId: "0x01",
  gtin: "09506000134352",
  lotCode: `L1"><script>alert(1)</script>`,
  quantity: "300",
  unit: "case",
  product: {
    name: "Romaine hearts, 3 pack",
    brand: "Green Valley",
    description: "Three trimmed romaine hearts.",
    imageUrl: "https://images.example/romaine.jpg",
  },
  recall: {
    gtin: "09506000134352",
    lotCode: `L1"><script>alert(1)</script>`,
    isThisLot: true,
    productName: "Romaine hearts, 3 pack",
    notice,
  },
  status: "RECALLED",
  producer: {
    name: "Green <Valley> Farm",
    place,
    fieldName: "Field 7, north block",
    harvestDate: "2026-11-24",
  },
  vouchedBy: null,
  holder: "FreshMart",
  lineageLotIds: ["0x01"],
  steps: [
    {
      id: "e1",
      what: "Registered by Green <Valley> Farm",
      where: place,
      to: null,
      when: "2026-11-24T05:00:00.000Z",
      isWhenFromPayload: true,
      who: "Green <Valley> Farm",
      isVerified: false,
      txHash: `0x${"ab".repeat(32)}`,
      blockNumber: 12,
      sourceLotCode: null,
      travel: null,
    },
  ],
  coldChain: [],
  deviceBatches: [],
  hold: null,
};
const proof: PackageProof = {
  serial: "ABCDEFGH23",
  leaf: `0x${"11".repeat(32)}`,
  proof: [`0x${"22".repeat(32)}`],
  packageCount: 2,
  serialsRoot: `0x${"33".repeat(32)}`,
  isVerified: true,
};

const lotPage = (lot: Provenance, packageProof: PackageProof | null = null) =>
  renderDocument(<LotPage provenance={lot} packageProof={packageProof} />);

describe("the public pages as plain HTML", () => {
  it("escapes everything that comes from the database or the link", () => {
    const page = lotPage(provenance);
    expect(page).not.toContain("<script>");
    expect(page).toContain("L1&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("Green &lt;Valley&gt; Farm");
    // React escapes attribute values and text alike (the apostrophe as &#x27;).
    expect(renderFragment(<span title={`"x" & 'y'`}>{["<b>", <i key="i">ok</i>]}</span>)).toBe(
      `<span title="&quot;x&quot; &amp; &#x27;y&#x27;">&lt;b&gt;<i>ok</i></span>`,
    );
  });

  it("leads with the recall banner, marks unverified steps and shows a package's proof", () => {
    const page = lotPage({ ...provenance, recall: null }, proof);
    expect(page).toContain("✗ not verified: the stored record no longer matches the ledger");
    expect(page).toContain(
      "✓ this package is one of the 2 packages registered on the ledger with lot L1",
    );
    expect(page).toContain(proof.proof[0]);
    expect(lotPage(provenance, { ...proof, isVerified: false })).toContain("✗ not verified:");
    expect(page).not.toMatch(/<script/i);
  });

  it("leads with the product: its name as the heading, brand and picture, then the lot and origin", () => {
    const page = lotPage({ ...provenance, recall: null });
    expect(page).toContain('<h1 id="product-heading">Romaine hearts, 3 pack</h1>');
    expect(page).toContain("<title>Romaine hearts, 3 pack: lot L1");
    expect(page).toContain('src="https://images.example/romaine.jpg"');
    expect(page.indexOf("Green Valley</p>")).toBeLessThan(page.indexOf('<h1 id="product-heading"'));
    expect(page).toContain('data-testid="origin-field">Field 7, north block</dd>');
    expect(page).toContain('data-testid="origin-harvest-date">24 Nov 2026</dd>');
    // A GTIN nobody described keeps the lot as its heading.
    expect(lotPage({ ...provenance, product: null })).toContain(
      '<h1 id="product-heading">Lot L1&quot;&gt;',
    );
  });

  it("writes each step's time on the clock of its place, and UTC (said) where the zone is unknown", () => {
    const [step] = provenance.steps as [Provenance["steps"][number]];
    const unknownZone = { ...step, id: "e2", where: { ...place, timeZone: null } };
    const page = lotPage({ ...provenance, steps: [step, unknownZone] });
    expect(page).toContain('data-testid="when">23 Nov 2026, 21:00 PST</time>');
    expect(page).toContain('data-testid="when">24 Nov 2026, 05:00 UTC</time>');
  });

  it("says in the banner what, why (in the recaller's words), since when, how serious and whom to ask", () => {
    const page = lotPage(provenance);
    const banner = page.slice(page.indexOf('role="alert"'), page.indexOf("</section>"));
    expect(banner).toContain("Romaine hearts, 3 pack, lot L1&quot;");
    expect(banner).toContain("“Listeria monocytogenes found in a retained sample.”");
    expect(banner).toContain("— FreshMart");
    // 02:00 UTC on the 25th is the evening of the 24th in California, where FreshMart recalled it.
    expect(banner).toContain('dateTime="2026-11-25T02:00:00.000Z">24 Nov 2026</time>');
    expect(banner).toContain("Class I: could cause serious illness");
    expect(banner).toContain('<a href="tel:+14085550112">+1 408 555 0112</a>');
    const recall = provenance.recall as NonNullable<Provenance["recall"]>;
    const unrecorded = lotPage({ ...provenance, recall: { ...recall, notice: null } });
    expect(unrecorded).toContain("Not published on LotLedger: ask the store where you bought it.");
  });

  it("puts nothing reassuring under the banner: a recalled package's proof comes last, with no tick", () => {
    const page = lotPage(provenance, proof);
    expect(page).not.toContain("✓ this package");
    expect(page).toContain(
      "This package is one of the 2 packages registered on the ledger with lot L1&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;, so the recall covers it.",
    );
    expect(page.indexOf("package-proof")).toBeGreaterThan(page.indexOf("ledger-meaning"));
  });

  it("says what 'verified on the ledger' proves and what it does not, and offers to check another lot", () => {
    const page = lotPage(provenance);
    expect(page).toContain("nobody — not that business, not LotLedger — has changed");
    expect(page).toContain("It does not prove that what was written was true");
    expect(page).toMatch(/<form [^>]*action="\/check" method="get">/);
    expect(page).toMatch(/<input [^>]*name="gtin" value="09506000134352"\/>/);
  });

  it("says which steps happened to a lot this one was made from", () => {
    const [step] = provenance.steps as [Provenance["steps"][number]];
    const page = lotPage({ ...provenance, steps: [{ ...step, sourceLotCode: "HARVEST-7" }, step] });
    expect(page.match(/data-testid="source-lot"/g)).toHaveLength(1);
    expect(page).toContain("Lot HARVEST-7, which this lot was made from");
  });

  it("says which pallet and shipment a step moved the lot in", () => {
    const [step] = provenance.steps as [Provenance["steps"][number]];
    const travel = { sscc: "006141410000000013", shipment: "Bill of lading BOL-778" };
    const page = lotPage({ ...provenance, steps: [step, { ...step, id: "e2", travel }] });
    expect(page.match(/data-testid="travel"/g)).toHaveLength(1);
    expect(page).toContain("On pallet SSCC 006141410000000013 · Shipment: Bill of lading BOL-778");
  });

  it("names the recalled lot a product was made from, and shows no banner when nothing is recalled", () => {
    const recall = {
      gtin: "09506000134369",
      lotCode: "HARVEST-7",
      isThisLot: false,
      productName: "Romaine lettuce, field-packed",
      notice,
    };
    const page = lotPage({ ...provenance, recall });
    expect(page).toContain('<h2 id="recall-heading">Recalled: made from lot HARVEST-7</h2>');
    expect(page).toContain(
      "This product was made from lot HARVEST-7 (GTIN 09506000134369), which is recalled.",
    );
    expect(page).toContain("Do not eat this product. Return it to the store or throw it away.");
    expect(lotPage({ ...provenance, recall: null })).not.toContain('role="alert"');
  });
});
