import { AppError } from "@/lib/errors";
import { getAiDefinition } from "@/lib/gs1/ai-table";
import { buildDigitalLink } from "@/lib/gs1/digital-link";
import { parseDigitalLink } from "@/lib/gs1/parse-digital-link";

/** What a Digital Link path asks the resolver about: a product, one of its lots, or one package. */
export type ResolverTarget = {
  level: "product" | "lot" | "serial";
  gtin: string;
  lotCode: string | null;
  serial: string | null;
  /** The canonical Digital Link path: "/01/{gtin14}[/10/{lot}][/21/{serial}]", values percent-encoded. */
  path: string;
};

/**
 * Reads a resolver request path ("/01/09506000134352/10/ABC") with lib/gs1, so a malformed one is
 * refused with lib/gs1's sentence (AppError "INVALID_INPUT"). Only GTIN-keyed links name something
 * LotLedger keeps; a valid link with another GS1 key (a GLN, a GRAI …) is AppError "NOT_FOUND".
 * Query-string attributes are checked but not used.
 */
export function resolveDigitalLinkPath(path: string): ResolverTarget {
  const { ais } = parseDigitalLink(path);
  const gtin = ais.get("01");
  if (gtin === undefined) {
    const [key = "", value = ""] = [...ais][0] ?? [];
    const label = getAiDefinition(key)?.label ?? "key";
    throw new AppError(
      "NOT_FOUND",
      `LotLedger has no page for the ${label} (${key}) ${value}: it resolves products (/01/ and a GTIN), their lots and packages.`,
    );
  }
  const lotCode = ais.get("10") ?? null;
  const serial = ais.get("21") ?? null;
  const keyAis: { "01": string; "10"?: string; "21"?: string } = { "01": gtin };
  if (lotCode !== null) keyAis["10"] = lotCode;
  if (serial !== null) keyAis["21"] = serial;
  return {
    level: serial !== null ? "serial" : lotCode !== null ? "lot" : "product",
    gtin,
    lotCode,
    serial,
    path: canonicalPath(keyAis),
  };
}

const NO_HOST = "https://resolver.invalid";

/**
 * The resolver path "/01/{gtin14}[/10/{lot}][/21/{serial}]" of a GTIN, lot and serial, each value
 * checked by lib/gs1 (a refusal is its AppError) and percent-encoded.
 */
export function canonicalPath(keyAis: { "01": string; "10"?: string; "21"?: string }): string {
  return buildDigitalLink({ stem: NO_HOST, ais: keyAis }).slice(NO_HOST.length);
}

/** The resolver path from a catch-all route's decoded segments, each re-encoded as it came. */
export function pathFromSegments(segments: string[]): string {
  return `/01/${segments.map(encodeURIComponent).join("/")}`;
}

/** The full Digital Link URI under the app's public address (APP_URL). */
export function digitalLinkUri(appUrl: string, path: string): string {
  return `${appUrl.replace(/\/+$/, "")}${path}`;
}

export const LINKSET_CONTENT_TYPE = "application/linkset+json";

type TargetLink = { href: string; title: string; type?: string; hreflang?: string[] };

/** What the linkset says about the product, from its master data (lib/products). */
export type LinksetProduct = { name: string; imageUrl: string | null };

/**
 * The resolver's answer to `?linkType=linkset` (or `Accept: application/linkset+json`): an RFC 9264
 * linkset whose anchor is the Digital Link and whose relation types are GS1 Web Vocabulary link types
 * written out in full, as GS1-Conformant resolvers do. GS1's linkset schema requires an
 * `itemDescription`: the product's name when the producer described it. gs1:pip is the product's
 * information page (the GTIN-level page), gs1:defaultLink the page of what the link names, with the
 * product's picture as gs1:relatedImage; a lot also links its trail (gs1:traceability) and both
 * levels their recall status.
 */
export function buildLinkset(
  target: ResolverTarget,
  appUrl: string,
  product: LinksetProduct | null = null,
) {
  const anchor = digitalLinkUri(appUrl, target.path);
  const name =
    target.lotCode === null ? `product ${target.gtin}` : `lot ${target.lotCode} of ${target.gtin}`;
  const productName = product?.name ?? `Product ${target.gtin}`;
  const page: TargetLink = {
    href: anchor,
    title: `Provenance of ${name}`,
    type: "text/html",
    hreflang: ["en"],
  };
  const productPage: TargetLink = {
    href: digitalLinkUri(appUrl, `/01/${target.gtin}`),
    title: `${productName}: product information`,
    type: "text/html",
    hreflang: ["en"],
  };
  const recallStatus: TargetLink = {
    href: digitalLinkUri(appUrl, `/recall-status${target.path}`),
    title: `Recall status of ${name}`,
    type: "application/json",
  };
  const links: Record<string, TargetLink[]> = {
    "https://gs1.org/voc/pip": [productPage],
    "https://gs1.org/voc/defaultLink": [page],
    "https://gs1.org/voc/recallStatus": [recallStatus],
  };
  if (product?.imageUrl) {
    links["https://gs1.org/voc/relatedImage"] = [
      { href: product.imageUrl, title: `Picture of ${productName}` },
    ];
  }
  if (target.lotCode !== null) {
    links["https://gs1.org/voc/traceability"] = [
      {
        href: digitalLinkUri(appUrl, `/traceability${target.path}`),
        title: `Traceability trail of ${name}`,
        type: "application/json",
      },
    ];
  }
  const itemDescription =
    target.lotCode === null ? productName : `${productName}, lot ${target.lotCode}`;
  return { linkset: [{ anchor, itemDescription, ...links }] };
}
