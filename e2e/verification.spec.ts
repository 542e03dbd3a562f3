import { spawnSync } from "node:child_process";
import { hashPayload, type PayloadValue } from "@/lib/chain/payload";
import { expect, fillLotForm, signIn, test } from "./fixtures";

function runVerify(): { status: number | null; stdout: string } {
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tools/lotledger.ts", "verify"],
    {
      env: {
        ...process.env,
        DATABASE_URL: process.env.E2E_DATABASE_URL,
        RPC_URL: process.env.E2E_RPC_URL,
      },
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  return { status: result.status, stdout: result.stdout };
}

test("a payload changed in the database is named by verify and shown as not verified", async ({
  page,
  db,
  lotCode,
}) => {
  await signIn(page, "farm@lotledger.demo");
  await fillLotForm(page, { gtin: "09506000134352", lotCode, quantity: "75" });
  const card = page
    .getByRole("list", { name: "Lots" })
    .getByRole("listitem")
    .filter({ hasText: `Lot ${lotCode}` });
  await expect(card.getByTestId("verification")).toHaveText("✓ verified on the ledger");
  const clean = runVerify();
  expect(clean.stdout).toMatch(
    /verify: \d+ events on chain 31337 up to block \d+: 0 missing, 0 extra, 0 changed, 0 payloads not matching/,
  );
  expect(clean.status).toBe(0);

  const lot = await db.lot.findFirstOrThrow({ where: { lotCode } });
  const payload = await db.eventPayload.findUniqueOrThrow({
    where: { hash: lot.payloadHash as string },
  });
  expect(hashPayload(payload.body as PayloadValue)).toBe(lot.payloadHash);
  await db.eventPayload.update({
    where: { hash: payload.hash },
    data: { body: { ...(payload.body as object), quantity: "7500" } },
  });
  try {
    await page.reload();
    await expect(card.getByTestId("verification")).toHaveText(
      "✗ not verified: the stored record no longer matches the ledger",
    );
    const tampered = runVerify();
    expect(tampered.stdout).toContain(
      `payload: ${payload.hash} no longer hashes to its on-chain value (it was changed in the database)`,
    );
    expect(tampered.stdout).toMatch(/0 missing, 0 extra, 0 changed, 1 payloads not matching/);
    expect(tampered.status).toBe(1);
  } finally {
    await db.eventPayload.update({
      where: { hash: payload.hash },
      data: { body: payload.body as object },
    });
  }
});
