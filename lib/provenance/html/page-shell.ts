import { html, rawHtml, type SafeHtml } from "@/lib/html/escape";
import { PAGE_CSS } from "./page-css";

/** A whole public page: header, the body given, inline styles, and no script at all. */
export function pageShell({ title, body }: { title: string; body: SafeHtml }): string {
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · LotLedger</title><style>${rawHtml(PAGE_CSS)}</style></head>
<body><div class="wrap"><header><p class="brand">LotLedger</p>
<p class="small muted">Where your food comes from, as recorded on a shared ledger</p></header>
<main>${body}</main></div></body></html>`.text;
}
