import type { Member } from "@/lib/auth/session";
import { type EpcisEvent, lotEpcClass } from "@/lib/epcis/event";
import { eventBase } from "@/lib/events/event-base";
import { quantityElement } from "@/lib/events/new-lots";
import type { UnitContent } from "./unit-contents";

/**
 * The EPCIS AggregationEvent of packing lots on a logistic unit (ADD) or taking them off it
 * (DELETE): parentID the unit's SSCC, childQuantityList its lots. `kde.contents` lists each lot as
 * the label prints it and the contents root hashes it; an unpacking names the same lots.
 */
export function aggregationPayload({
  member,
  action,
  parentId,
  siteGln,
  contents,
}: {
  member: Member;
  action: "ADD" | "DELETE";
  /** The unit's SSCC as an EPC URI (lib/epcis/logistic-unit.ts). */
  parentId: string;
  siteGln: string;
  contents: readonly UnitContent[];
}): EpcisEvent {
  const isPacking = action === "ADD";
  return {
    ...eventBase({
      member,
      cte: isPacking ? "aggregation" : "disaggregation",
      type: "AggregationEvent",
      action,
      bizStep: isPacking ? "packing" : "unpacking",
      disposition: isPacking ? "in_progress" : "active",
      locationGln: siteGln,
      date: null,
      document: null,
    }),
    parentID: parentId,
    // EPCIS leaves quantity and uom out of a quantity element when they are not known.
    childQuantityList: contents.map((content) =>
      content.unit === null || content.quantity === ""
        ? { epcClass: lotEpcClass(content.gtin, content.lotCode) }
        : quantityElement({ ...content, unit: content.unit }),
    ),
    kde: { contents: contents.map((content) => ({ ...content })) },
  };
}
