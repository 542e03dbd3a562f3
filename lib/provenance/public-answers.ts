import "server-only";
import { AppError } from "@/lib/errors";
import type { FoundTarget } from "./find-target";
import { buildLinkset } from "./linkset";
import { RECALL_ADVICE } from "./recall-advice";
import { digitalLinkUri, type ResolverTarget } from "./resolve-digital-link";

/** The machine-readable answers a Digital Link links to (gs1:traceability, gs1:recallStatus). */
export type PublicJsonKind = "linkset" | "traceability" | "recall-status";

/** The JSON body for `kind` about a target LotLedger has a record of. */
export function publicJsonOf(
  kind: PublicJsonKind,
  target: ResolverTarget,
  found: FoundTarget,
  appUrl: string,
): object {
  if (kind === "linkset") return buildLinkset(target, appUrl);
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
