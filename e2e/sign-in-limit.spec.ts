import { DEMO_PASSWORD, expect, formError, signIn, test } from "./fixtures";

// Issue 13, finding 2: password guessing through the sign-in page stops after ten failures per
// account, with a sentence saying when to try again; other accounts from the same address still
// sign in. (The per-address limit and the sharing between app instances are tested against
// PostgreSQL in lib/rate-limit/limits.db.test.ts: reaching it here would lock this run out.)

test("the eleventh wrong password for one account is not even checked: try again in 15 minutes", async ({
  page,
}) => {
  const email = `guessed-${Date.now().toString(36)}@e2e.test`;
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 10; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`guess number ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formError(page)).toHaveText(
      "The email or password is wrong: check them and try again.",
    );
    await expect(formError(page)).toHaveCount(1);
    // The next attempt starts from a fresh form (the error stays until then).
    await page.goto("/sign-in");
  }
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // 15 minutes from the first failure, in whole minutes rounded up (14 on a slow machine).
  const limited = /^Too many sign-in attempts: try again in 1[45] minutes\.$/;
  await expect(formError(page)).toHaveText(limited);

  // Through Better Auth's own endpoint, the same counter and the same sentence.
  const api = await page.request.post("/api/auth/sign-in/email", {
    data: { email, password: "one more guess" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(api.status()).toBe(429);
  expect(api.headers()["retry-after"]).toMatch(/^\d+$/);
  expect((await api.json()).error).toMatch(limited);

  // Someone else at the same address is not locked out.
  await signIn(page, "farm@lotledger.demo");
});
