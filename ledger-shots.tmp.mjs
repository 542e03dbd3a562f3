import { chromium, request } from "@playwright/test";
const base = "http://localhost:3460";
const lotCode = `GV-${Date.now().toString(36).toUpperCase()}`;
const GTIN = "04006381333931";
const SUPPLIER = "4006381000017";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await page.goto(`${base}/sign-in`);
await page.getByLabel("Email").fill("carrier@lotledger.demo");
await page.getByLabel("Password").fill("lotledger-demo");
await page.getByRole("button", { name: /sign in/i }).click();
await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
await page.goto(`${base}/organization`);
const section = page.getByRole("region", { name: "API keys" });
await section.getByRole("textbox", { name: /^Key name/ }).fill(`Partner ${lotCode}`);
await section.getByRole("checkbox", { name: "record lots, events, shipments and readings" }).check();
await section.getByRole("button", { name: "Create API key" }).click();
const key = await section.getByLabel("API key", { exact: true }).inputValue();
const carrierGln = process.argv[2];
const dl = `https://id.gs1.org/01/${GTIN}/10/${lotCode}`;
const q = [{ epcClass: dl, quantity: 40, uom: "KGM" }];
const loc = (g) => ({ id: `https://id.gs1.org/414/${g}` });
const party = (k, g) => ({ type: "owning_party", [k]: `https://id.gs1.org/417/${g}` });
const events = [
  { type: "ObjectEvent", eventTime: "2026-11-30T08:00:00Z", eventTimeZoneOffset: "+00:00", action: "ADD", bizStep: "commissioning", disposition: "active", readPoint: loc(SUPPLIER), bizLocation: loc(SUPPLIER), quantityList: q },
  { type: "ObjectEvent", eventTime: "2026-12-01T06:00:00Z", eventTimeZoneOffset: "+00:00", action: "OBSERVE", bizStep: "shipping", disposition: "in_transit", readPoint: loc(SUPPLIER), quantityList: q, sourceList: [party("source", SUPPLIER)], destinationList: [party("destination", carrierGln)] },
  { type: "ObjectEvent", eventTime: "2026-12-01T14:00:00Z", eventTimeZoneOffset: "+00:00", action: "OBSERVE", bizStep: "receiving", disposition: "in_progress", quantityList: q, sourceList: [party("source", SUPPLIER)], destinationList: [party("destination", carrierGln)] },
];
const client = await request.newContext({ baseURL: base, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
const res = await client.post("/epcis/capture", { headers: { "content-type": "application/ld+json" }, data: { "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], type: "EPCISDocument", schemaVersion: "2.0", creationDate: new Date().toISOString(), epcisBody: { eventList: events } } });
console.log(res.status(), JSON.stringify((await res.json()).events));
for (let i = 0; i < 60; i++) {
  await page.goto(`${base}/lots?q=${lotCode}`);
  const link = page.getByRole("link", { name: new RegExp(lotCode) }).first();
  if (await link.count()) { await link.click(); await page.waitForLoadState(); if ((await page.getByText("✓ verified on the ledger").count()) >= 3) break; }
  await page.waitForTimeout(2000);
}
await page.screenshot({ path: "/tmp/ledger-trail-1280.png", fullPage: true });
await page.setViewportSize({ width: 360, height: 740 });
await page.screenshot({ path: "/tmp/ledger-trail-360.png", fullPage: true });
const pub = await browser.newContext({ viewport: { width: 360, height: 740 } });
const p2 = await pub.newPage();
await p2.goto(`${base}/01/${GTIN}/10/${lotCode}`);
await p2.screenshot({ path: "/tmp/ledger-provenance-360.png", fullPage: true });
await p2.setViewportSize({ width: 1280, height: 800 });
await p2.screenshot({ path: "/tmp/ledger-provenance-1280.png", fullPage: true });
console.log(page.url());
await browser.close();
