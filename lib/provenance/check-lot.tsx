import "server-only";
import { z } from "zod";
import { InvalidLinkPage, renderDocument } from "@/components/public";
import { AppError } from "@/lib/errors";
import { parseGtin } from "@/lib/gs1/keys";
import { parseScanData } from "@/lib/gs1/scan-data";
import { parseInput } from "@/lib/input";
import { canonicalPath } from "./digital-link";

const optionalText = z.preprocess((value) => value ?? "", z.string().trim().max(2_000));

/** The "check another lot" form's fields, as its GET request sends them. */
const checkLotQuery = z.object({ gtin: optionalText, lot: optionalText, link: optionalText });

/**
 * Where the "check another lot" form leads: the Digital Link path of the lot (or package) it names,
 * from a pasted Digital Link or code, else from a GTIN and a lot code. Each refusal is
 * an AppError("INVALID_INPUT") saying what to fix.
 */
export function checkLotPath(query: URLSearchParams): string {
  const { gtin, lot, link } = parseInput(checkLotQuery, Object.fromEntries(query));
  if (link !== "") {
    const { ais } = parseScanData(link);
    const keys = new Map([...ais].filter(([ai]) => ["01", "10", "21"].includes(ai)));
    if (!keys.has("01")) {
      throw new AppError("INVALID_INPUT", "This link names no product: it has no GTIN (01).");
    }
    return canonicalPath(Object.fromEntries(keys) as { "01": string });
  }
  if (lot === "") {
    throw new AppError(
      "INVALID_INPUT",
      "Enter the lot code printed on the package (after LOT or (10)), or paste its link.",
    );
  }
  return canonicalPath({ "01": parseGtin(gtin), "10": lot });
}

/**
 * GET /check?gtin=…&lot=… or ?link=…: the public pages' "check another lot" form, a plain GET form
 * (the pages run no script). Sends the browser to the lot's page (303), or answers 400 with the
 * reason and the form again.
 */
export function respondCheckLot(request: Request): Response {
  const query = new URL(request.url).searchParams;
  try {
    return new Response(null, { status: 303, headers: { location: checkLotPath(query) } });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const page = <InvalidLinkPage reason={error.message} />;
    return new Response(renderDocument(page), {
      status: 400,
      headers: { "content-type": "text/html; charset=utf-8" },
    });
  }
}
