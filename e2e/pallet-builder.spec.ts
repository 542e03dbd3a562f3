import type { Page } from "@playwright/test";
import { lotIdOf } from "@/lib/chain/lot-id";
import { expect, expectOnLedger, signIn, test } from "./fixtures";
import { GTIN } from "./fixtures/journey";

// Issue 17, pallets: the farm builds one on a phone from lots it holds, the API builds one exactly
// once per Idempotency-Key, and an organisation that never saw its lots gets a 404.

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });

/** Registers lots through the API and waits until the ledger has them. */
async function registerLots(page: Page, codes: string[]): Promise<string[]> {
  const origin = new URL(page.url()).origin;
  for (const lotCode of codes) {
    const answer = await page.request.post("/api/lots", {
      data: { gtin: GTIN, lotCode, quantity: "40", unit: "kg" },
      headers: { origin },
    });
    expect(answer.status()).toBe(202);
    const { writeId } = await answer.json();
    await expect(async () => {
      const write = await (await page.request.get(`/api/ledger-writes/${writeId}`)).json();
      expect(write.isOnLedger).toBe(true);
    }).toPass({ timeout: 30_000 });
  }
  return codes.map((lotCode) => lotIdOf(GTIN, lotCode));
}

test("the farm builds a pallet of two lots on a phone, and it is on the ledger", async ({
  page,
  lotCode,
}) => {
  await signIn(page, "farm@lotledger.demo");
  const codes = [`${lotCode}A`.slice(0, 20), `${lotCode}B`.slice(0, 20)];
  await registerLots(page, codes);
  await page.goto("/units/new");
  for (const code of codes) await page.getByRole("checkbox", { name: `Lot ${code}` }).check();
  await page.getByRole("button", { name: "Build pallet (2 lots)" }).click();
  await expect(page).toHaveURL(/\/units\/\d{18}\?write=/);
  await expectOnLedger(page);
  await expect(page.getByTestId("unit-status")).toHaveText("On the ledger");
  await expect(page.getByTestId("unit-where")).toHaveText("Held by Green Valley Farm");
  const sscc = new URL(page.url()).pathname.split("/")[2] as string;
  await expect(page.getByTestId("sscc").first()).toHaveText(
    `(00) ${sscc[0]} ${sscc.slice(1, 17)} ${sscc[17]}`,
  );
  await expect(page.getByRole("link", { name: "Print label" })).toHaveAttribute(
    "href",
    `/units/${sscc}/label`,
  );
  // The lots are on a packed pallet now: the builder offers them no more.
  await page.goto("/units/new");
  await expect(page.getByRole("checkbox", { name: `Lot ${codes[0]}` })).toHaveCount(0);
});

test("POST /api/units builds once per Idempotency-Key, and a stranger's page is a 404", async ({
  page,
  browser,
  lotCode,
}) => {
  await signIn(page, "farm@lotledger.demo");
  const origin = new URL(page.url()).origin;
  const [lotId] = await registerLots(page, [lotCode]);
  const key = crypto.randomUUID();
  const send = () =>
    page.request.post("/api/units", {
      data: { lotIds: [lotId], extensionDigit: "3" },
      headers: { origin, "idempotency-key": key },
    });
  const first = await send();
  expect(first.status()).toBe(202);
  const built = await first.json();
  expect(built.sscc).toMatch(/^3\d{17}$/);
  const again = await send();
  expect(again.status()).toBe(200);
  expect(await again.json()).toEqual({ ...built });

  const refused = await page.request.post("/api/units", {
    data: { lotIds: [lotId] },
    headers: { origin },
  });
  // Refused whether the first pallet's packing is still on its way or already on the ledger.
  expect(refused.status()).toBe(409);
  expect([
    `Lot ${lotCode} is already waiting for the ledger: wait until that is recorded.`,
    `Lot ${lotCode} is on pallet ${built.sscc}: take that pallet apart before packing the lot again.`,
  ]).toContain((await refused.json()).error);

  const store = await (await browser.newContext()).newPage();
  await signIn(store, "store@lotledger.demo");
  const stranger = await store.goto(`/units/${built.sscc}`);
  expect(stranger?.status()).toBe(404);
});
