import { lotIdOf } from "@/lib/chain/lot-id";
import { expect, fillLotForm, formError, signIn, test } from "./fixtures";

// A producer registers lots only of its own brand's GTINs (issue 13, finding 5): Green Valley Farm
// holds GS1 company prefix 9506000 (tools/stack/demo-data.ts); 04006381333931 is another brand's.

test("a GTIN of another brand is refused with one sentence at the GTIN field, before anything is queued", async ({
  page,
  db,
  lotCode,
}) => {
  await signIn(page, "farm@lotledger.demo");
  const foreign = "04006381333931";
  await fillLotForm(page, { gtin: foreign, lotCode, quantity: "10" });
  await expect(formError(page)).toHaveText(
    `GTIN ${foreign} is not under Green Valley Farm's GS1 company prefix 9506000: lots of another brand's product are registered by that brand. Check the GTIN, or ask your LotLedger administrator to register the prefix if your organisation holds it.`,
  );
  await expect(page.getByLabel("GTIN")).toHaveAttribute("aria-invalid", "true");
  expect(await db.ledgerTransaction.count({ where: { lotId: lotIdOf(foreign, lotCode) } })).toBe(0);
});
