import { readdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { buildDigitalLink } from "@/lib/gs1/digital-link";
import { expect, formError, signIn, test } from "./fixtures";
import { seedRecallLots } from "./fixtures/recall";

// Every page, export, scan and API route of a lot, walked over HTTP by an organisation with no part
// in the lot (ColdRoute, a carrier) and by one that holds it (FreshMart). The stranger must get what a
// lot that does not exist gets — the same status and the same words — and the holder must get the
// lot. The full matrix of parts in a lot's lineage runs over the domain functions in
// lib/lots/visibility.db.test.ts; this proves the routes call them.

const GTIN = "09506000134352";
const STRANGER = "carrier@lotledger.demo";
const HOLDER = "store@lotledger.demo";

type Lot = { id: string; lotCode: string; serial: string };

/** The lot pages, by their route template, as a member opens them. */
const PAGES: Record<string, (lot: Lot) => string> = {
  "/lots/[lotId]": (lot) => `/lots/${lot.id}`,
  "/lots/[lotId]/readings": (lot) => `/lots/${lot.id}/readings`,
  "/lots/[lotId]/labels": (lot) => `/lots/${lot.id}/labels`,
  "/recalls/lots/[lotId]": (lot) => `/recalls/lots/${lot.id}`,
  "/recalls/lots/[lotId]/new": (lot) =>
    `/recalls/lots/${lot.id}/new?reason=Listeria&severity=CLASS_I`,
};

/** The lot's downloads and API calls; the POST bodies are valid, so only the lot decides. */
const REQUESTS: Record<string, (lot: Lot, gln: string) => { path: string; body?: object }> = {
  "/api/recalls/lots/[lotId]/scope.csv": (lot) => ({
    path: `/api/recalls/lots/${lot.id}/scope.csv`,
  }),
  "/api/recalls/lots/[lotId]/fsma.csv": (lot) => ({ path: `/api/recalls/lots/${lot.id}/fsma.csv` }),
  "/api/lots/[lotId]/epcis.jsonld": (lot) => ({ path: `/api/lots/${lot.id}/epcis.jsonld` }),
  "/api/fsma/workbook.xlsx": (lot) => ({
    path: `/api/fsma/workbook.xlsx?tlc=${lot.lotCode}&gtin=${GTIN}`,
  }),
  "/api/lots/[lotId]/handoffs": (lot, gln) => ({
    path: `/api/lots/${lot.id}/handoffs`,
    body: { recipientGln: gln },
  }),
  "/api/lots/[lotId]/receipts": (lot) => ({
    path: `/api/lots/${lot.id}/receipts`,
    body: { decision: "accept" },
  }),
  "/api/lots/[lotId]/readings": (lot) => ({
    path: `/api/lots/${lot.id}/readings`,
    body: { readings: [{ time: new Date(Date.now() - 60_000).toISOString(), celsius: 3.1 }] },
  }),
  "/api/recalls": (lot) => ({
    path: "/api/recalls",
    body: { lotId: lot.id, reason: "Listeria in a retained sample", severity: "CLASS_I" },
  }),
  "/api/recalls/[recallId]/removals": (lot) => ({
    path: "/api/recalls/none/removals",
    body: { lotId: lot.id, serial: lot.serial },
  }),
};

/** Status and visible words of a page, with the lot's code and id written as placeholders. */
async function openPage(page: Page, url: string, lot: Lot) {
  const response = await page.goto(url);
  // A 404 thrown while the page streams is drawn once the stream ends: read the settled page.
  await page.waitForLoadState("networkidle");
  const text = await page.locator("body").innerText();
  return { status: response?.status(), text: neutral(text, lot) };
}

async function request(page: Page, lot: Lot, call: { path: string; body?: object }) {
  const origin = new URL(page.url()).origin;
  const response = call.body
    ? await page.request.post(call.path, { data: call.body, headers: { origin } })
    : await page.request.get(call.path);
  return { status: response.status(), text: neutral(await response.text(), lot) };
}

/** Types the package's Digital Link on the scan page and presses Look up. */
async function scan(page: Page, lot: Lot) {
  await page.goto("/scan");
  const stem = new URL(page.url()).origin;
  const ais = { "01": GTIN, "10": lot.lotCode, "21": lot.serial };
  await page.getByLabel("Type the code").fill(buildDigitalLink({ stem, ais }));
  await page.getByRole("button", { name: "Look up" }).click();
}

/** The sentence a scan is refused with. */
async function scanRefusal(page: Page, lot: Lot) {
  await scan(page, lot);
  await expect(formError(page)).toBeVisible();
  return neutral(await formError(page).innerText(), lot);
}

const neutral = (text: string, lot: Lot) =>
  text.replaceAll(lot.lotCode, "LOT").replaceAll(lot.id, "LOT-ID").replaceAll(lot.serial, "SERIAL");

test("every route of a lot answers a stranger as for a lot that does not exist, and its holder with the lot", async ({
  page,
  browser,
  db,
  lotCode,
}) => {
  test.setTimeout(240_000);
  const { x } = seedRecallLots(lotCode);
  const lot: Lot = { id: x.id, lotCode: x.lotCode, serial: x.serials[0] as string };
  const noCode = `NOSUCH${Date.now().toString(36)}`.toUpperCase();
  const none: Lot = { id: `0x${"7".repeat(64)}`, lotCode: noCode, serial: lot.serial };
  const farm = await db.organization.findFirstOrThrow({ where: { kind: "FARM" } });

  await signIn(page, STRANGER);
  for (const [route, url] of Object.entries(PAGES)) {
    const answer = await openPage(page, url(lot), lot);
    // Soft: a failure lists every route that leaks, not only the first.
    expect.soft(answer, route).toEqual(await openPage(page, url(none), none));
    expect.soft(answer.status, route).toBe(404);
  }
  for (const [route, call] of Object.entries(REQUESTS)) {
    const answer = await request(page, lot, call(lot, farm.gln));
    expect.soft(answer, route).toEqual(await request(page, none, call(none, farm.gln)));
    expect.soft(answer.status, route).toBe(404);
  }
  expect.soft(await scanRefusal(page, lot)).toEqual(await scanRefusal(page, none));
  await page.goto(`/recalls?q=${lot.lotCode}`);
  await expect(page.getByRole("status")).toHaveText(new RegExp(`^No lot matches “${lot.lotCode}”`));

  // The holder gets the lot on every one of them (a refusal of a write is not a "not found").
  const holder = await (
    await browser.newContext({ baseURL: new URL(page.url()).origin })
  ).newPage();
  await signIn(holder, HOLDER);
  for (const [route, url] of Object.entries(PAGES)) {
    const answer = await openPage(holder, url(lot), lot);
    expect(answer.status, route).toBe(200);
    expect(answer.text, route).toContain("LOT");
  }
  for (const [route, call] of Object.entries(REQUESTS)) {
    if (call(lot, farm.gln).body) continue; // a write the holder may make would be made
    expect((await request(holder, lot, call(lot, farm.gln))).status, route).toBe(200);
  }
  const removal = REQUESTS["/api/recalls/[recallId]/removals"] as (typeof REQUESTS)[string];
  // The lot is not recalled, so the package stays on sale: a refusal, but not "not found".
  expect((await request(holder, lot, removal(lot, ""))).status).toBe(409);
  await scan(holder, lot);
  await expect(holder).toHaveURL(new RegExp(`/lots/${lot.id}$`));
  await holder.goto(`/recalls?q=${lot.lotCode}`);
  await expect(holder.getByRole("link", { name: lot.lotCode, exact: true })).toBeVisible();
  await holder.context().close();
});

test("the walk above covers every page and route of the app that names a lot", () => {
  const app = path.resolve(import.meta.dirname, "../app");
  const templates = readdirSync(app, { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|\/)(page\.tsx|route\.ts)$/.test(file) && file.includes("[lotId]"))
    .map((file) => `/${path.dirname(file)}`.replace(/\/\([^)]+\)/g, "").replace(/\/$/, "") || "/");
  const walked = [...Object.keys(PAGES), ...Object.keys(REQUESTS)];
  expect(templates.filter((template) => !walked.includes(template))).toEqual([]);
});
