import { readFile } from "node:fs/promises";
import { lotIdOf } from "@/lib/chain/lot-id";
import { lotEpcClass } from "@/lib/epcis/event";
import { expect, expectOnLedger, fillLotForm, signIn, test } from "./fixtures";
import { GTIN } from "./fixtures/journey";

// Issue 18, export and query: a farm records a lot, downloads its trail from the lot page as an
// EPCIS 2.0 document and finds the same event by MATCH_epcClass; a stranger organisation gets
// neither.

test("a lot's trail downloads as EPCIS from the lot page, and the query finds its events for its parties only", async ({
  page,
  browser,
  lotCode,
}, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page, "farm@lotledger.demo");
  await fillLotForm(page, { gtin: GTIN, lotCode, quantity: "40" });
  await expectOnLedger(page);
  const lotId = lotIdOf(GTIN, lotCode);
  await page.goto(`/lots/${lotId}`);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Trail as EPCIS 2.0 (JSON-LD)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    new RegExp(`^epcis-trail-${lotCode}-\\d{4}-\\d{2}-\\d{2}\\.jsonld$`),
  );
  const path = testInfo.outputPath("trail.jsonld");
  await file.saveAs(path);
  const document = JSON.parse(await readFile(path, "utf8"));
  expect(document.type).toBe("EPCISDocument");
  const [event] = document.epcisBody.eventList;
  expect(event.eventID).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);

  const search = `MATCH_anyEPCClass=${encodeURIComponent(lotEpcClass(GTIN, lotCode))}`;
  const found = await page.request.get(`/epcis/events?${search}`);
  expect(found.status()).toBe(200);
  const eventIds = (await found.json()).epcisBody.queryResults.resultsBody.eventList.map(
    (e: { eventID: string }) => e.eventID,
  );
  expect(eventIds).toContain(event.eventID);

  const stranger = await (await browser.newContext()).newPage();
  await signIn(stranger, "store@lotledger.demo");
  const refused = await stranger.request.get(`/api/lots/${lotId}/epcis.jsonld`);
  expect(refused.status()).toBe(404);
  const none = await stranger.request.get(`/epcis/events?${search}`);
  expect((await none.json()).epcisBody.queryResults.resultsBody.eventList).toEqual([]);
});
