import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ColdChainAlerts } from "@/components/cold-chain/cold-chain-alerts";
import { ColdChainBatches } from "@/components/cold-chain/cold-chain-batches";
import { LotHoldBanner } from "@/components/cold-chain/lot-hold-banner";
import { ReleaseHoldForm } from "@/components/cold-chain/release-hold-form";
import { LabelSheetLink } from "@/components/labels/label-sheet-link";
import { LedgerWriteStatus } from "@/components/ledger/ledger-write-status";
import { LotNotOnLedgerYet } from "@/components/ledger/lot-not-on-ledger-yet";
import { CancelShipmentForm } from "@/components/lots/cancel-shipment-form";
import { FsmaDownloads } from "@/components/lots/fsma-downloads";
import { LotEventLinks, ON_A_HELD_LOT } from "@/components/lots/lot-event-links";
import { LotLineage } from "@/components/lots/lot-lineage";
import { LotRecallAlert } from "@/components/lots/lot-recall-alert";
import { LotStatusBadge } from "@/components/lots/lot-status-badge";
import { LotTrail } from "@/components/lots/lot-trail";
import { ReceiveLotForm } from "@/components/lots/receive-lot-form";
import { ShipLotForm } from "@/components/lots/ship-lot-form";
import { ShipmentSummary } from "@/components/lots/shipment-summary";
import { RecallSourceOfRecall } from "@/components/recall/source-of-recall";
import { requireMember } from "@/lib/auth/session";
import {
  coldChainSummary,
  findOpenColdChainAlerts,
  getColdChain,
  readingsRefusal,
  withReadingsVerdict,
} from "@/lib/cold-chain";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getLotHold } from "@/lib/holds";
import { findFollowedWrites } from "@/lib/ledger-writes/find-ledger-writes";
import { writeIdsOf } from "@/lib/ledger-writes/follow";
import { isSettled } from "@/lib/ledger-writes/write-status";
import { getLotDetail } from "@/lib/lots/get-lot-detail";
import { canCreateLots } from "@/lib/lots/guards";
import { getLotShipment } from "@/lib/lots/latest-shipment";
import { originSentence, registrarOf } from "@/lib/lots/lot-origin";
import { findShippingParties } from "@/lib/organizations";
import { findProduct, productLabel } from "@/lib/products";
import { findDeviceBatches } from "@/lib/provenance";
import { findRecallOf, findRecallsMadeFrom } from "@/lib/recall";
import { acknowledgeColdChainAlertAction } from "../alert-actions";
import {
  cancelShipmentAction,
  receiveLotAction,
  releaseLotHoldAction,
  shipLotAction,
} from "./actions";

export const metadata: Metadata = { title: "Lot" };

