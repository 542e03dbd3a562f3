import { html } from "@/lib/html/escape";
import { pageShell } from "./page-shell";

/** The friendly 404 for a product, lot or package LotLedger has no record of. */
export function notFoundPage(what: string): string {
  return pageShell({
    title: "Not found",
    body: html`<section><h1>Not found</h1><p class="big" data-testid="not-found">LotLedger has no record of ${what}. Check the code on the package; if it still isn't found, ask the store where you bought it.</p></section>`,
  });
}

/** The friendly 400 for a malformed Digital Link, with lib/gs1's sentence saying what is wrong. */
export function invalidLinkPage(reason: string): string {
  return pageShell({
    title: "Not a valid product code",
    body: html`<section><h1>This code can't be read</h1><p class="big wrapall" data-testid="invalid-reason">${reason}</p>
<p class="big">Check the code on the package and scan it again.</p></section>`,
  });
}
