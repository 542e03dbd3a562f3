import { gzipSync } from "node:zlib";

/**
 * The JavaScript a page makes a browser load, gzipped: every <script src> fetched and gzipped on its
 * own, plus the inline scripts (Next's RSC payload) gzipped together, in KB. Not counted: noModule
 * scripts, which browsers that run modules never load.
 */
export async function measurePageJs(
  pageUrl: string,
): Promise<{ external_kb_gz: number; inline_kb_gz: number; js_kb_gz: number; scripts: number }> {
  const html = await (await fetch(pageUrl)).text();
  // A noModule script (Next's legacy polyfills) is skipped by every browser that runs modules.
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)]
    .filter((m) => !/\bnomodule\b/i.test(m[0]))
    .map((m) => m[1] as string);
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1] as string)
    .join("\n");
  let external = 0;
  for (const source of new Set(sources)) {
    const body = Buffer.from(
      await (await fetch(new URL(source.replaceAll("&amp;", "&"), pageUrl))).arrayBuffer(),
    );
    external += gzipSync(body, { level: 9 }).length;
  }
  const inlineGz = inline ? gzipSync(inline, { level: 9 }).length : 0;
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  return {
    external_kb_gz: kb(external),
    inline_kb_gz: kb(inlineGz),
    js_kb_gz: kb(external + inlineGz),
    scripts: new Set(sources).size,
  };
}
