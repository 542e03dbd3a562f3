import { chromium } from "@playwright/test";

// Lighthouse 12 dropped its PWA category and the installable-manifest audit with it (v12.0.0 release
// notes), so the bench asks Chromium itself, over CDP, as DevTools' Application panel does.

export type Installability = {
  /** Chromium's reasons this page's app cannot be installed (Page.getInstallabilityErrors); [] when it can. */
  errors: string[];
  /** Whether a service worker controls the page once it is loaded (needed for offline, not to install). */
  hasServiceWorker: boolean;
  manifestUrl: string | null;
};

/** Opens `url` in the Chromium Lighthouse drives (at `port`), with `cookie`, and asks it. */
export async function checkInstallability(
  port: number,
  url: string,
  cookie: string | undefined,
): Promise<Installability> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  // The browser's own profile: Chromium never installs from a new (incognito) context.
  const [context] = browser.contexts();
  if (!context) throw new Error("Chromium has no default context to open the page in.");
  await context.setExtraHTTPHeaders(cookie ? { cookie } : {});
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "load" });
    const hasServiceWorker = await page.evaluate(async () => {
      if (!("serviceWorker" in navigator)) return false;
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000));
      return (await Promise.race([navigator.serviceWorker.ready, timeout])) !== null;
    });
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    const manifest = await cdp.send("Page.getAppManifest", {});
    return {
      errors: installabilityErrors.map((e) =>
        [e.errorId, ...e.errorArguments.map((a) => `${a.name}=${a.value}`)].join(" "),
      ),
      hasServiceWorker,
      manifestUrl: manifest.url || null,
    };
  } finally {
    await page.close();
    await browser.close();
  }
}
