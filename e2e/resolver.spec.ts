import { expect, test } from "./fixtures/index";
import { GTIN } from "./fixtures/journey";
import { createSerialisedLot } from "./fixtures/ledger-writes";

// The GS1 Digital Link resolver as machines and mistyped links meet it: the RFC 9264 linkset down to
// a package, and each wrong link answered with its status and one sentence saying what is wrong.

test("the resolver answers machines with an RFC 9264 linkset and JSON links, down to a package", async ({
  request,
  db,
  lotCode,
}) => {
  const { serials } = await createSerialisedLot(db, { gtin: GTIN, lotCode, count: 3 });
  const serial = serials[1] as string;
  for (const path of [`/01/${GTIN}/10/${lotCode}`, `/01/${GTIN}/10/${lotCode}/21/${serial}`]) {
    for (const response of [
      await request.get(`${path}?linkType=linkset`),
      await request.get(path, { headers: { accept: "application/linkset+json" } }),
    ]) {
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/linkset+json");
      const [links] = (await response.json()).linkset;
      expect(links.anchor).toMatch(new RegExp(`^https?://[^/]+${path}$`));
      for (const type of ["pip", "traceability", "recallStatus"]) {
        expect(links[`https://gs1.org/voc/${type}`][0].href).toMatch(/^https?:\/\//);
      }
    }
    const trail = await request.get(`${path}?linkType=gs1:traceability`);
    expect((await trail.json()).events[0]).toMatchObject({ isVerified: true });
    const recall = await request.get(`/recall-status${path}`);
    expect(await recall.json()).toMatchObject({ isRecalled: false, recallStatus: "not recalled" });
  }
  const packageTrail = await request.get(`/traceability/01/${GTIN}/10/${lotCode}/21/${serial}`);
  expect((await packageTrail.json()).package).toMatchObject({
    serial,
    packageCount: 3,
    isVerified: true,
  });
  const unknown = await request.get(`/01/${GTIN}/10/${lotCode}/21/NOTINLOT22?linkType=linkset`);
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({
    error: `LotLedger has no record of package NOTINLOT22 of lot ${lotCode} of product ${GTIN}.`,
  });
});

test("a malformed Digital Link gets 400 with the reason; an unknown lot or package gets 404", async ({
  page,
  db,
  lotCode,
}) => {
  const bad = await page.goto(`/01/09506000134353/10/ABC`);
  expect(bad?.status()).toBe(400);
  await expect(page.getByTestId("invalid-reason")).toContainText("check digit");
  const unknown = await page.goto(`/01/${GTIN}/10/NOLOT${Date.now().toString(36)}`);
  expect(unknown?.status()).toBe(404);
  await expect(page.getByText(/LotLedger has no record of lot NOLOT/)).toBeVisible();
  await createSerialisedLot(db, { gtin: GTIN, lotCode, count: 2 });
  const noPackage = await page.goto(`/01/${GTIN}/10/${lotCode}/21/NOTINLOT22`);
  expect(noPackage?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toContainText(
    `LotLedger has no record of package NOTINLOT22 of lot ${lotCode}`,
  );
});

test("a Digital Link with another GS1 key gets 404 saying so; a short GTIN gets 400 saying how to write it", async ({
  page,
  request,
}) => {
  const gln = await page.goto("/414/9520123456788/254/A1");
  expect(gln?.status()).toBe(404);
  await expect(page.getByTestId("invalid-reason")).toHaveText(
    "LotLedger has no page for the location GLN (414) 9520123456788: it resolves products (/01/ and a GTIN), their lots and packages.",
  );
  const grai = await request.get("/8003/09520123456788X1?linkType=linkset");
  expect(grai.status()).toBe(404);
  expect(await grai.json()).toMatchObject({ code: "NOT_FOUND" });
  const badKey = await page.goto("/8017/952012345678901234");
  expect(badKey?.status()).toBe(400);
  await expect(page.getByTestId("invalid-reason")).toContainText("wrong check digit");
  const short = await page.goto("/01/9506000134352");
  expect(short?.status()).toBe(400);
  await expect(page.getByTestId("invalid-reason")).toHaveText(
    "A GTIN in a Digital Link has 14 digits: write 9506000134352 as 09506000134352.",
  );
  expect((await request.get("/no-such/page")).status()).toBe(404);
});
