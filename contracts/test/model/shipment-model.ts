import { CUSTODY, fail, LotModel, type ModelLot, type Prediction, S, ZERO } from "./lot-model";

// Batched custody restated for the property test: a shipment is answered whole only while every lot
// it carried is still linked to it, i.e. none was changed on its own since (LotModel.settle).

export class ShipmentLotModel extends LotModel {
  private shipmentCount = 0;

  handoffBatch(
    account: string,
    lotIds: string[],
    recipient: string,
    payloadHash: string,
  ): Prediction {
    if (!this.has(account, ...CUSTODY)) return fail("LotTrackerMissingCustodyRole", account);
    if (lotIds.length === 0) return fail("LotTrackerEmptyBatch");
    if (recipient === account || recipient === ZERO || !this.has(recipient, ...CUSTODY)) {
      return fail("LotTrackerInvalidRecipient", lotIds[0], recipient);
    }
    const shipped = new Set<string>();
    for (const lotId of lotIds) {
      const lot = this.lots.get(lotId);
      if (!lot) return fail("LotTrackerUnknownLot", lotId);
      if (lot.custodian !== account) return fail("LotTrackerNotCustodian", lotId, account);
      // A repeated lot: its first occurrence already set it in transit.
      const status = shipped.has(lotId) ? S.InTransit : lot.status;
      if (status !== S.Active) return fail("LotTrackerUnexpectedStatus", lotId, status);
      if (this.onHold.has(lotId)) return fail("LotTrackerLotOnHold", lotId);
      shipped.add(lotId);
    }
    const shipment = ++this.shipmentCount;
    for (const lotId of lotIds) {
      const lot = this.lots.get(lotId) as ModelLot;
      this.settle(lot);
      Object.assign(lot, { status: S.InTransit, recipient, shipment });
    }
    const linkedCount = lotIds.length;
    this.shipments.set(shipment, {
      sender: account,
      recipient,
      state: "InTransit",
      lotIds,
      linkedCount,
    });
    const args = [BigInt(shipment), account, recipient, [...lotIds], payloadHash];
    return { ok: true, events: [{ name: "ShipmentHandedOff", args }] };
  }

  answerShipment(
    account: string,
    number: number,
    isAccepted: boolean,
    payloadHash: string,
  ): Prediction {
    if (isAccepted && !this.has(account, ...CUSTODY)) {
      return fail("LotTrackerMissingCustodyRole", account);
    }
    const shipment = this.shipments.get(number);
    if (shipment?.state !== "InTransit")
      return fail("LotTrackerShipmentNotInTransit", BigInt(number));
    if (shipment.recipient !== account) {
      return fail("LotTrackerNotShipmentRecipient", BigInt(number), account);
    }
    const { linkedCount, lotIds } = shipment;
    if (linkedCount !== lotIds.length) {
      return fail(
        "LotTrackerShipmentChanged",
        BigInt(number),
        BigInt(linkedCount),
        BigInt(lotIds.length),
      );
    }
    shipment.state = isAccepted ? "Accepted" : "Rejected";
    for (const lotId of lotIds) {
      const lot = this.lots.get(lotId) as ModelLot;
      Object.assign(lot, { status: S.Active, recipient: ZERO });
      if (isAccepted) lot.custodian = account;
    }
    const name = isAccepted ? "ShipmentAccepted" : "ShipmentRejected";
    return {
      ok: true,
      events: [{ name, args: [BigInt(number), account, shipment.sender, [], payloadHash] }],
    };
  }

  answerBatch(
    account: string,
    number: number,
    lotIds: string[],
    isAccepted: boolean,
    payloadHash: string,
  ): Prediction {
    if (isAccepted && !this.has(account, ...CUSTODY)) {
      return fail("LotTrackerMissingCustodyRole", account);
    }
    if (lotIds.length === 0) return fail("LotTrackerEmptyBatch");
    const answered = new Set<string>();
    let from = ZERO;
    for (const [i, lotId] of lotIds.entries()) {
      const lot = this.lots.get(lotId);
      if (!lot) return fail("LotTrackerUnknownLot", lotId);
      const status = answered.has(lotId) ? S.Active : lot.status;
      if (status !== S.InTransit) return fail("LotTrackerUnexpectedStatus", lotId, status);
      if (lot.recipient !== account) return fail("LotTrackerNotRecipient", lotId, account);
      if (i === 0) from = lot.custodian;
      else if (lot.custodian !== from) return fail("LotTrackerMixedSenders", lotId, lot.custodian);
      if (isAccepted && this.onHold.has(lotId)) return fail("LotTrackerLotOnHold", lotId);
      answered.add(lotId);
    }
    for (const lotId of lotIds) {
      const lot = this.lots.get(lotId) as ModelLot;
      this.settle(lot);
      Object.assign(lot, { status: S.Active, recipient: ZERO });
      if (isAccepted) lot.custodian = account;
    }
    const name = isAccepted ? "ShipmentAccepted" : "ShipmentRejected";
    return {
      ok: true,
      events: [{ name, args: [BigInt(number), account, from, [...lotIds], payloadHash] }],
    };
  }
}
