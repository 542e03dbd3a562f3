import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ColdChainBatches } from "@/components/cold-chain/cold-chain-batches";
import { RecordedNotice } from "@/components/forms/recorded-notice";
import { LabelSheetLink } from "@/components/labels/label-sheet-link";
import { CancelShipmentForm } from "@/components/lots/cancel-shipment-form";
import { LotEventLinks, ON_A_HELD_LOT } from "@/components/lots/lot-event-links";
import { LotLineage } from "@/components/lots/lot-lineage";
import { LotRecallAlert } from "@/components/lots/lot-recall-alert";
import { LotTrail } from "@/components/lots/lot-trail";
import { ReceiveLotForm } from "@/components/lots/receive-lot-form";
import { ShipLotForm } from "@/components/lots/ship-lot-form";
import { ShipmentSummary } from "@/components/lots/shipment-summary";
import { RecallSourceOfRecall } from "@/components/recall/source-of-recall";
import { requireMember } from "@/lib/auth/session";
import { LEDGER_QUEUED_MESSAGE } from "@/lib/chain/errors";
import {
  coldChainSummary,
  getColdChain,
  readingsRefusal,
  withReadingsVerdict,
} from "@/lib/cold-chain";
import { getDb } from "@/lib/db";
import { getLotDetail } from "@/lib/lots/get-lot-detail";
import { canCreateLots } from "@/lib/lots/guards";
import { getLotShipment } from "@/lib/lots/latest-shipment";
import { findShippingParties } from "@/lib/organizations";
import { findProduct, productLabel } from "@/lib/products";
import { findRecallOf, findRecallsMadeFrom } from "@/lib/recall";
import { cancelShipmentAction, receiveLotAction, shipLotAction } from "./actions";

export const metadata: Metadata = { title: "Lot" };

export default async function LotPage({
  params,
  searchParams,
}: {
  params: Promise<{ lotId: string }>;
  searchParams: Promise<{ pending?: string; recorded?: string }>;
}) {
  const member = await requireMember();
  const [{ lotId }, { pending, recorded }] = await Promise.all([params, searchParams]);
  const db = getDb();
  // First whether the member may see the lot at all: a stranger gets the same 404 as for no lot.
  const lot = await getLotDetail({ db, member, lotId });
  if (!lot) notFound();
  const [recall, coldChain, coverage, shipment, recallsMadeFrom, product] = await Promise.all([
    findRecallOf({ db, lotId }),
    getColdChain({ db, lotId }),
    coldChainSummary({ db, lotId }),
    getLotShipment({ db, member, lotId }),
    findRecallsMadeFrom({ db, member, lotId }),
    findProduct(db, lot.gtin),
  ]);
  const packages = lot.packageCount;
  const me = member.organization.chainAddress;
  const isIncoming = lot.status === "IN_TRANSIT" && lot.recipient?.address === me;
  const canRecord = member.role !== "READ_ONLY";
  const canShip = lot.status === "ACTIVE" && lot.custodian.address === me && canRecord && !recall;
  const canCancelShipment =
    lot.status === "IN_TRANSIT" && lot.custodian.address === me && canRecord && !recall;
  // The carrier of the lot's shipment delivers it to the shipper's destination.
  const isCarrierLeg =
    shipment?.carrier?.gln === member.organization.gln &&
    shipment.recipient?.gln !== member.organization.gln;
  const shipping = canShip
    ? await findShippingParties({ db, excludeOrganizationId: member.organization.id })
    : null;
  const canPrintLabels =
    packages > 0 && canRecord && [lot.custodian.address, lot.producer.address].includes(me);
  return (
    <>
      <RecordedNotice
        text={recorded ? `Recorded ✓ on the ledger for lot ${lot.lotCode}.` : undefined}
      />
      <div>
        <h1 className="text-2xl font-bold">
          {product ? (
            <span className="block text-lg font-semibold text-stone-700" data-testid="product">
              {productLabel(product, lot.gtin)}
            </span>
          ) : null}{" "}
          Lot {lot.lotCode}
        </h1>
        <p className="font-mono text-sm text-stone-600">GTIN {lot.gtin}</p>
        <p className="mt-1" data-testid="custody">
          {lot.status === "IN_TRANSIT"
            ? `On its way from ${lot.custodian.name} to ${lot.recipient?.name}`
            : `${lot.status === "RECALLED" ? "Recalled" : lot.status === "CONSUMED" ? "Used up" : "Held"} · ${lot.custodian.name}`}
          {lot.quantity ? ` · ${lot.quantity} ${lot.unit}` : ""}
        </p>
        {packages > 0 ? (
          <p data-testid="packages">
            {packages} {packages === 1 ? "package" : "packages"} labelled
          </p>
        ) : null}
      </div>
      <LotLineage sources={lot.parents} outputs={lot.children} />
      {recall ? <LotRecallAlert lotCode={lot.lotCode} recall={recall} /> : null}
      <RecallSourceOfRecall lotCode={lot.lotCode} recalls={recallsMadeFrom} />
      {pending ? (
        <p role="status" className="rounded-xl bg-amber-50 p-4">
          {LEDGER_QUEUED_MESSAGE}
        </p>
      ) : null}
      {shipment ? (
        <ShipmentSummary shipment={shipment} isDelivered={lot.status !== "IN_TRANSIT"} />
      ) : null}
      {isIncoming ? (
        <ReceiveLotForm
          action={receiveLotAction.bind(null, lot.id)}
          senderName={lot.custodian.name}
          document={shipment?.document ?? null}
          shipped={lot.quantity && lot.unit ? { quantity: lot.quantity, unit: lot.unit } : null}
        />
      ) : null}
      {canCancelShipment ? (
        <CancelShipmentForm
          action={cancelShipmentAction.bind(null, lot.id)}
          lotCode={lot.lotCode}
          recipientName={lot.recipient?.name ?? "the recipient"}
        />
      ) : null}
      {shipping ? (
        <ShipLotForm
          action={shipLotAction.bind(null, lot.id)}
          lot={{
            product: product ? productLabel(product, lot.gtin) : `GTIN ${lot.gtin}`,
            lotCode: lot.lotCode,
            quantity: lot.quantity,
            unit: lot.unit,
          }}
          canShipPart={canCreateLots(member)}
          destinations={shipping.destinations}
          carriers={shipping.carriers.map(({ gln, name }) => ({ gln, label: name }))}
          delivery={
            isCarrierLeg && shipment
              ? {
                  recipientGln: shipment.destination?.gln ?? shipment.recipient?.gln ?? "",
                  document: shipment.document
                    ? `${shipment.document.label.toLowerCase()} ${shipment.document.number}`
                    : null,
                }
              : undefined
          }
        />
      ) : null}
      {canShip ? (
        <LotEventLinks
          member={member}
          ctes={ON_A_HELD_LOT}
          lotId={lot.id}
          label="Record an event"
        />
      ) : null}
      {canPrintLabels ? <LabelSheetLink lotId={lot.id} /> : null}
      <ColdChainBatches
        batches={coldChain}
        summary={coverage}
        timeZone={member.organization.timeZone}
        recordHref={readingsRefusal(member, lot) === null ? `/lots/${lot.id}/readings` : null}
      />
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">Trail</h2>
        <LotTrail trail={lot.trail.map(withReadingsVerdict(coldChain))} />
      </section>
    </>
  );
}
