import { renderToStaticMarkup } from "next/dist/compiled/react-dom/server.node.js";
import type { ReactElement, ReactNode } from "react";

/*
 * Why Next's copy of react-dom/server rather than the react-dom package's own "react-dom/server":
 * - LotLedger's processes run under `node --conditions=react-server` (package.json, tools/stack/
 *   parts.ts), so that modules marked "server-only" load outside Next. Under that condition
 *   "react-dom/server" resolves to a stub that throws ("not supported in React Server Components")
 *   and "react" to its server build, which lacks what the HTML renderer needs. workers/web.ts serves
 *   GET /01/… itself, in front of Next, in such a process.
 * - Inside Next, a route handler is bundled in the React Server Components layer, where a static
 *   import of "react-dom/server" fails the build.
 * Next's copy (the one Next renders its own pages' HTML with) loads its React by a folder path, which
 * no export condition redirects, so the same import renders the same HTML in workers/web.ts, in the
 * route handlers (`next start`, with or without the condition), in the notifier and in the tests.
 * Measured with `npm run bench:provenance` (both servers) and the e2e suite. React's own answer,
 * `react-markup` (HTML from server components, for emails), has no stable release yet.
 * Elements made by either React build render alike: an element is a plain object. The output has no
 * script: static markup only, nothing to hydrate.
 */

/** A whole page: the doctype, then `page` (an <html> element) as static HTML. */
export function renderDocument(page: ReactElement): string {
  return `<!doctype html>${renderToStaticMarkup(page)}`;
}

/** A piece of HTML, such as an email's body: every string in it escaped, as React does. */
export function renderFragment(node: ReactNode): string {
  return renderToStaticMarkup(node);
}
