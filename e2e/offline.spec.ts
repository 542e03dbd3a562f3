import { spawnSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

// Issue 16: the store clerk's phone in a cold room. Offline, two pallets are accepted and a
// recalled package marked removed; the queue survives a reload; back online each action lands on
// the ledger exactly once, and one made stale meanwhile comes back with its sentence.

type Lot = { id: string; lotCode: string };
type OfflineLots = { gtin: string; a: Lot; b: Lot; c: Lot; r: Lot & { serial: string } };

function seedOfflineLots(prefix: string): OfflineLots {
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "e2e/fixtures/offline-lots.ts", prefix],
    { encoding: "utf8", timeout: 240_000, env: process.env },
  );
  if (result.status !== 0) throw new Error(`offline-lots failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as OfflineLots;
}

/**
 * Resolves once the service worker controls the page and keeps /scan and a snapshot naming
 * `lotCode`, and the page has saved that snapshot in IndexedDB too.
 */
async function waitUntilReadyOffline(page: Page, lotCode: string): Promise<void> {
  // Polled with evaluate, which awaits the async check (waitForFunction would take its promise for
  // a truthy answer at once).
  const isReady = () =>
    page.evaluate(async (code) => {
      if (!navigator.serviceWorker.controller) return false;
      const pages = await caches.open("lotledger-pages-v1");
      const [scan, snapshot] = await Promise.all([
        pages.match("/scan"),
        pages.match("/api/offline/snapshot"),
      ]);
      const lots: { lotCode: string }[] = snapshot ? (await snapshot.json()).lots : [];
      // The copy the page saved in IndexedDB (load-snapshot.ts), used when the worker cannot answer.
      const saved = await new Promise<{ lotCode: string }[]>((resolve) => {
        const open = indexedDB.open("lotledger-offline");
        open.onsuccess = () => {
          // Closed at once: an open connection would block the page's own upgrade of the database.
          const db = open.result;
          if (!db.objectStoreNames.contains("snapshots")) {
            db.close();
            return resolve([]);
          }
          const all = db.transaction("snapshots").objectStore("snapshots").getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result.flatMap((copy) => copy.lots));
          };
        };
        open.onerror = () => resolve([]);
      });
      return (
        scan !== undefined &&
        [lots, saved].every((copy) => copy.some((lot) => lot.lotCode === code))
      );
    }, lotCode);
  await expect.poll(isReady, { intervals: [250], timeout: 30_000 }).toBe(true);
}

async function scanTyped(page: Page, code: string): Promise<void> {
  await page.getByLabel("Type the code").fill(code);
  await page.getByRole("button", { name: "Look up" }).click();
}

test("offline at 360×740: queued actions survive a reload and land exactly once", async ({
  page,
  browser,
  db,
  lotCode,
}, testInfo) => {
  test.setTimeout(240_000);
  const lots = seedOfflineLots(lotCode);
  const label = (lot: Lot, serial?: string) =>
    `(01)${lots.gtin}(10)${lot.lotCode}${serial ? `(21)${serial}` : ""}`;

  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, "store-staff@lotledger.demo");
  await page.goto("/scan");
  await waitUntilReadyOffline(page, lots.c.lotCode);

  await page.context().setOffline(true);
  for (const lot of [lots.a, lots.b]) {
    await scanTyped(page, label(lot));
    const accept = page.getByRole("button", { name: `Accept lot ${lot.lotCode}` });
    if (lot === lots.a) {
      await expect(accept).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath("offline-accept-360.png") });
    }
    await accept.click();
    await expect(
      page.getByRole("status").filter({ hasText: "Queued on this phone:" }),
    ).toContainText(`Accept lot ${lot.lotCode}`);
  }
  await scanTyped(page, label(lots.r, lots.r.serial));
  await expect(page.getByRole("heading", { name: "RECALLED — remove from shelf" })).toBeVisible();
  await page.getByRole("button", { name: `Mark package ${lots.r.serial} removed` }).click();
  const badge = page.getByRole("link", { name: "Waiting to send (3)" });
  await expect(badge).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("offline-waiting-360.png"), fullPage: true });

  // The service worker serves the page; IndexedDB kept the queue.
  await page.reload();
  await expect(badge).toBeVisible();
  await expect(page.getByRole("heading", { name: "Waiting to send (3)" })).toBeVisible();

  // C is queued here while a colleague, online, accepts it first and the ledger records that.
  await scanTyped(page, label(lots.c));
  await page.getByRole("button", { name: `Accept lot ${lots.c.lotCode}` }).click();
  await expect(page.getByRole("link", { name: "Waiting to send (4)" })).toBeVisible();
  const colleague = await browser.newPage();
  await signIn(colleague, "store@lotledger.demo");
  const accepted = await colleague.request.post(`/api/lots/${lots.c.id}/receipts`, {
    data: { decision: "accept" },
    headers: { origin: new URL(colleague.url()).origin, "idempotency-key": crypto.randomUUID() },
  });
  expect(accepted.status()).toBe(202);
  await expect
    .poll(async () => (await db.lot.findUniqueOrThrow({ where: { id: lots.c.id } })).status, {
      timeout: 30_000,
    })
    .toBe("ACTIVE");
  await colleague.close();

  await page.context().setOffline(false);
  const refused = page
    .getByRole("listitem")
    .filter({ hasText: `Refused: Accept lot ${lots.c.lotCode}` });
  await expect(refused).toContainText(
    "This lot is not on its way to your organisation, so it cannot be received here. Check the label, or ask the sender.",
  );
  await expect(page.getByRole("link", { name: "Refused (1)" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("offline-refused-360.png"), fullPage: true });

  // Each action once: one keyed write per accepted lot, on the ledger; one removal; nothing for C's.
  for (const lot of [lots.a, lots.b]) {
    const writes = await db.ledgerTransaction.findMany({
      where: { lotId: lot.id, method: "acceptHandoff" },
    });
    expect(writes).toHaveLength(1);
    expect(writes[0]?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    await expect
      .poll(async () => (await db.lot.findUniqueOrThrow({ where: { id: lot.id } })).status, {
        timeout: 30_000,
      })
      .toBe("ACTIVE");
  }
  expect(
    await db.ledgerTransaction.count({ where: { lotId: lots.c.id, method: "acceptHandoff" } }),
  ).toBe(1);
  const removed = await db.package.findUniqueOrThrow({
    where: { lotId_serial: { lotId: lots.r.id, serial: lots.r.serial } },
  });
  expect(await db.recallRemoval.count({ where: { packageId: removed.id } })).toBe(1);

  // The same request again, as a phone whose answer was lost resends it: the first write answers.
  const first = await db.ledgerTransaction.findFirstOrThrow({
    where: { lotId: lots.a.id, method: "acceptHandoff" },
  });
  const replay = await page.request.post(`/api/lots/${lots.a.id}/receipts`, {
    data: { decision: "accept" },
    headers: {
      origin: new URL(page.url()).origin,
      "idempotency-key": first.idempotencyKey as string,
    },
  });
  expect(replay.status()).toBe(200);
  expect(await replay.json()).toEqual({ writeId: first.id, lotId: lots.a.id, status: "PENDING" });
  expect(
    await db.ledgerTransaction.count({ where: { lotId: lots.a.id, method: "acceptHandoff" } }),
  ).toBe(1);

  // Installable: Chromium's own verdict (Lighthouse 12 no longer audits it). Playwright's contexts
  // are incognito, where Chromium never installs: that reason alone is expected.
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  expect(installabilityErrors.map((e) => e.errorId)).toEqual(["in-incognito"]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("offline-refused-1280.png"), fullPage: true });
  await refused.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByRole("link", { name: /Refused/ })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /Waiting to send|Refused|Sent/ })).toHaveCount(0);
});
