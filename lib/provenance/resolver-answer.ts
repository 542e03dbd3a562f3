import "server-only";
import { AppError, toFailure } from "@/lib/errors";
import { dependencyOf, describeTarget, findTarget } from "./find-target";
import type { Dependency } from "./fresh-cache";
import { lotPage } from "./html/lot-page";
import { productPage } from "./html/product-page";
import { invalidLinkPage, notFoundPage } from "./html/status-pages";
import { LINKSET_CONTENT_TYPE } from "./linkset";
import { type PublicJsonKind, publicJsonOf } from "./public-answers";
import type { ProvenanceReadModel } from "./read-model";
import { type ResolverTarget, resolveDigitalLinkPath } from "./resolve-digital-link";

/**
 * A resolver response, before it is written by Next (route handlers) or by the web server itself.
 * `dependsOn`: the lots (or ANY_LOT) whose change makes it out of date; null: never cache it.
 */
export type ResolverAnswer = {
  status: number;
  headers: Record<string, string>;
  body: string;
  dependsOn: Dependency;
};

// GS1 link types a machine asks for with ?linkType=, and the JSON answer each gets.
const JSON_LINK_TYPES: Record<string, PublicJsonKind> = {
  linkset: "linkset",
  all: "linkset",
  "gs1:traceability": "traceability",
  "gs1:recallStatus": "recall-status",
};
const JSON_TYPES: Record<PublicJsonKind, string> = {
  linkset: LINKSET_CONTENT_TYPE,
  traceability: "application/json",
  "recall-status": "application/json",
};
const HTML = "text/html; charset=utf-8";

type Request = {
  readModel: ProvenanceReadModel;
  appUrl: string;
  pathAndQuery: string;
  accept: string;
};

/**
 * The GS1 Digital Link resolver (/01/{gtin}[/10/{lot}[/21/{serial}]]): people get the provenance page
 * (or a friendly 400 or 404 page), machines asking for links (?linkType=, or Accept:
 * application/linkset+json) get JSON. Always server-rendered from the read model, never the chain.
 */
export async function answerDigitalLink(request: Request): Promise<ResolverAnswer> {
  const { pathAndQuery, accept } = request;
  const linkType = new URLSearchParams(pathAndQuery.split("?")[1] ?? "").get("linkType");
  const jsonKind =
    JSON_LINK_TYPES[linkType ?? ""] ??
    (linkType === null && accept.includes("application/linkset+json") ? "linkset" : undefined);
  let target: ResolverTarget;
  try {
    target = resolveDigitalLinkPath(pathAndQuery);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // Not cached: reading a path costs less than a lookup would save, and junk must not fill the cache.
    return jsonKind || accept.includes("application/json")
      ? jsonError(error)
      : {
          status: 400,
          headers: { "content-type": HTML },
          body: invalidLinkPage(error.message),
          dependsOn: null,
        };
  }
  if (jsonKind) return answerPublicJson(jsonKind, target, request);
  const found = await findTarget(request.readModel, target);
  const dependsOn = dependencyOf(target, found);
  const headers = {
    "content-type": HTML,
    link: `<${target.path}?linkType=linkset>; rel="linkset"; type="${LINKSET_CONTENT_TYPE}"`,
  };
  if (!found) {
    return { status: 404, headers, body: notFoundPage(describeTarget(target)), dependsOn };
  }
  const body =
    found.level === "product"
      ? productPage(found.product)
      : lotPage(found.provenance, found.packageProof);
  return { status: 200, headers, body, dependsOn };
}

/** A JSON answer about a target: 404 when LotLedger has no record of it, 400 for a product's trail. */
export async function answerPublicJson(
  kind: PublicJsonKind,
  target: ResolverTarget,
  { readModel, appUrl }: { readModel: ProvenanceReadModel; appUrl: string },
): Promise<ResolverAnswer> {
  try {
    const found = await findTarget(readModel, target);
    if (!found) {
      throw new AppError("NOT_FOUND", `LotLedger has no record of ${describeTarget(target)}.`);
    }
    return {
      status: 200,
      headers: { "content-type": JSON_TYPES[kind], "access-control-allow-origin": "*" },
      body: JSON.stringify(publicJsonOf(kind, target, found, appUrl)),
      // A recall status says when it was checked: always answered afresh.
      dependsOn: kind === "recall-status" ? null : dependencyOf(target, found),
    };
  } catch (error) {
    return jsonError(error);
  }
}

function jsonError(error: unknown): ResolverAnswer {
  const failure = toFailure(error, "resolver");
  return {
    status: error instanceof AppError ? error.httpStatus : 500,
    headers: { "content-type": "application/json", "access-control-allow-origin": "*" },
    body: JSON.stringify({ error: failure.message, code: failure.code }),
    dependsOn: null,
  };
}
