import type { ResolverTarget } from "./resolve-digital-link";
import { digitalLinkUri } from "./resolve-digital-link";

export const LINKSET_CONTENT_TYPE = "application/linkset+json";

type TargetLink = { href: string; title: string; type: string; hreflang?: string[] };

/**
 * The resolver's answer to `?linkType=linkset` (or `Accept: application/linkset+json`): an RFC 9264
 * linkset whose anchor is the Digital Link and whose relation types are GS1 Web Vocabulary link types
 * written out in full, as GS1-Conformant resolvers do. The provenance page is both gs1:pip and the
 * default link; a lot also links its trail (gs1:traceability) and both levels their recall status.
 */
export function buildLinkset(target: ResolverTarget, appUrl: string) {
  const anchor = digitalLinkUri(appUrl, target.path);
  const name =
    target.lotCode === null ? `product ${target.gtin}` : `lot ${target.lotCode} of ${target.gtin}`;
  const page: TargetLink = {
    href: anchor,
    title: `Provenance of ${name}`,
    type: "text/html",
    hreflang: ["en"],
  };
  const recallStatus: TargetLink = {
    href: digitalLinkUri(appUrl, `/recall-status${target.path}`),
    title: `Recall status of ${name}`,
    type: "application/json",
  };
  const links: Record<string, TargetLink[]> = {
    "https://gs1.org/voc/pip": [page],
    "https://gs1.org/voc/defaultLink": [page],
    "https://gs1.org/voc/recallStatus": [recallStatus],
  };
  if (target.lotCode !== null) {
    links["https://gs1.org/voc/traceability"] = [
      {
        href: digitalLinkUri(appUrl, `/traceability${target.path}`),
        title: `Traceability trail of ${name}`,
        type: "application/json",
      },
    ];
  }
  return { linkset: [{ anchor, ...links }] };
}
