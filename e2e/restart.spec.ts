import { JsonRpcProvider } from "ethers";
import { LotTracker__factory } from "@/lib/chain/generated";
import { lotIdOf } from "@/lib/chain/lot-id";
import { expect, fillLotForm, signIn, test } from "./fixtures";

test("stopping the whole stack and starting it again keeps every lot, on the chain and in the database", async ({
  page,
  stack,
  db,
  lotCode,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "farm@lotledger.demo");
  await fillLotForm(page, { gtin: "09506000134352", lotCode, quantity: "42" });
  const card = page.getByRole("listitem").filter({ hasText: `Lot ${lotCode}` });
  const txHash = await card.getByTestId("tx-hash").textContent();
  expect(txHash).toMatch(/^0x[0-9a-f]{64}$/);

  await stack.restart();

  // The session survived too (database and AUTH_SECRET persisted), so no new sign-in is needed.
  await page.goto("/lots");
  await expect(card.getByTestId("tx-hash")).toHaveText(txHash as string);
  // The chain kept the transaction and the lot's state, not just the database.
  const provider = new JsonRpcProvider(process.env.E2E_RPC_URL, 31337, { staticNetwork: true });
  expect((await provider.getTransactionReceipt(txHash as string))?.status).toBe(1);
  const { address } = await db.contractDeployment.findFirstOrThrow();
  const lotTracker = LotTracker__factory.connect(address, provider);
  expect(await lotTracker.custodianOf(lotIdOf("09506000134352", lotCode))).toBe(
    (await db.organization.findFirstOrThrow({ where: { kind: "FARM" } })).chainAddress,
  );
  provider.destroy();
});
