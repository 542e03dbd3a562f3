import { buildDigitalLink } from "@/lib/gs1/digital-link";
import { expect, expectOnLedger, signIn, test } from "./fixtures";
import { seedRecallLots } from "./fixtures/recall";

const GTIN = "09506000134352";
const LIFT_REASON = "The retained sample came from another batch: lab report QA-2291";

test.use({ viewport: { width: 1280, height: 800 } });

test("a manager who recalled the wrong batch lifts the recall: the page says lifted, the consumer's label is clear again", async ({
  page,
  browser,
  baseURL,
  lotCode,
}, testInfo) => {
  test.setTimeout(180_000);
  const { x } = seedRecallLots(lotCode);
  const label = buildDigitalLink({
    stem: baseURL as string,
    ais: { "01": GTIN, "10": x.lotCode, "21": x.serials[0] as string },
  });

  // FreshMart's quality manager recalls batch X from the dashboard.
  await signIn(page, "store@lotledger.demo");
  await page.goto(`/recalls/lots/${x.id}/new`);
  await page.getByLabel("Reason").fill("Listeria monocytogenes in a retained sample");
  // Class II: one admin lifts it (a Class I lift takes a second person: e2e/recall-source.spec.ts).
  await page.getByLabel(/^Class II —/).check();
  await page.getByRole("button", { name: "Review the scope" }).click();
  await page.getByRole("button", { name: `Confirm the recall of lot ${x.lotCode}` }).click();
  await expectOnLedger(page);
  await expect(page.getByTestId("ledger-state")).toHaveText("Recorded on the ledger.");

  const consumer = await (
    await browser.newContext({ viewport: { width: 360, height: 740 } })
  ).newPage();
  await consumer.goto(label);
  await expect(consumer.getByRole("heading", { name: `Recalled: lot ${x.lotCode}` })).toBeVisible();

  // It was the wrong batch: an empty reason is refused in the form, then the recall is lifted.
  const form = page.getByRole("form", { name: "Lift this recall" });
  const lift = form.getByRole("button", { name: `Lift the recall of lot ${x.lotCode}` });
  await form.getByLabel("Reason for lifting").fill(" ");
  await lift.click();
  await expect(form.getByTestId("form-error")).toHaveText(
    "Give the reason for lifting the recall: every organisation asked to act on it reads it.",
  );
  await form.getByLabel("Reason for lifting").fill(LIFT_REASON);
  await page.screenshot({ path: testInfo.outputPath("recall-lift-form.png"), fullPage: true });
  await lift.click();
  // A second look before it is recorded: what lifting does, with the reason every holder reads.
  await expect(form.getByTestId("confirm-step")).toBeFocused();
  await expect(form.getByTestId("lift-summary")).toContainText(`“${LIFT_REASON}”`);
  await page.screenshot({ path: testInfo.outputPath("recall-lift-confirm.png"), fullPage: true });
  await form.getByRole("button", { name: `Yes, lift the recall of lot ${x.lotCode}` }).click();
  await expect(page.getByTestId("recall-lift")).toHaveText(
    new RegExp(`^Lifted on .+ \\d{2}:\\d{2} (UTC|P[SD]T) by .+: ${LIFT_REASON}$`),
    { timeout: 20_000 },
  );
  await expect(page.getByRole("form", { name: "Lift this recall" })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("recall-lifted.png"), fullPage: true });
  await expect(page.getByTestId("recall-percent")).toHaveCount(0);
  // The store never acknowledged; the lifted recall no longer asks it to.
  await expect(page.getByRole("list", { name: "Acknowledgements" })).toContainText(
    "not acknowledged before the recall was lifted",
  );
  await page.getByRole("link", { name: "Recalls", exact: true }).click();
  const listed = page
    .getByRole("list", { name: "Recalls" })
    .getByRole("listitem")
    .filter({ hasText: `recall of lot ${x.lotCode}` });
  await expect(listed).toContainText("lifted");

  // The consumer's page of a package of that batch loses its banner once the cache has heard.
  await expect(async () => {
    await consumer.goto(label);
    await expect(consumer.getByText(x.lotCode).first()).toBeVisible({ timeout: 200 });
    await expect(consumer.getByRole("heading", { name: /^Recalled/ })).toHaveCount(0, {
      timeout: 200,
    });
  }).toPass({ timeout: 5_000 });
});
