import { DEMO_USERS } from "@/tools/stack/demo-data";
import { expect, signIn, test } from "./fixtures";

// The permission matrix over HTTP, for every seeded person (6 kinds × 3 roles): the harvest form page
// and POST /api/events/harvesting give the same answer as the domain rule, and a refusal writes
// nothing. The full 10-action matrix runs against the domain functions in
// lib/events/permission-matrix.db.test.ts; this proves the page and the API call those rules.

for (const user of DEMO_USERS) {
  const { kind, name } = user.organization;
  const isAllowed = kind === "FARM" && user.role !== "READ_ONLY";
  const refusal =
    user.role === "READ_ONLY"
      ? "Your account is read-only: ask a colleague with staff access to record the harvest."
      : `Only farms record harvest; ${name} is a ${kind.toLowerCase()}.`;

  test(`${kind} ${user.role} ${isAllowed ? "may" : "may not"} record a harvest, on the page and through the API`, async ({
    page,
    db,
  }) => {
    await signIn(page, user.email);
    await page.goto("/events/harvesting");
    if (isAllowed) {
      await expect(page.getByRole("button", { name: "Record harvest" })).toBeVisible();
    } else {
      await expect(page.getByTestId("form-error")).toHaveText(refusal);
      await expect(page.getByRole("button", { name: "Record harvest" })).toHaveCount(0);
    }

    // This person's writes only: other specs write at the same time.
    const { id } = await db.user.findUniqueOrThrow({ where: { email: user.email } });
    // A product saved by the same person elsewhere queues its storage rule: never a harvest's write.
    const byUser = { requestedById: id, method: { not: "setStorageRule" } };
    const writes = await db.ledgerTransaction.count({ where: byUser });
    // An empty form: allowed people get past the rule to the first missing key data element.
    // As the browser sends it from LotLedger's pages: a session's write must name its origin.
    const response = await page.request.post("/api/events/harvesting", {
      data: {},
      headers: { origin: new URL(page.url()).origin },
    });
    expect(await response.json()).toEqual(
      isAllowed
        ? { code: "INVALID_INPUT", error: "Choose one of your organisation's locations." }
        : { code: "FORBIDDEN", error: refusal },
    );
    expect(response.status()).toBe(isAllowed ? 400 : 403);
    expect(await db.ledgerTransaction.count({ where: byUser })).toBe(writes);
  });
}
