import { lotIdOf } from "@/lib/chain/lot-id";
import { expect, expectOnLedger, fillLotForm, signIn, test } from "./fixtures";
import { GTIN } from "./fixtures/journey";

// Issue 16: an action answers once its write is in the outbox; the page follows the write through
// GET /api/ledger-writes/{id} (the session cookie is enough to read) until it is on the ledger, and a
// write the ledger refused is said so, with its sentence.

const NOT_REGISTERED =
  "The ledger refused: your organisation's account is not registered for this action. Ask your LotLedger administrator to register it.";

test("a write is followed by its id: waiting, then on the ledger; another organisation reads no such write", async ({
  page,
  browser,
  lotCode,
}) => {
  await signIn(page, "farm@lotledger.demo");
  await fillLotForm(page, { gtin: GTIN, lotCode, quantity: "10" });
  await expect(page).toHaveURL(/write=\w+$/);
  const writeId = new URL(page.url()).searchParams.get("write") as string;
  await expectOnLedger(page);

  const answer = await page.request.get(`/api/ledger-writes/${writeId}`);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["cache-control"]).toBe("no-store");
  expect(await answer.json()).toMatchObject({
    id: writeId,
    method: "createLot",
    lotId: lotIdOf(GTIN, lotCode),
    status: "CONFIRMED",
    isOnLedger: true,
    error: null,
  });

  const store = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL })).newPage();
  await signIn(store, "store@lotledger.demo");
  const stranger = await store.request.get(`/api/ledger-writes/${writeId}`);
  expect(stranger.status()).toBe(404);
  expect(await stranger.json()).toEqual({
    code: "NOT_FOUND",
    error: "No ledger write of your organisation has this id.",
  });
  await store.context().close();
});

test("writes refused by the ledger are said so with its sentence, beside one that went through", async ({
  page,
  db,
  lotCode,
}) => {
  await signIn(page, "farm@lotledger.demo");
  await fillLotForm(page, { gtin: GTIN, lotCode, quantity: "10" });
  await expectOnLedger(page);
  const done = new URL(page.url()).searchParams.get("write") as string;
  // A shipment the chain refused, as the sender leaves it (FAILED, with the ledger's reason).
  const farm = await db.organization.findFirstOrThrow({ where: { name: "Green Valley Farm" } });
  const refused = await db.ledgerTransaction.create({
    data: {
      organizationId: farm.id,
      signerAddress: farm.chainAddress,
      method: "handoff",
      args: [],
      lotId: lotIdOf(GTIN, lotCode),
      status: "FAILED",
      error: NOT_REGISTERED,
    },
  });

  await page.goto(`/lots/${lotIdOf(GTIN, lotCode)}?write=${done}&write=${refused.id}`);
  const alert = page.getByTestId("ledger-refusal");
  await expect(alert).toHaveAttribute("role", "alert");
  await expect(alert).toHaveText(
    `The shipment of lot ${lotCode} is not recorded.${NOT_REGISTERED}`,
  );
  // The write that went through still reads as on the ledger, named.
  const status = page.getByRole("status").filter({ has: page.getByTestId("ledger-write-status") });
  await expect(status.getByTestId("ledger-write-status")).toHaveText("On the ledger ✓");
  await expect(status).toContainText(`Lot ${lotCode}: on the ledger ✓`);
  // A refused write is not waiting: the lot's next step is offered again.
  await expect(page.getByRole("button", { name: "Ship this lot" })).toBeVisible();
});
