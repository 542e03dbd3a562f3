import "server-only";
import {
  InvalidLinkPage,
  LotPage,
  NotFoundPage,
  ProductPage,
  renderDocument,
} from "@/components/public";
import { AppError } from "@/lib/errors";
import { ANY_LOT, type Dependency } from "./change-feed";
import { LINKSET_CONTENT_TYPE, type ResolverTarget, resolveDigitalLinkPath } from "./digital-link";
import { dependencyOf, describeTarget, findTarget } from "./find-target";
import { findLookalikeLots } from "./lookalike-lots";
import { answerPublicJson, jsonError, type PublicJsonKind } from "./public-json";
import type { ProvenanceReadModel } from "./read-model";

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
          status: error.httpStatus,
          headers: { "content-type": HTML },
          body: renderDocument(
            <InvalidLinkPage reason={error.message} isNotFound={error.code === "NOT_FOUND"} />,
          ),
          dependsOn: null,
        };
  }
  if (jsonKind) return answerPublicJson(jsonKind, target, request);
  const found = await findTarget(request.readModel, target);
  const headers = {
    "content-type": HTML,
    link: `<${target.path}?linkType=linkset>; rel="linkset"; type="${LINKSET_CONTENT_TYPE}"`,
  };
  if (!found) {
    // A lot code typed off a package may be one look-alike character off (did you mean …?).
    const lookalikes =
      target.level === "lot" && target.lotCode !== null
        ? await findLookalikeLots({
            db: request.readModel.db,
            gtin: target.gtin,
            lotCode: target.lotCode,
          })
        : [];
    const page = (
      <NotFoundPage what={describeTarget(target)} gtin={target.gtin} lookalikes={lookalikes} />
    );
    // Offers depend on other lots of the GTIN (a new one, a recall): any lot's change drops it.
    const dependsOn = target.level === "lot" ? ANY_LOT : dependencyOf(target, found);
    return { status: 404, headers, body: renderDocument(page), dependsOn };
  }
  const dependsOn = dependencyOf(target, found);
  const page =
    found.level === "product" ? (
      <ProductPage product={found.product} />
    ) : (
      <LotPage provenance={found.provenance} packageProof={found.packageProof} />
    );
  return { status: 200, headers, body: renderDocument(page), dependsOn };
}
