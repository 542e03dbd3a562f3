import { Wallet } from "ethers";
import { expect, expectOnLedger, fillLotForm, formError, signIn, test } from "./fixtures";

// The organisation's data loggers: an admin registers one by its address or has a key pair made
// (the private key shown once, kept nowhere), staff attach a logger to a lot for a window, and an
// admin revokes one after a second look.

const GTIN = "09506000134352";
const FARM = "farm@lotledger.demo";
const PHONE = { width: 360, height: 740 };

test.use({ viewport: PHONE });

test("an admin registers a logger by its address, and a wrong address is named in one sentence", async ({
  page,
  db,
  lotCode,
}) => {
  await signIn(page, FARM);
  await page.goto("/organization");
  await page.getByRole("link", { name: "Data loggers" }).click();
  const form = page.getByRole("form", { name: "Register a data logger" });
  const name = `Cold room ${lotCode}`;
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("The logger's address").fill("0x1234");
  await form.getByRole("button", { name: "Register the logger" }).click();
  await expect(formError(page)).toHaveText(
    "The logger's address is 0x and 40 hexadecimal digits: copy it again from the logger or its app.",
  );
  const address = Wallet.createRandom().address;
  await form.getByLabel("The logger's address").fill(address);
  await form.getByRole("button", { name: "Register the logger" }).click();
  await expect(form.getByRole("status")).toContainText(`Registered ✓ “${name}”`);
  const device = page.getByTestId("device").filter({ hasText: name });
  // Pending until the ledger has it; the indexer may already have read it by the time the page shows.
  await expect(device).toContainText(/Pending|Active/);
  await expect(device).toContainText(`${address.slice(0, 6).toLowerCase()}…`);
  expect(await db.device.count({ where: { address: address.toLowerCase() } })).toBe(1);
});

test("a generated key pair is shown once, is the registered address's, and is kept nowhere", async ({
  page,
  db,
  lotCode,
}) => {
  await signIn(page, FARM);
  await page.goto("/organization/devices");
  const form = page.getByRole("form", { name: "Generate a key pair for a new logger" });
  const name = `Van ${lotCode}`;
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Generate a key and register" }).click();
  const key = page.getByTestId("device-private-key");
  await expect(key).toContainText("Its private key is shown only now.");
  const privateKey = await key.getByLabel("Private key").inputValue();
  expect(privateKey).toMatch(/^0x[0-9a-f]{64}$/);
  await expect(key.getByRole("link", { name: "Download the key as a file" })).toHaveAttribute(
    "download",
    `van-${lotCode.toLowerCase()}.key`,
  );
  const address = new Wallet(privateKey).address.toLowerCase();
  const stored = await db.device.findFirstOrThrow({ where: { name } });
  expect(stored.address).toBe(address);
  expect(JSON.stringify(stored)).not.toContain(privateKey.slice(2));
  await page.reload();
  await expect(page.getByTestId("device-private-key")).toHaveCount(0);
});

test("staff attach a logger to a lot for a window; only an admin revokes, after a second look", async ({
  page,
  db,
  lotCode,
}) => {
  await signIn(page, FARM);
  await fillLotForm(page, { gtin: GTIN, lotCode, quantity: "20" });
  await expectOnLedger(page);
  const farm = await db.organization.findFirstOrThrow({ where: { kind: "FARM" } });
  const name = `Crate ${lotCode}`;
  await db.device.create({
    data: {
      ...{ chainId: 31337, address: Wallet.createRandom().address.toLowerCase() },
      ...{ organizationId: farm.id, name, status: "ACTIVE" },
    },
  });
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, "farm-staff@lotledger.demo");
  await page.goto("/organization/devices");
  await expect(
    page.getByText("Only an admin of Green Valley Farm can register or revoke loggers."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Register the logger" })).toHaveCount(0);
  await page.getByLabel("Logger", { exact: true }).selectOption({ label: name });
  await page
    .getByLabel("Travels with")
    .selectOption({ label: `Lot ${lotCode} · Green Valley Romaine lettuce, field-packed` });
  await page.getByLabel("From").fill("2026-12-03T08:00");
  await page.getByLabel("To (optional)").fill("2026-12-03T07:00");
  await page.getByRole("button", { name: "Attach the logger" }).click();
  await expect(formError(page)).toHaveText(
    "The end must come after the start: change one of them, or leave the end empty.",
  );
  await page.getByLabel("To (optional)").fill("");
  await page.getByRole("button", { name: "Attach the logger" }).click();
  await expect(page.getByTestId("recorded")).toContainText("Attached ✓");
  const device = page.getByTestId("device").filter({ hasText: name });
  await expect(device).toContainText(`With lot ${lotCode} from 3 Dec 2026, 08:00`);
  await expect(device).toContainText("until detached");
  await expect(device.getByText(`Revoke ${name}…`)).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, FARM);
  await page.goto("/organization/devices");
  const row = page.getByTestId("device").filter({ hasText: name });
  await row.getByText(`Revoke ${name}…`).click();
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("Revoked");
});
