import { chromium } from "@playwright/test";

const BASE = "http://127.0.0.1:3450";
const [, , step] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });

async function session(email, viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("lotledger-demo");
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return page;
}
const PHONE = { width: 360, height: 740 };
const DESK = { width: 1280, height: 800 };
const out = (name) => `/tmp/units-shots/${name}.png`;

if (step === "builder") {
  for (const [vp, tag] of [[PHONE, "360"], [DESK, "1280"]]) {
    const page = await session("farm@lotledger.demo", vp);
    await page.goto(`${BASE}/units/new`);
    const boxes = page.getByRole("checkbox");
    const n = await boxes.count();
    console.log("lots offered", n);
    for (let i = 0; i < Math.min(3, n); i++) await boxes.nth(i).check();
    await page.screenshot({ path: out(`builder-${tag}`), fullPage: tag === "360" ? false : false });
    await page.context().close();
  }
}
if (step === "build") {
  const page = await session("farm@lotledger.demo", PHONE);
  await page.goto(`${BASE}/units/new`);
  const boxes = page.getByRole("checkbox");
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  await page.getByRole("button", { name: /Build pallet/ }).click();
  await page.waitForURL(/\/units\/\d{18}/);
  console.log("unit", page.url());
  await page.screenshot({ path: out("unit-waiting-360") });
  await page.getByText("On the ledger").first().waitFor({ timeout: 30000 }).catch(() => console.log("no on-ledger text"));
  await page.waitForTimeout(1000);
  await page.screenshot({ path: out("unit-360"), fullPage: true });
  const url = page.url().split("?")[0];
  await page.context().close();
  const desk = await session("farm@lotledger.demo", DESK);
  await desk.goto(url);
  await desk.screenshot({ path: out("unit-1280"), fullPage: true });
  console.log(url);
}
if (step === "page") {
  const [, , , path, email, name] = process.argv;
  for (const [vp, tag] of [[PHONE, "360"], [DESK, "1280"]]) {
    const page = email === "-" ? await (await browser.newContext({ viewport: vp })).newPage() : await session(email, vp);
    await page.goto(`${BASE}${path}`);
    await page.waitForTimeout(500);
    await page.screenshot({ path: out(`${name}-${tag}`), fullPage: true });
    await page.context().close();
  }
}
if (step === "seed") {
  const page = await session("farm@lotledger.demo", DESK);
  const site = process.argv[3];
  const day = (n) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);
  const post = async (path, data) => {
    const r = await page.request.post(`${BASE}${path}`, { data, headers: { origin: BASE } });
    const body = await r.json();
    if (r.status() >= 300) throw new Error(`${path} ${r.status()} ${JSON.stringify(body)}`);
    return body;
  };
  const lots = [["PAL-H1", "RH-PAL-1", 16, "09506000134369"], ["PAL-H2", "RH-PAL-2", 20, "09506000134369"], ["PAL-H3", "RL-PAL-3", 12, "09506000134352"]];
  for (const [h, code, cases, gtin] of lots) {
    const harvest = await post("/api/events/harvesting", { locationGln: site, gtin: "09506000134352", lotCode: h, commodity: "Lettuce", variety: "Romaine", quantity: "200", unit: "kg", fieldName: "Field 7", harvestDate: day(1), recipientLocationGln: site, documentType: "harvestlog", documentNumber: `HL-${h}` });
    await page.waitForTimeout(4000);
    const packed = await post("/api/events/initial_packing", { inputLotIds: harvest.lotId, locationGln: site, quantityReceived: "200", unitReceived: "kg", productDescription: "Romaine", commodity: "Lettuce", variety: "Romaine", dateReceived: day(1), harvestLocation: "Green Valley Farm", fieldName: "Field 7", harvesterBusinessName: "Green Valley Farm", harvesterPhone: "+1 831 555 0142", harvestDate: day(1), packingDate: day(0), gtin, lotCode: code, quantity: "180", unit: "kg", packages: String(cases), documentType: "prodorder", documentNumber: `PO-${code}` });
    console.log(code, packed.lotId);
  }
}
await browser.close();
