import { lotIdOf } from "@/lib/chain/lot-id";
import type { ParsedEvent } from "../fixtures";
import { CUSTODY, fail, type Prediction, S, type Tlc } from "./lot-model";
import { ShipmentLotModel } from "./shipment-model";

// Devices and the storage rule restated for the property test (LotTrackerColdChain, check for check):
// a device's batch counts its minutes outside range against the lot, and the batch that passes the
// rule's allowance holds the lot (LotModel.onHold), which then leaves its shipment.

/** The rule every GTIN of the property test carries: 2–8 °C, 30 minutes outside allowed. */
export const MODEL_RULE = { min: 2_000n, max: 8_000n, allowedMinutes: 30 } as const;

/** A signed batch's fields the rule reads, with the device that signed it. */
export type ModelBatch = {
  device: string;
  tlc: Tlc;
  root: string;
  low: bigint;
  high: bigint;
  minutes: number;
  /** The ReadingBatch tuple the DeviceReadingsAnchored event carries. */
  tuple: unknown[];
};

export class ColdChainLotModel extends ShipmentLotModel {
  /** Device address → owner, and whether its owner revoked it. */
  readonly devices = new Map<string, { owner: string; isRevoked: boolean }>();
  readonly excursionMinutes = new Map<string, number>();
  /** The traceability lot code of every lot id the model registered, which device batches name. */
  readonly tlcs = new Map<string, Tlc>();

  override createLot(account: string, tlc: Tlc, payloadHash: string, root: string): Prediction {
    this.tlcs.set(lotIdOf(tlc.gtin, tlc.lotCode), tlc);
    return super.createLot(account, tlc, payloadHash, root);
  }

  override derive(...args: Parameters<ShipmentLotModel["derive"]>): Prediction {
    for (const tlc of args[3]) this.tlcs.set(lotIdOf(tlc.gtin, tlc.lotCode), tlc);
    return super.derive(...args);
  }

  registerDevice(owner: string, device: string): void {
    this.devices.set(device, { owner, isRevoked: false });
  }

  revokeDevice(account: string, device: string): Prediction {
    const known = this.devices.get(device);
    if (known?.owner !== account) return fail("LotTrackerNotDeviceOwner", device, account);
    if (known.isRevoked) return fail("LotTrackerDeviceRevoked", device);
    known.isRevoked = true;
    return { ok: true, events: [{ name: "DeviceRevoked", args: [device, account] }] };
  }

  holdOf(lotId: string): [boolean, bigint] {
    return [this.onHold.has(lotId), BigInt(this.excursionMinutes.get(lotId) ?? 0)];
  }

  anchorDeviceReadings(sender: string, batch: ModelBatch): Prediction {
    const { device } = batch;
    const known = this.devices.get(device);
    if (!known) return fail("LotTrackerUnknownDevice", device);
    if (known.isRevoked) return fail("LotTrackerDeviceRevoked", device);
    const lotId = lotIdOf(batch.tlc.gtin, batch.tlc.lotCode);
    const lot = this.lots.get(lotId);
    if (!lot) return fail("LotTrackerUnknownLot", lotId);
    if (lot.status === S.Consumed) return fail("LotTrackerUnexpectedStatus", lotId, lot.status);
    const isCarrier = lot.status === S.InTransit && lot.recipient === known.owner;
    if (known.owner !== lot.custodian && !isCarrier) {
      return fail("LotTrackerDeviceNotOfCustodian", lotId, device);
    }
    const isOutside = batch.low < MODEL_RULE.min || batch.high > MODEL_RULE.max;
    if (isOutside && batch.minutes === 0) {
      return fail("LotTrackerHiddenExcursion", lotId, batch.low, batch.high);
    }
    const events: ParsedEvent[] = [
      { name: "DeviceReadingsAnchored", args: [lotId, device, sender, batch.tuple] },
    ];
    if (batch.minutes === 0) return { ok: true, events };
    const total = (this.excursionMinutes.get(lotId) ?? 0) + batch.minutes;
    this.excursionMinutes.set(lotId, total);
    if (total <= MODEL_RULE.allowedMinutes || this.onHold.has(lotId)) return { ok: true, events };
    this.settle(lot);
    this.onHold.add(lotId);
    const held = [lotId, device, batch.root, batch.low, batch.high, BigInt(total)];
    return { ok: true, events: [...events, { name: "LotHeld", args: held }] };
  }

  releaseHold(account: string, lotId: string, reasonHash: string): Prediction {
    if (!this.has(account, ...CUSTODY)) return fail("LotTrackerMissingCustodyRole", account);
    const lot = this.lots.get(lotId);
    if (!lot) return fail("LotTrackerUnknownLot", lotId);
    if (lot.custodian !== account) return fail("LotTrackerNotCustodian", lotId, account);
    if (!this.onHold.has(lotId)) return fail("LotTrackerLotNotOnHold", lotId);
    this.settle(lot);
    this.onHold.delete(lotId);
    this.excursionMinutes.delete(lotId);
    return { ok: true, events: [{ name: "LotReleased", args: [lotId, account, reasonHash] }] };
  }
}
