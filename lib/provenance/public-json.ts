import "server-only";
import { RECALL_ADVICE } from "@/components/public";
import { getEnv } from "@/lib/env";
import { AppError, toFailure } from "@/lib/errors";
import { findProduct, productLabel } from "@/lib/products";
import {
  buildLinkset,
  digitalLinkUri,
  LINKSET_CONTENT_TYPE,
  pathFromSegments,
  type ResolverTarget,
  resolveDigitalLinkPath,
} from "./digital-link";
import { dependencyOf, describeTarget, type FoundTarget, findTarget } from "./find-target";
import { getProvenanceReadModel, type ProvenanceReadModel } from "./read-model";
import type { ResolverAnswer } from "./resolver-answer";

/** The machine-readable answers a Digital Link links to (gs1:traceability, gs1:recallStatus). */
export type PublicJsonKind = "linkset" | "traceability" | "recall-status";

const JSON_TYPES: Record<PublicJsonKind, string> = {
  linkset: LINKSET_CONTENT_TYPE,
  traceability: "application/json",
  "recall-status": "application/json",
};

/**
 * A public JSON route (/linkset/01/…, /traceability/01/…, /recall-status/01/…): 400 with lib/gs1's
 * sentence for a malformed path, 404 for an unknown product, lot or package. Anyone may read it (CORS).
 */
export async function respondPublicJson(
  kind: PublicJsonKind,
  segments: string[],
): Promise<Response> {
  try {
    const target = resolveDigitalLinkPath(pathFromSegments(segments));
    const answer = await answerPublicJson(kind, target, {
      readModel: getProvenanceReadModel(),
      appUrl: getEnv().APP_URL,
    });
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return Response.json(
      { error: error.message, code: error.code },
      { status: error.httpStatus, headers: { "access-control-allow-origin": "*" } },
    );
  }
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
    const body =
      kind === "linkset"
        ? buildLinkset(target, appUrl, await linksetProduct(readModel, target.gtin))
        : publicJsonOf(kind, target, found, appUrl);
    return {
      status: 200,
      headers: { "content-type": JSON_TYPES[kind], "access-control-allow-origin": "*" },
      body: JSON.stringify(body),
      // A recall status says when it was checked: always answered afresh.
      dependsOn: kind === "recall-status" ? null : dependencyOf(target, found),
    };
  } catch (error) {
    return jsonError(error);
  }
}

export function jsonError(error: unknown): ResolverAnswer {
  const failure = toFailure(error, "resolver");
  return {
    status: error instanceof AppError ? error.httpStatus : 500,
    headers: { "content-type": "application/json", "access-control-allow-origin": "*" },
    body: JSON.stringify({ error: failure.message, code: failure.code }),
    dependsOn: null,
  };
}

/** The product's name and picture for its linkset, when its producer described it. */
async function linksetProduct(readModel: ProvenanceReadModel, gtin: string) {
  const product = await findProduct(readModel.db, gtin);
  return product && { name: productLabel(product, gtin), imageUrl: product.imageUrl };
}

/** The JSON body for the trail or recall status of a target LotLedger has a record of. */
function publicJsonOf(
  kind: Exclude<PublicJsonKind, "linkset">,
  target: ResolverTarget,
  found: FoundTarget,
  appUrl: string,
): object {
  const anchor = digitalLinkUri(appUrl, target.path);
  if (found.level === "product") {
    if (kind === "traceability") {
      throw new AppError("INVALID_INPUT", "A trail belongs to a lot: add /10/ and the lot code.");
    }
    return { anchor, gtin: target.gtin, recalledLotCodes: found.product.recalledLotCodes };
  }
  const { steps, lotId: _lotId, lineageLotIds: _lineage, ...lot } = found.provenance;
  const packageProof = found.packageProof && { package: found.packageProof };
  if (kind === "traceability") {
    return { anchor, ...lot, ...packageProof, events: steps.map(({ id: _id, ...step }) => step) };
  }
  return {
    anchor,
    gtin: lot.gtin,
    lotCode: lot.lotCode,
    ...(target.serial === null ? {} : { serial: target.serial }),
    isRecalled: lot.recall !== null,
    recallStatus: lot.recall ? "recalled" : "not recalled",
    ...(lot.recall
      ? {
          recalledLot: { gtin: lot.recall.gtin, lotCode: lot.recall.lotCode },
          advice: RECALL_ADVICE,
        }
      : {}),
    checkedAt: new Date().toISOString(),
  };
}
