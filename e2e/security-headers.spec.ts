import type { APIResponse, Page } from "@playwright/test";
import { lotIdOf } from "@/lib/chain/lot-id";
import { buildDigitalLink } from "@/lib/gs1/digital-link";
import { expect, expectOnLedger, fillLotForm, signIn, test } from "./fixtures";
import { launchWithFakeCamera } from "./fixtures/fake-camera";
import { GTIN } from "./fixtures/journey";
import { createSerialisedLot } from "./fixtures/ledger-writes";

// Issue 13, finding 7: every answer — Next's pages and routes, and the resolver's fast path in
// workers/web.ts — carries the security headers, and every page still works under its policy.

function expectCommonHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=(self)");
  // Served over http here: HSTS is for https only (lib/api/security-headers.test.ts).
  expect(headers["strict-transport-security"]).toBeUndefined();
}

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

/** Every Content-Security-Policy violation the page reports, as "directive: blocked URI". */
async function watchPolicy(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (line: string) => violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportViolation(line: string): void }).reportViolation;
      report(`${event.violatedDirective}: ${event.blockedURI} (${location.pathname})`);
    });
  });
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  return violations;
}

test("app pages get a nonce-based policy, fresh on each request, that Next puts on its scripts", async ({
  request,
}) => {
  const [first, second] = [await request.get("/sign-in"), await request.get("/sign-in")];
  expectCommonHeaders(first);
  const policy = first.headers()["content-security-policy"];
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).not.toContain("'unsafe-eval'");
  const nonce = nonceOf(policy);
  expect(nonce).toBeTruthy();
  expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonce);
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
});

test("the resolver, its JSON twins, labels and the API answer under default-src 'none'", async ({
  request,
  db,
  lotCode,
}) => {
  await createSerialisedLot(db, { gtin: GTIN, lotCode, count: 1 });
  const path = `/01/${GTIN}/10/${lotCode}`;
  for (const url of [
    path, // the fast path of workers/web.ts
    `${path}?x=${Date.now()}`, // a miss of its cache
    `/01/${GTIN}/10/NO-SUCH-LOT`,
    `/linkset${path}`,
    `/traceability${path}`,
    `/api/labels${path}/qr.svg`,
    "/api/recalls", // 401 without a session
  ]) {
    const response = await request.get(url);
    expect(response.status(), url).toBeLessThan(500);
    expectCommonHeaders(response);
    expect(response.headers()["content-security-policy"], url).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  }
});

test("every staff page works under the policy: sign-in, a new lot, its page, labels, scan and the public page", async ({
  page,
  baseURL,
  db,
  lotCode,
}) => {
  const violations = await watchPolicy(page);
  await signIn(page, "farm@lotledger.demo");
  await fillLotForm(page, { gtin: GTIN, lotCode, quantity: "40" });
  await expect(page).toHaveURL(/created=/);
  await expectOnLedger(page);
  // A client component that answers a click: React hydrated under the nonce.
  await page.goto("/scan");
  const label = buildDigitalLink({ stem: baseURL as string, ais: { "01": GTIN, "10": lotCode } });
  await page.getByLabel("Type the code").fill(label);
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page).toHaveURL(`/lots/${lotIdOf(GTIN, lotCode)}`);
  const labelled = await createSerialisedLot(db, {
    gtin: GTIN,
    lotCode: `${lotCode.slice(0, 17)}-L`,
    count: 3,
  });
  await page.goto(`/lots/${labelled.lotId}/labels`);
  await expect(page.getByTestId("package-label")).toHaveCount(3);
  await expect(page.getByTestId("case-label").locator("svg")).toBeVisible();
  for (const path of ["/lots", "/recalls", "/organization", `/events/harvesting`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.goto(`/01/${GTIN}/10/${lotCode}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("the scan page's camera reads a label under Permissions-Policy camera=(self)", async ({
  page,
  baseURL,
  lotCode,
}, testInfo) => {
  await signIn(page, "farm@lotledger.demo");
  await fillLotForm(page, { gtin: GTIN, lotCode, quantity: "12" });
  await expect(page).toHaveURL(/created=/);
  await expectOnLedger(page);
  const label = buildDigitalLink({ stem: baseURL as string, ais: { "01": GTIN, "10": lotCode } });
  const { browser } = await launchWithFakeCamera(testInfo, label);
  try {
    const context = await browser.newContext({ baseURL, permissions: ["camera"] });
    const phone = await context.newPage();
    const violations = await watchPolicy(phone);
    await signIn(phone, "farm@lotledger.demo");
    await phone.goto("/scan");
    await expect(phone).toHaveURL(`/lots/${lotIdOf(GTIN, lotCode)}`);
    expect(violations).toEqual([]);
  } finally {
    await browser.close();
  }
});
