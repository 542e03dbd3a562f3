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
};
const provenance: Provenance = {
  lotId: "0x01",
  gtin: "09506000134352",
  lotCode: `L1"><script>alert(1)</script>`,
  quantity: "300",
  unit: "case",
  recall: { gtin: "09506000134352", lotCode: `L1"><script>alert(1)</script>`, isThisLot: true },
  status: "RECALLED",
  producer: { name: "Green <Valley> Farm", place },
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
    },
  ],
  coldChain: [],
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
    const page = lotPage(provenance, proof);
    expect(page.indexOf('role="alert"')).toBeLessThan(page.indexOf("Lot L1"));
    expect(page).toContain("✗ not verified: the stored record no longer matches the ledger");
    expect(page).toContain(
      "✓ this package is one of the 2 packages registered on the ledger with lot L1",
    );
    expect(page).toContain(proof.proof[0]);
    expect(lotPage(provenance, { ...proof, isVerified: false })).toContain("✗ not verified:");
    expect(page).not.toMatch(/<script/i);
  });

  it("says which steps happened to a lot this one was made from", () => {
    const [step] = provenance.steps as [Provenance["steps"][number]];
    const page = lotPage({ ...provenance, steps: [{ ...step, sourceLotCode: "HARVEST-7" }, step] });
    expect(page.match(/data-testid="source-lot"/g)).toHaveLength(1);
    expect(page).toContain("Lot HARVEST-7, which this lot was made from");
  });

  it("names the recalled lot a product was made from, and shows no banner when nothing is recalled", () => {
    const recall = { gtin: "09506000134369", lotCode: "HARVEST-7", isThisLot: false };
    const page = lotPage({ ...provenance, recall });
    expect(page).toContain('<h2 id="recall-heading">Recalled: made from lot HARVEST-7</h2>');
    expect(page).toContain(
      "This product was made from lot HARVEST-7 (GTIN 09506000134369), which is recalled.",
    );
    expect(page).toContain("Do not eat this product. Return it to the store or throw it away.");
    expect(lotPage({ ...provenance, recall: null })).not.toContain('role="alert"');
  });
});
