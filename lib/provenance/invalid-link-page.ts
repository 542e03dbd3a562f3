const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * The friendly 400 page for a malformed Digital Link, answered by proxy.ts before any route runs (an
 * App Router page cannot answer 400), so it is plain HTML with its own few styles and no script.
 */
export function invalidLinkPage(reason: string): string {
  const text = reason.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Not a valid product code · LotLedger</title>
<style>body{margin:0;font-family:ui-sans-serif,system-ui,sans-serif;background:#fafaf9;color:#1c1917}
header{background:#fff;border-bottom:1px solid #e7e5e4;padding:12px 16px;font-weight:700;font-size:1.25rem;color:#14532d}
main{max-width:40rem;margin:0 auto;padding:24px 16px}h1{font-size:1.5rem}p{font-size:1.125rem;overflow-wrap:anywhere}</style>
</head><body><header>LotLedger</header><main><h1>This code can't be read</h1>
<p data-testid="invalid-reason">${text}</p>
<p>Check the code on the package and scan it again.</p></main></body></html>`;
}
