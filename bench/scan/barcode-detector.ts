import { chromium } from "@playwright/test";

/**
 * Whether Debian's Chromium offers the Shape Detection API's BarcodeDetector, and which formats.
 * It exists on Android, ChromeOS and macOS; on Linux desktop builds it is absent, so the scan page
 * can't lean on it, and the bench says so instead of measuring it.
 */
export async function barcodeDetectorInChromium(): Promise<{
  present: boolean;
  formats: string[];
  browser: string;
}> {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const page = await browser.newPage();
    await page.goto("data:text/html,<title>BarcodeDetector</title>");
    const found = await page.evaluate(async () => {
      const api = (globalThis as { BarcodeDetector?: { getSupportedFormats(): Promise<string[]> } })
        .BarcodeDetector;
      return api
        ? { present: true, formats: await api.getSupportedFormats() }
        : { present: false, formats: [] };
    });
    return { ...found, browser: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
  }
}