export default async function LotPage({
  params,
  searchParams,
}: {
  params: Promise<{ lotId: string }>;
  searchParams: Promise<{ write?: string | string[] }>;
}) {
  const member = await requireMember();
  const [{ lotId }, { write }] = await Promise.all([params, searchParams]);
  const db = getDb();
  // The writes before the lot: one they call on the ledger is then in the lot read after.
  const writes = await findFollowedWrites({
    db,
    organizationId: member.organization.id,
    chainId: getEnv().CHAIN_ID,
    ids: writeIdsOf(write),
    lotId,
  });
  // Whether the member may see the lot at all: a stranger gets the same 404 as for no lot.
  const lot = await getLotDetail({ db, member, lotId });
  // A lot the organisation just asked for is shown as on its way until the indexer has it.
  if (!lot)
    return writes.length > 0 ? <LotNotOnLedgerYet lotId={lotId} writes={writes} /> : notFound();
  const [
    recall,
    coldChain,
    coverage,
    shipment,
    recallsMadeFrom,
    product,
    hold,
    alerts,
    deviceBatches,
  ] = await Promise.all([
    findRecallOf({ db, lotId }),
    getColdChain({ db, lotId }),
    coldChainSummary({ db, lotId }),
    getLotShipment({ db, member, lotId }),
    findRecallsMadeFrom({ db, member, lotId }),
    findProduct(db, lot.gtin),
    getLotHold({ db, lotId }),
    findOpenColdChainAlerts({ db, member, lotId }),
    findDeviceBatches({ db, lotId }),
  ]);
  const isOnHold = Boolean(hold?.current) || lot.isOnHold;
  const packages = lot.packageCount;
  const me = member.organization.chainAddress;
  const canRecord = member.role !== "READ_ONLY";
  // While a step of ours on this lot is on its way, the page says so instead of offering the next.
  const canStep = canRecord && !recall && writes.every(isSettled);
  const isIncoming =
    lot.status === "IN_TRANSIT" && lot.recipient?.address === me && writes.every(isSettled);
  // A held lot is not offered for shipping: the hold banner says who must release it first.
  const canShip = lot.status === "ACTIVE" && lot.custodian.address === me && canStep && !isOnHold;
  const canRelease =
    isOnHold && member.role === "ADMIN" && lot.custodian.address === me && writes.every(isSettled);
  const canCancelShipment = lot.status === "IN_TRANSIT" && lot.custodian.address === me && canStep;
  // The carrier of the lot's shipment delivers it to the shipper's destination.
  const isCarrierLeg =
    shipment?.carrier?.gln === member.organization.gln &&
    shipment.recipient?.gln !== member.organization.gln;
  const shipping = canShip
    ? await findShippingParties({ db, excludeOrganizationId: member.organization.id })
    : null;
  const canPrintLabels =
    packages > 0 && canRecord && [lot.custodian.address, registrarOf(lot)].includes(me);
  return (
    <>
      {writes.length > 0 ? <LedgerWriteStatus writes={writes} /> : null}
      <div>
        <h1 className="text-2xl font-bold">
          {product ? (
            <span className="block text-lg font-semibold text-stone-700" data-testid="product">
              {productLabel(product, lot.gtin)}
            </span>
          ) : null}{" "}
          Lot {lot.lotCode}
        </h1>
        {lot.isOnHold ? <LotStatusBadge status={lot.status} isOnHold /> : null}
        <p className="font-mono text-sm text-stone-600">GTIN {lot.gtin}</p>
        <p className="text-sm text-stone-700" data-testid="origin">
          {originSentence(lot)}
        </p>
        <p className="mt-1" data-testid="custody">
          {lot.status === "IN_TRANSIT"
            ? `On its way from ${lot.custodian.name} to ${lot.recipient?.name}`
            : `${lot.status === "RECALLED" ? "Recalled" : lot.status === "CONSUMED" ? "Used up" : lot.isOnHold ? "On hold" : "Held"} · ${lot.custodian.name}`}
          {lot.quantity ? ` · ${lot.quantity} ${lot.unit}` : ""}
        </p>
        {packages > 0 ? (
          <p data-testid="packages">
            {packages} {packages === 1 ? "package" : "packages"} labelled
          </p>
        ) : null}
      </div>
      {hold ? (
        <LotHoldBanner
          lotCode={lot.lotCode}
          hold={hold}
          timeZone={member.organization.timeZone ?? null}
          releaseForm={
            canRelease ? (
              <ReleaseHoldForm
                action={releaseLotHoldAction.bind(null, lot.id)}
                lotCode={lot.lotCode}
              />
            ) : lot.custodian.address === me ? (
              <p className="font-semibold">
                Only an admin of {member.organization.name} (the quality manager) can release it.
              </p>
            ) : null
          }
        />
      ) : null}
      <ColdChainAlerts
        alerts={alerts}
        timeZone={member.organization.timeZone ?? null}
        showLot={false}
        acknowledge={
          canRecord ? (alertId) => acknowledgeColdChainAlertAction.bind(null, alertId) : undefined
        }
      />
      <LotLineage sources={lot.parents} outputs={lot.children} />
      {recall ? <LotRecallAlert lotCode={lot.lotCode} recall={recall} /> : null}
      <RecallSourceOfRecall lotCode={lot.lotCode} recalls={recallsMadeFrom} />
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
        deviceBatches={deviceBatches}
        summary={coverage}
        timeZone={member.organization.timeZone}
        recordHref={readingsRefusal(member, lot) === null ? `/lots/${lot.id}/readings` : null}
      />
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">Trail</h2>
        <LotTrail trail={lot.trail.map(withReadingsVerdict(coldChain))} />
        <FsmaDownloads lot={lot} csvHref={`/api/recalls/lots/${lot.id}/fsma.csv`} />
      </section>
    </>
  );
}
