import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { listLots } from "@/lib/lots/list-lots";
import { lotListQuery } from "@/lib/lots/lot-list-query";
import { type LotSummary, summariseLots } from "@/lib/lots/lot-summary";
import type { LotChoice, LotChoices } from "./field-spec";

/** How many lots a search shows: a phone screen's worth, so the picker never becomes the page. */
export const LOT_CHOICES_SHOWN = 8;

/**
 * The input-lot picker's lots: the chosen ones the member still holds active, then a few more active
 * held lots matching the search (lot code, GTIN or product; newest first), through the lots list's
 * own query and indexes.
 */
export async function findLotChoices({
  db,
  member,
  search,
  chosen,
}: {
  db: Db;
  member: Member;
  search: string;
  chosen: string[];
}): Promise<LotChoices> {
  const custodian = member.organization.chainAddress;
  const [held, page] = await Promise.all([
    chosen.length > 0
      ? db.lot.findMany({
          where: { id: { in: chosen }, custodian, status: "ACTIVE" },
          select: { id: true },
        })
      : [],
    listLots({
      db,
      scope: { custodian },
      query: lotListQuery.parse({ q: search, status: "ACTIVE" }),
      pageSize: LOT_CHOICES_SHOWN + chosen.length,
    }),
  ]);
  const chosenLots = (
    await summariseLots(
      db,
      held.map((lot) => lot.id),
    )
  ).map(choiceOf);
  const isChosen = new Set(chosenLots.map((lot) => lot.value));
  const found = page.lots.filter((lot) => !isChosen.has(lot.id)).map(choiceOf);
  return {
    search,
    chosen: chosenLots,
    found: found.slice(0, LOT_CHOICES_SHOWN),
    hasMore: page.nextCursor !== null || found.length > LOT_CHOICES_SHOWN,
  };
}

function choiceOf(lot: LotSummary): LotChoice {
  const amount = lot.quantity ? ` · ${lot.quantity} ${lot.unit ?? ""}`.trimEnd() : "";
  return {
    value: lot.id,
    label: `${lot.product ?? `GTIN ${lot.gtin}`} · Lot ${lot.lotCode}${amount}`,
    quantity: lot.quantity,
    unit: lot.unit,
  };
}
