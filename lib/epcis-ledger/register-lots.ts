import type { Member } from "@/lib/auth/session";
import { encodeLotCode } from "@/lib/chain/lot-id";
import type { Tx } from "@/lib/db/client";
import { unitOfUom } from "@/lib/epcis/quantity";
import { assertOwnGtins, createLotCall, type NewLot } from "@/lib/events/new-lots";
import { companyPrefixOf } from "@/lib/gs1/company-prefix";
import { parseLotCode } from "@/lib/gs1/lot-code";
import {
  assertCanCreateLots,
  assertCanRecord,
  assertHoldsCustody,
  assertLotCodeFree,
} from "@/lib/lots/guards";
import { at, type NamedLot } from "./named-lots";
import type { LedgerStep } from "./steps";

/**
 * An ADD event that commissions lots (commissioning, or a CTE that assigns a traceability lot code):
 * each lot is registered by the organisation holding its GTIN's company prefix — the capturer, with
 * `createLot` — or, when no member of LotLedger holds it (a supplier off LotLedger), by the capturer as
 * its first receiver with `registerReceivedLot`: custodian, never producer. A GTIN of another member
 * is refused with the sentence the lot forms show.
 */
export async function planRegistration(
  tx: Tx,
  member: Member,
  lots: readonly NamedLot[],
): Promise<LedgerStep[]> {
  assertCanRecord(member, "register lots");
  const prefixes = (await tx.companyPrefix.findMany({ select: { prefix: true } })).map(
    (row) => row.prefix,
  );
  const steps: LedgerStep[] = [];
  for (const named of lots) {
    await at(named.field, () => parseLotCode(named.lotCode));
    const lot = newLotOf(named);
    await at(named.field, () => assertLotCodeFree(tx, lot));
    const anyHolder = companyPrefixOf(lot.gtin, prefixes);
    if (anyHolder === null) {
      await at(named.field, () => assertHoldsCustody(member, "receive lots"));
      steps.push({
        lotId: lot.id,
        newLots: [],
        call: (payloadHash) => ({
          method: "registerReceivedLot",
          args: [BigInt(lot.gtin).toString(), encodeLotCode(lot.lotCode), payloadHash],
        }),
      });
      continue;
    }
    // A member's GTIN: registered by the capturer only under its own prefix (the form's refusal).
    await at(named.field, () => assertOwnGtins(tx, member, [lot]));
    await at(named.field, () => assertCanCreateLots(member));
    steps.push({ lotId: lot.id, newLots: [lot], call: createLotCall(lot) });
  }
  return steps;
}

function newLotOf(named: NamedLot): NewLot {
  const unit = named.uom ? (unitOfUom(named.uom) ?? "each") : "each";
  return {
    id: named.id,
    gtin: named.gtin,
    lotCode: named.lotCode,
    quantity: String(named.quantity ?? 0),
    unit,
    serials: [],
  };
}
