// LotLedger's service worker: the staff app opens and answers scans in a cold room without signal.
// Hand-written on purpose: Serwist and next-pwa generate their worker from webpack's build, and
// Next 16 builds with Turbopack, which takes no such plugin (serwist/serwist#54). It is small enough
// to read in one go — docs/offline.md says what it keeps and how to clear it.
//
// - /_next/static/* (content-hashed), icons and the manifest: cache first, kept until a new VERSION.
// - The staff shell (home, scan, the incoming list, the lots held, each lot page visited) and the
//   offline snapshot of lots: network first, the last good copy when the network fails.
// - Everything else (POSTs, server actions, RSC fetches, the API) goes to the network untouched: the
//   page's offline queue (lib/offline) decides what to do when it fails.

const VERSION = "v1";
const STATIC = `lotledger-static-${VERSION}`;
const PAGES = `lotledger-pages-${VERSION}`;
const SHELL = ["/home", "/scan", "/lots?view=incoming", "/lots", "/api/offline/snapshot"];
const FILES = ["/manifest.webmanifest", "/icon.svg", "/icon-192.png", "/icon-512.png"];
const STATIC_PATH =
  /^\/(?:_next\/static\/|icon[\w-]*\.(?:svg|png)$|apple-touch-icon\.png$|favicon\.ico$|manifest\.webmanifest$)/;
const PAGE_PATH = /^\/(?:home|scan|lots(?:\/[^/]+)?|api\/offline\/snapshot)$/;
// The scripts, styles and fonts a page names, in its HTML or its inline RSC payload.
const ASSET_IN_HTML = /\/_next\/static\/[^"'\\\s)]+/g;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      await (await caches.open(STATIC)).addAll(FILES);
      await Promise.all(SHELL.map((url) => refreshPage(url)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([STATIC, PAGES]);
      for (const name of await caches.keys()) if (!keep.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

// The page names the lot pages worth keeping once it knows them (the lots in the snapshot).
self.addEventListener("message", (event) => {
  if (event.data?.type === "keep-pages" && Array.isArray(event.data.urls)) {
    const urls = event.data.urls.filter((url) =>
      PAGE_PATH.test(new URL(url, self.location).pathname),
    );
    event.waitUntil(Promise.all(urls.map((url) => refreshPage(url))));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // Opening the sign-in page means nobody is signed in here (signed out, or the session ended): the
  // kept pages go, so the next person on this phone sees none of them.
  if (request.mode === "navigate" && url.pathname === "/sign-in") {
    event.waitUntil(caches.delete(PAGES));
    return;
  }
  if (request.headers.has("rsc") || url.searchParams.has("_rsc")) return;
  if (STATIC_PATH.test(url.pathname)) event.respondWith(cacheFirst(request));
  else if (PAGE_PATH.test(url.pathname)) event.respondWith(networkFirst(request));
});

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(STATIC)).put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    await keep(request.url, response.clone());
    return response;
  } catch (error) {
    const cached = await (await caches.open(PAGES)).match(request.url, { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

/** Fetches a shell page (or the snapshot) now, keeps it, and keeps the assets its HTML names. */
async function refreshPage(url) {
  const response = await fetch(url, { credentials: "same-origin" }).catch(() => null);
  if (!response) return;
  await keep(url, response.clone());
  if (!response.ok || !response.headers.get("content-type")?.includes("text/html")) return;
  const assets = new Set((await response.text()).match(ASSET_IN_HTML) ?? []);
  const cache = await caches.open(STATIC);
  await Promise.all(
    [...assets].map(async (asset) => {
      if (await cache.match(asset)) return;
      const file = await fetch(asset).catch(() => null);
      if (file?.ok) await cache.put(asset, file);
    }),
  );
}

/**
 * Keeps a good answer under its address; a redirect (to the sign-in page, when a request went
 * without the session) is never kept in the page's place.
 */
async function keep(url, response) {
  if (response.ok && !response.redirected && response.type === "basic") {
    await (await caches.open(PAGES)).put(url, response);
  }
}
