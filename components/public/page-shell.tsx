import type { ReactNode } from "react";
import { PUBLIC_CSS } from "./styles";

/** A whole public page: header, the content given, inline styles, and no script at all. */
export function PageShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <html lang="en">
      {/* biome-ignore lint/style/noHeadElement: a whole document rendered to a string, not a Next page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{`${title} · LotLedger`}</title>
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
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
