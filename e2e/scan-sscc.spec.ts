import { spawnSync } from "node:child_process";
import { buildSscc } from "@/lib/gs1/sscc";
import { expect, formError, signIn, test } from "./fixtures";
import { launchWithFakeCameraFrame } from "./fixtures/fake-camera";

const CARRIER = "carrier@lotledger.demo";
const PHONE = { width: 360, height: 740 };

test.use({ viewport: PHONE });

/** An SSCC no other test uses: GS1's example prefix 0614141 and a serial from the clock. */
const uniqueSscc = () =>
  buildSscc({
    extensionDigit: 1,
    companyPrefix: "0614141",
    serialReference: BigInt(Date.now() % 1_000_000_000),
  });

/** The camera frame of a pallet label's GS1-128 SSCC, already read back in Node (see the fixture). */
function ssccFrame(sscc: string) {
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "e2e/fixtures/sscc-camera-frame.ts", sscc],
    { encoding: "utf8", timeout: 60_000, maxBuffer: 4 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`sscc-camera-frame failed: ${result.stderr}`);
  const grey = new Uint8ClampedArray(Buffer.from(result.stdout, "base64"));
  return { grey, width: 640, height: 480 };
}

test("the phone camera reads a pallet label's GS1-128 SSCC and opens the pallet", async ({
  baseURL,
}, testInfo) => {
  const sscc = uniqueSscc();
  const browser = await launchWithFakeCameraFrame(testInfo, ssccFrame(sscc));
  try {
    const context = await browser.newContext({ baseURL, viewport: PHONE, permissions: ["camera"] });
    const phone = await context.newPage();
    await signIn(phone, CARRIER);
    // The camera is allowed, so the page opens it without a tap; zxing-cpp comes from our origin.
    const wasm = phone.waitForResponse((r) => r.url().endsWith("/decoders/zxing-reader.wasm"));
    // What the camera read goes to the server as a POST to /scan: the moment of decoding.
    const lookUp = phone.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/scan"));
    const start = Date.now();
    await phone.goto("/scan");
    const loaded = Date.now();
    expect((await wasm).status()).toBe(200);
    await lookUp;
    const timing = `GS1-128 SSCC on the fake camera: page loaded in ${loaded - start} ms, decoded ${Date.now() - loaded} ms later`;
    testInfo.annotations.push({ type: "fake camera", description: timing });
    console.log(timing);
    await expect(phone).toHaveURL(new RegExp(`/units/${sscc}$`));
  } finally {
    await browser.close();
  }
});

test("typing a pallet's SSCC opens it; one with a wrong check digit is refused in one sentence", async ({
  page,
}) => {
  const sscc = uniqueSscc();
  await signIn(page, CARRIER);
  await page.goto("/scan");
  const wrong = `${sscc.slice(0, 17)}${(Number(sscc[17]) + 1) % 10}`;
  await page.getByLabel("Type the code").fill(wrong);
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(formError(page)).toHaveText(
    `SSCC ${wrong} has a wrong check digit: the last digit should be ${sscc[17]}, not ${wrong[17]}. Check the number on the label.`,
  );
  await page.getByLabel("Type the code").fill(`(00)${sscc}`);
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page).toHaveURL(new RegExp(`/units/${sscc}$`));
});
