import { lotIdOf } from "@/lib/chain/lot-id";
import { lotEpcClass } from "@/lib/epcis/event";
import { EPCIS_DOCUMENT_CONTEXT } from "@/lib/epcis/standard-event";
import {
  commissioning,
  receiving,
  SUPPLIER_GLN,
  SUPPLIER_GTIN,
  shipping,
  withCheckDigit,
} from "@/tools/testing/partner-events";
import { expect, signIn, test } from "./fixtures";
import { createOrganizationApiKey } from "./fixtures/api-keys";

// Must be true 3 of issue 18: a partner's system (an HTTP client with an API key, no browser)
// captures a shipment's events for a lot made by a supplier with no LotLedger account. The lot's
// trail and the consumer's provenance page show those steps verified on the ledger, a query finds
// them, and a stranger organisation's key finds none of them.

const PARTNER = "ColdRoute Logistics";

test("a partner captures a supplier's shipment; the trail, the provenance page and queries show it", async ({
  db,
  page,
  playwright,
  baseURL,
  lotCode,
}, testInfo) => {
  const partnerKey = await createOrganizationApiKey(db, "carrier@lotledger.demo", [
    "RECORD",
    "READ",
  ]);
  const strangerKey = await createOrganizationApiKey(db, "farm@lotledger.demo", ["READ"]);
  const partner = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${partnerKey}` },
  });
  const stranger = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${strangerKey}` },
  });
  const carrierGln = (await db.organization.findFirstOrThrow({ where: { name: PARTNER } })).gln;
  // The pallet the supplier ships the lot on: an SSCC of the supplier's prefix, new each run.
  const sscc = `https://id.gs1.org/00/${withCheckDigit(`34006381${Date.now().toString().slice(-9)}`)}`;
  const onPallet = (event: Record<string, unknown>) => ({ ...event, epcList: [sscc] });
  const events = [
    commissioning(lotCode),
    onPallet(shipping(lotCode, SUPPLIER_GLN, carrierGln)),
    onPallet(receiving(lotCode, SUPPLIER_GLN, carrierGln)),
  ];
  const captured = await partner.post("/epcis/capture", {
    headers: { "content-type": "application/ld+json" },
    data: {
      "@context": EPCIS_DOCUMENT_CONTEXT,
      type: "EPCISDocument",
      schemaVersion: "2.0",
      creationDate: new Date().toISOString(),
      epcisBody: { eventList: events },
    },
  });
  const answer = await captured.json();
  expect(captured.status(), JSON.stringify(answer)).toBe(201);
  expect(answer.events.map((e: { status: string }) => e.status)).toEqual([
    "accepted",
    "accepted",
    "accepted",
  ]);
  const eventIds: string[] = answer.events.map((e: { eventId: string }) => e.eventId);

  // The lot's trail, as the partner's staff see it, once the sender and the indexer have run.
  const lotId = lotIdOf(SUPPLIER_GTIN, lotCode);
  await signIn(page, "carrier@lotledger.demo");
  const trail = page.getByRole("list", { name: "Trail" }).getByRole("listitem");
  await expect(async () => {
    await page.goto(`/lots/${lotId}`);
    await expect(trail).toHaveCount(3);
    await expect(trail.getByText("✓ verified on the ledger")).toHaveCount(3);
  }).toPass({ timeout: 90_000 });
  await expect(page.getByTestId("origin")).toHaveText(
    `Received from the supplier with GLN ${SUPPLIER_GLN} (not on LotLedger) by ${PARTNER}.`,
  );
  await expect(trail.nth(0)).toContainText(
    `Received from a supplier not on LotLedger by ${PARTNER}, who vouches for it`,
  );
  await expect(trail.nth(1)).toContainText(
    `Shipped by the party with GLN ${SUPPLIER_GLN} to ${PARTNER} · captured by ${PARTNER}`,
  );
  await expect(trail.nth(2)).toContainText(
    `Received by ${PARTNER} from the party with GLN ${SUPPLIER_GLN} · captured by ${PARTNER}`,
  );
  await expect(page.getByText(/produced by/i)).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("captured-trail-1280.png"), fullPage: true });

  // The consumer's provenance page: no sign-in, the same three steps, verified.
  const consumer = await page.context().browser()?.newContext();
  const publicPage = await consumer?.newPage();
  if (!publicPage) throw new Error("No browser for the consumer.");
  await publicPage.goto(`/01/${SUPPLIER_GTIN}/10/${encodeURIComponent(lotCode)}`);
  const steps = publicPage.getByRole("list", { name: "Journey" }).getByRole("listitem");
  await expect(steps).toHaveCount(3);
  await expect(steps.getByText("✓ verified on the ledger")).toHaveCount(3);
  await expect(publicPage.getByTestId("origin")).toContainText(
    `The supplier with GLN ${SUPPLIER_GLN}, not on LotLedger`,
  );
  await expect(publicPage.getByTestId("vouched-by")).toHaveText(
    `Received from this supplier and vouched for by ${PARTNER}`,
  );
  await expect(publicPage.getByText("✗ not verified")).toHaveCount(0);
  await consumer?.close();

  // Queries: the lot's class finds all three, the pallet's SSCC the two it travelled in.
  const byClass = `/epcis/events?MATCH_epcClass=${encodeURIComponent(lotEpcClass(SUPPLIER_GTIN, lotCode))}`;
  const found = await partner.get(byClass);
  expect(found.status()).toBe(200);
  const idsOf = async (response: typeof found): Promise<string[]> =>
    (await response.json()).epcisBody.queryResults.resultsBody.eventList.map(
      (event: { eventID: string }) => event.eventID,
    );
  expect((await idsOf(found)).sort()).toEqual([...eventIds].sort());
  const byEpc = await partner.get(`/epcis/events?MATCH_epc=${encodeURIComponent(sscc)}`);
  expect((await idsOf(byEpc)).sort()).toEqual(eventIds.slice(1).sort());

  // A stranger organisation's key: none of them, by class, by SSCC or by ID.
  expect(await idsOf(await stranger.get(byClass))).toEqual([]);
  expect(
    await idsOf(await stranger.get(`/epcis/events?MATCH_epc=${encodeURIComponent(sscc)}`)),
  ).toEqual([]);
  const one = await stranger.get(`/epcis/events/${encodeURIComponent(eventIds[1] as string)}`);
  expect(one.status()).toBe(404);
  await partner.dispose();
  await stranger.dispose();
});
