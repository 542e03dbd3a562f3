import { AppError } from "@/lib/errors";
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
 * refused with lib/gs1's sentence (AppError "INVALID_INPUT"). Only GTIN-keyed links resolve here; a
 * short GTIN comes back padded to 14 digits, and query-string attributes are checked but not used.
 */
export function resolveDigitalLinkPath(path: string): ResolverTarget {
  const { ais } = parseDigitalLink(path);
  const gtin = ais.get("01");
  if (gtin === undefined) {
    throw new AppError(
      "INVALID_INPUT",
      "LotLedger resolves GTIN Digital Links only: the path starts with /01/ and the GTIN.",
    );
  }
  const lotCode = ais.get("10") ?? null;
  const serial = ais.get("21") ?? null;
  const keyAis: Record<string, string> = { "01": gtin };
  if (lotCode !== null) keyAis["10"] = lotCode;
  if (serial !== null) keyAis["21"] = serial;
  const canonical = buildDigitalLink({ stem: "https://resolver.invalid", ais: keyAis });
  return {
    level: serial !== null ? "serial" : lotCode !== null ? "lot" : "product",
    gtin,
    lotCode,
    serial,
    path: canonical.slice("https://resolver.invalid".length),
  };
}

/** The resolver path from a catch-all route's decoded segments, each re-encoded as it came. */
export function pathFromSegments(segments: string[]): string {
  return `/01/${segments.map(encodeURIComponent).join("/")}`;
}

/** The full Digital Link URI under the app's public address (APP_URL). */
export function digitalLinkUri(appUrl: string, path: string): string {
  return `${appUrl.replace(/\/+$/, "")}${path}`;
}
