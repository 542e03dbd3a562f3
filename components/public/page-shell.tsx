import { readFileSync } from "node:fs";
import type { ReactNode } from "react";

// One stylesheet for every public page, inlined: one request per page, nothing to fetch offline, no
// script. A real .css file (read once, when this module loads) rather than a string in code, so it
// is edited and checked as CSS; pages are rendered once per change, so the read is not per visit.
const PUBLIC_CSS = readFileSync(new URL("./public.css", import.meta.url), "utf8");

/** A whole public page: header, the content given, inline styles, and no script at all. */
export function PageShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <html lang="en">
      {/* biome-ignore lint/style/noHeadElement: a whole document rendered to a string, not a Next page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{`${title} · LotLedger`}</title>
        <style>{PUBLIC_CSS}</style>
      </head>
      <body>
        <div className="wrap">
          <header>
            <p className="brand">LotLedger</p>
            <p className="small muted">
              Where your food comes from, as recorded on a shared ledger
            </p>
          </header>
          <main>{children}</main>
        </div>
      </body>
    </html>
  );
}
