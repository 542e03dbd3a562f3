import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { PublicJsonKind } from "./public-answers";
import { getProvenanceReadModel } from "./read-model";
import { pathFromSegments, resolveDigitalLinkPath } from "./resolve-digital-link";
import { answerPublicJson } from "./resolver-answer";

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
