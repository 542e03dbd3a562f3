import "server-only";
import { AppError, toFailure } from "@/lib/errors";
import {
  pathFromSegments,
  type ResolverTarget,
  resolveDigitalLinkPath,
} from "./resolve-digital-link";

/**
 * Runs a public JSON route for a Digital Link path: 400 with lib/gs1's sentence for a malformed path,
 * 404 when `work` finds nothing, else the body with `contentType`. Anyone may read it (CORS).
 */
export async function respondForDigitalLink(
  segments: string[],
  contentType: string,
  work: (target: ResolverTarget) => Promise<unknown | null>,
): Promise<Response> {
  const headers = { "content-type": contentType, "access-control-allow-origin": "*" };
  try {
    const target = resolveDigitalLinkPath(pathFromSegments(segments));
    const body = await work(target);
    if (body === null) {
      throw new AppError("NOT_FOUND", `LotLedger has no record of ${describe(target)}.`);
    }
    return new Response(JSON.stringify(body), { status: 200, headers });
  } catch (error) {
    const failure = toFailure(error, "public-json");
    const status = error instanceof AppError ? error.httpStatus : 500;
    return new Response(JSON.stringify({ error: failure.message, code: failure.code }), {
      status,
      headers: { ...headers, "content-type": "application/json" },
    });
  }
}

function describe(target: ResolverTarget): string {
  return target.lotCode === null
    ? `product ${target.gtin}`
    : `lot ${target.lotCode} of product ${target.gtin}`;
}
