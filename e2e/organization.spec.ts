import type { Browser, Page } from "@playwright/test";
import { gs1CheckDigit } from "@/lib/gs1/keys";
import { expect, formError, signIn, test } from "./fixtures";

// Organisation admins work from a phone too: every page here is used at 360 px.
const PHONE = { width: 360, height: 740 };
test.use({ viewport: PHONE });

const FARM = "Green Valley Farm";
const INVITEE_PASSWORD = "a new password for e2e";
const USED_LINK =
  "This invitation has already been used: sign in, or ask an admin of your organisation for a new one.";

function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}@e2e.test`;
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
}

/** The farm's admin creates an invitation on the members page and reads the link shown to copy. */
async function createInvitationLink(page: Page, email: string, role: string): Promise<string> {
  await signIn(page, "farm@lotledger.demo");
  await page.getByRole("link", { name: FARM }).click();
  await page.getByRole("link", { name: "Members and invitations" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("combobox", { name: "Role", exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(page.getByRole("status")).toContainText(`Send this link to ${email}.`);
  return page.getByLabel("Invitation link").inputValue();
}

/** Opens the link in a browser of its own, as the invitee would on their phone. */
async function openAsInvitee(browser: Browser, link: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(link);
  return page;
}

async function acceptInvitation(page: Page, name: string): Promise<void> {
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Choose a password").fill(INVITEE_PASSWORD);
  await page.getByRole("button", { name: `Join ${FARM}` }).click();
}

test("an admin invites a staff member, who joins, signs in and sees the farm; the link works once", async ({
  page,
  browser,
  db,
}) => {
  const email = uniqueEmail("staff");
  const link = await createInvitationLink(page, email, "Staff");
  await expectNoSidewaysScroll(page);
  await expect(page.getByRole("list", { name: "Open invitations" })).toContainText(email);

  const invitee = await openAsInvitee(browser, link);
  await expect(invitee.getByRole("heading", { name: `Join ${FARM}` })).toBeVisible();
  await expectNoSidewaysScroll(invitee);
  await acceptInvitation(invitee, "Nadia Newcomer");
  await expect(invitee).toHaveURL(/\/home$/);
  await expect(invitee.getByRole("heading", { level: 1 })).toContainText(FARM);
  await expect(invitee.getByRole("banner")).toContainText(`Nadia Newcomer · ${FARM}`);
  await invitee.getByRole("link", { name: FARM }).click();
  await expect(invitee.getByRole("heading", { name: FARM, exact: true })).toBeVisible();
  await expect(invitee.getByRole("list", { name: "Locations" })).toContainText(
    "Green Valley Farm, Field 7",
  );
  expect(
    await db.user.findUniqueOrThrow({
      where: { email },
      select: { role: true, organization: true },
    }),
  ).toMatchObject({ role: "STAFF", organization: { name: FARM } });

  // The same link a second time, from another browser: refused, and no second account.
  const second = await openAsInvitee(browser, link);
  await expect(formError(second)).toHaveText(USED_LINK);
  await expect(second.getByLabel("Your name")).toHaveCount(0);
  expect(await db.user.count({ where: { email } })).toBe(1);
});

test("a staff member is refused the members page, in one sentence", async ({ page }) => {
  await signIn(page, "farm-staff@lotledger.demo");
  await page.goto("/organization");
  await expect(page.getByRole("link", { name: "Members and invitations" })).toHaveCount(0);
  await page.goto("/organization/members");
  await expect(formError(page)).toHaveText(
    `Only an admin of ${FARM} can manage its people: ask one of them.`,
  );
  await expect(page.getByLabel("Email")).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Members" })).toHaveCount(0);
});

test("the farm's only admin cannot step down: the farm keeps an admin", async ({ page, db }) => {
  await signIn(page, "farm@lotledger.demo");
  await page.goto("/organization/members");
  const me = page.getByRole("list", { name: "Members" }).getByRole("listitem").filter({
    hasText: "farm@lotledger.demo",
  });
  await me.getByLabel("Role of Maria Lopez", { exact: true }).selectOption({ label: "Staff" });
  await me.getByRole("button", { name: "Save role of Maria Lopez" }).click();
  await expect(formError(page)).toHaveText(
    `${FARM} must keep at least one admin: make another member an admin first.`,
  );
  await expectNoSidewaysScroll(page);
  expect(
    await db.user.findUniqueOrThrow({
      where: { email: "farm@lotledger.demo" },
      select: { role: true },
    }),
  ).toEqual({ role: "ADMIN" });
});

test("a removed member is signed out at once and cannot sign in again", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("leaver");
  const link = await createInvitationLink(page, email, "Read-only");
  const invitee = await openAsInvitee(browser, link);
  await acceptInvitation(invitee, "Liam Leaver");
  await expect(invitee).toHaveURL(/\/home$/);
  await expect(invitee.getByRole("heading", { level: 1 })).toContainText(FARM);

  await page.goto("/organization/members");
  const row = page.getByRole("listitem").filter({ hasText: email });
  await expect(row).toContainText("Read-only");
  await row.getByText("Remove Liam Leaver…").click();
  await row.getByRole("button", { name: "Remove Liam Leaver" }).click();
  await expect(page.getByRole("list", { name: "Members" })).not.toContainText(email);

  await invitee.reload();
  await expect(invitee).toHaveURL(/\/sign-in$/);
  await invitee.getByLabel("Email").fill(email);
  await invitee.getByLabel("Password").fill(INVITEE_PASSWORD);
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(formError(invitee)).toHaveText(
    "The email or password is wrong: check them and try again.",
  );
});

test("an admin adds a location; a wrong GLN check digit is explained first", async ({
  page,
  db,
}) => {
  const body = `9529${Date.now().toString().slice(-8)}`;
  const gln = `${body}${gs1CheckDigit(body)}`;
  const wrong = `${body}${(gs1CheckDigit(body) + 1) % 10}`;
  await signIn(page, "farm@lotledger.demo");
  await page.goto("/organization");
  await page.getByRole("link", { name: "Add a location" }).click();
  // The organisation page has a "Key name" field too (API keys): fill the new page's, not that one.
  await expect(page).toHaveURL("/organization/locations/new");
  await page.getByLabel("Name").fill("Packing shed 3");
  await page.getByLabel("GLN").fill(wrong);
  await page.getByLabel("Street address").fill("1200 River Rd");
  await page.getByLabel("City").fill("Salinas");
  await page.getByLabel("State or region").fill("CA");
  await page.getByLabel("Postal code").fill("93901");
  await page.getByLabel("Country").fill("us");
  await page.getByLabel("Phone").fill("+1 831 555 0177");
  await page.getByLabel("Time zone").fill("America/Los_Angeles");
  await page.getByLabel("Latitude").fill("36.68");
  await page.getByLabel("Longitude").fill("-121.66");
  await page.getByRole("button", { name: "Add location" }).click();
  await expect(formError(page)).toHaveText(
    `GLN ${wrong} has a wrong check digit: the last digit should be ${gs1CheckDigit(body)}, not ${wrong.at(-1)}. Check the number on the label.`,
  );
  expect(await db.location.count({ where: { name: "Packing shed 3", gln: wrong } })).toBe(0);
  await expectNoSidewaysScroll(page);

  await page.getByLabel("GLN").fill(gln);
  await page.getByRole("button", { name: "Add location" }).click();
  await expect(page).toHaveURL(`/organization?added=${gln}`);
  await expect(
    page.getByRole("list", { name: "Locations" }).getByRole("listitem").filter({ hasText: gln }),
  ).toContainText("Packing shed 3");
  // FSMA 204's location description, whole: street, city, region and postal code, country, phone.
  const added = page.getByRole("list", { name: "Locations" }).getByRole("listitem");
  await expect(added.filter({ hasText: gln })).toContainText(
    "1200 River Rd, Salinas, CA 93901, US",
  );
  await expect(added.filter({ hasText: gln })).toContainText("Phone +1 831 555 0177");
});
