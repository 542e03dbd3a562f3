import { id } from "ethers";
import { lotIdOf } from "@/lib/chain/lot-id";
import type { ParsedEvent, Revert, RoleName } from "../fixtures";

// The contract's rules restated in TypeScript, check for check in the same order, for the
// property-style test: every operation is predicted here (outcome, error, events) and the chain must
// agree. A prediction changes the model only when it succeeds, as a transaction would.

export const S = { None: 0n, Active: 1n, InTransit: 2n, Recalled: 3n, Consumed: 4n } as const;
const KIND = { split: 0n, merge: 1n, transform: 2n } as const;
export const ZERO = "0x0000000000000000000000000000000000000000";
export const CUSTODY: readonly RoleName[] = ["PRODUCER", "CARRIER", "RETAILER"];

export type LotView = {
  custodian: string;
  status: bigint;
  producer: string;
  recipient: string;
  recaller: string;
  parents: string[];
};
/** `shipment`: the batched shipment the lot is still linked to (LotTrackerState's `inShipment`). */
export type ModelLot = LotView & { statusBeforeRecall: bigint; shipment?: number };
export type ModelShipment = {
  sender: string;
  recipient: string;
  state: "InTransit" | "Accepted" | "Rejected";
  lotIds: string[];
  linkedCount: number;
};
export type Tlc = { gtin: string; lotCode: string; encodedLotCode: string };
export type Prediction = { ok: true; events: ParsedEvent[] } | { ok: false; error: Revert };

export const fail = (name: string, ...args: unknown[]): Prediction => ({
  ok: false,
  error: { name, args },
});

export class LotModel {
  readonly lots = new Map<string, ModelLot>();
  readonly shipments = new Map<number, ModelShipment>();
  /** Lots the storage rule holds (ColdChainLotModel puts them here); every move refuses them. */
  readonly onHold = new Set<string>();
  private readonly roles = new Map<string, Set<RoleName>>();

  /**
   * A lot changed on its own leaves its shipment, if still linked to it (LotTrackerState's settling):
   * a shipment in transit counts one lot fewer and can no longer be answered whole.
   */
  protected settle(lot: ModelLot): void {
    const shipment = lot.shipment === undefined ? undefined : this.shipments.get(lot.shipment);
    if (shipment?.state === "InTransit") shipment.linkedCount -= 1;
    lot.shipment = undefined;
  }

  setRole(account: string, role: RoleName, isGranted: boolean): void {
    const roles = this.roles.get(account) ?? new Set<RoleName>();
    if (isGranted) roles.add(role);
    else roles.delete(role);
    this.roles.set(account, roles);
  }

  has(account: string, ...roles: RoleName[]): boolean {
    return roles.some((role) => this.roles.get(account)?.has(role));
  }

  view(lotId: string): LotView | undefined {
    const lot = this.lots.get(lotId);
    if (!lot) return undefined;
    const { statusBeforeRecall: _, shipment: __, ...view } = lot;
    return view;
  }

  createLot(account: string, tlc: Tlc, payloadHash: string, serialsRoot: string): Prediction {
    if (!this.has(account, "PRODUCER")) {
      return fail("AccessControlUnauthorizedAccount", account, id("PRODUCER_ROLE"));
    }
    const lotId = lotIdOf(tlc.gtin, tlc.lotCode);
    if (this.lots.has(lotId)) return fail("LotTrackerLotExists", lotId);
    this.lots.set(lotId, this.newLot(account, []));
    const args = [lotId, account, BigInt(tlc.gtin), tlc.encodedLotCode, payloadHash, serialsRoot];
    return { ok: true, events: [{ name: "LotCreated", args }] };
  }

  handoff(account: string, lotId: string, recipient: string, payloadHash: string): Prediction {
    if (!this.has(account, ...CUSTODY)) return fail("LotTrackerMissingCustodyRole", account);
    const lot = this.lots.get(lotId);
    if (!lot) return fail("LotTrackerUnknownLot", lotId);
    if (lot.custodian !== account) return fail("LotTrackerNotCustodian", lotId, account);
    if (lot.status !== S.Active) return fail("LotTrackerUnexpectedStatus", lotId, lot.status);
    if (this.onHold.has(lotId)) return fail("LotTrackerLotOnHold", lotId);
    if (recipient === account || recipient === ZERO || !this.has(recipient, ...CUSTODY)) {
      return fail("LotTrackerInvalidRecipient", lotId, recipient);
    }
    this.settle(lot);
    Object.assign(lot, { status: S.InTransit, recipient });
    return {
      ok: true,
      events: [{ name: "LotHandedOff", args: [lotId, account, recipient, payloadHash] }],
    };
  }

  cancelHandoff(account: string, lotId: string, payloadHash: string): Prediction {
    if (!this.has(account, ...CUSTODY)) return fail("LotTrackerMissingCustodyRole", account);
    const lot = this.lots.get(lotId);
    if (!lot) return fail("LotTrackerUnknownLot", lotId);
    if (lot.custodian !== account) return fail("LotTrackerNotCustodian", lotId, account);
    if (lot.status !== S.InTransit) return fail("LotTrackerUnexpectedStatus", lotId, lot.status);
    const recipient = lot.recipient;
    this.settle(lot);
    Object.assign(lot, { status: S.Active, recipient: ZERO });
    return {
      ok: true,
      events: [{ name: "LotHandoffCancelled", args: [lotId, account, recipient, payloadHash] }],
    };
  }

  /** A split into the shipped part and the remainder, then the part's handoff: all or nothing. */
  handoffPart(
    account: string,
    lotId: string,
    parts: [Tlc & { serialsRoot: string }, Tlc & { serialsRoot: string }],
    recipient: string,
    payloadHash: string,
  ): Prediction {
    const before = new Map([...this.lots].map(([key, lot]) => [key, { ...lot }]));
    const shipmentsBefore = [...this.shipments].map(([key, s]) => [key, { ...s }] as const);
    const split = this.derive("split", account, [lotId], parts, payloadHash);
    if (!split.ok) return split;
    const shippedId = lotIdOf(parts[0].gtin, parts[0].lotCode);
    const handoff = this.handoff(account, shippedId, recipient, payloadHash);
    if (!handoff.ok) {
      this.lots.clear();
      for (const [key, lot] of before) this.lots.set(key, lot);
      for (const [key, shipment] of shipmentsBefore) this.shipments.set(key, shipment);
      return handoff;
    }
    return { ok: true, events: [...split.events, ...handoff.events] };
  }

  answerHandoff(
    account: string,
    lotId: string,
    isAccepted: boolean,
    payloadHash: string,
  ): Prediction {
    if (isAccepted && !this.has(account, ...CUSTODY)) {
      return fail("LotTrackerMissingCustodyRole", account);
    }
    const lot = this.lots.get(lotId);
    if (!lot) return fail("LotTrackerUnknownLot", lotId);
    if (lot.status !== S.InTransit) return fail("LotTrackerUnexpectedStatus", lotId, lot.status);
    if (lot.recipient !== account) return fail("LotTrackerNotRecipient", lotId, account);
    if (isAccepted && this.onHold.has(lotId)) return fail("LotTrackerLotOnHold", lotId);
    const sender = lot.custodian;
    this.settle(lot);
    Object.assign(lot, { status: S.Active, recipient: ZERO });
    if (isAccepted) lot.custodian = account;
    const name = isAccepted ? "LotHandoffAccepted" : "LotHandoffRejected";
    return { ok: true, events: [{ name, args: [lotId, account, sender, payloadHash] }] };
  }

  derive(
    kind: keyof typeof KIND,
    account: string,
    inputIds: string[],
    outputs: (Tlc & { serialsRoot: string })[],
    payloadHash: string,
  ): Prediction {
    if (!this.has(account, "PRODUCER")) {
      return fail("AccessControlUnauthorizedAccount", account, id("PRODUCER_ROLE"));
    }
    const [minInputs, minOutputs] = kind === "merge" ? [2, 1] : kind === "split" ? [1, 2] : [1, 1];
    if (inputIds.length < minInputs || outputs.length < minOutputs) {
      return fail("LotTrackerInvalidLotCount", BigInt(inputIds.length), BigInt(outputs.length));
    }
    // All or nothing, like a transaction: work on copies, commit at the end.
    const changed = new Map<string, ModelLot>();
    const lotOf = (lotId: string) => changed.get(lotId) ?? this.lots.get(lotId);
    const events: ParsedEvent[] = [];
    for (const inputId of inputIds) {
      const input = lotOf(inputId);
      if (!input) return fail("LotTrackerUnknownLot", inputId);
      if (input.custodian !== account) return fail("LotTrackerNotCustodian", inputId, account);
      if (input.status !== S.Active)
        return fail("LotTrackerUnexpectedStatus", inputId, input.status);
      if (this.onHold.has(inputId)) return fail("LotTrackerLotOnHold", inputId);
      changed.set(inputId, { ...input, status: S.Consumed });
      events.push({ name: "LotConsumed", args: [inputId, account, KIND[kind]] });
    }
    for (const output of outputs) {
      const lotId = lotIdOf(output.gtin, output.lotCode);
      if (lotOf(lotId)) return fail("LotTrackerLotExists", lotId);
      changed.set(lotId, this.newLot(account, [...inputIds]));
      const { encodedLotCode, serialsRoot } = output;
      events.push({
        name: "LotDerived",
        args: [
          lotId,
          account,
          KIND[kind],
          BigInt(output.gtin),
          encodedLotCode,
          payloadHash,
          serialsRoot,
          [...inputIds],
        ],
      });
    }
    for (const inputId of inputIds) this.settle(this.lots.get(inputId) as ModelLot);
    for (const [lotId, lot] of changed) this.lots.set(lotId, { ...lot, shipment: undefined });
    return { ok: true, events };
  }

  /** recordEvent and anchorReadings share their checks; `event` is what a success emits. */
  track(account: string, lotId: string, event: ParsedEvent): Prediction {
    if (!this.has(account, ...CUSTODY)) return fail("LotTrackerMissingCustodyRole", account);
    const lot = this.lots.get(lotId);
    if (!lot) return fail("LotTrackerUnknownLot", lotId);
    if (lot.custodian !== account) return fail("LotTrackerNotCustodian", lotId, account);
    if (lot.status === S.Consumed) return fail("LotTrackerUnexpectedStatus", lotId, lot.status);
    return { ok: true, events: [event] };
  }

  recall(account: string, lotId: string, reasonHash: string): Prediction {
    const lot = this.lots.get(lotId);
    if (!lot) return fail("LotTrackerUnknownLot", lotId);
    const isProducer = this.has(account, "PRODUCER") && lot.producer === account;
    if (!this.has(account, "RETAILER", "REGULATOR") && !isProducer) {
      return fail("LotTrackerUnauthorizedRecall", lotId, account);
    }
    if (lot.status === S.Recalled) return fail("LotTrackerUnexpectedStatus", lotId, lot.status);
    this.settle(lot);
    Object.assign(lot, { statusBeforeRecall: lot.status, status: S.Recalled, recaller: account });
    return { ok: true, events: [{ name: "LotRecalled", args: [lotId, account, reasonHash] }] };
  }

  liftRecall(account: string, lotId: string, reasonHash: string): Prediction {
    const lot = this.lots.get(lotId);
    if (!lot) return fail("LotTrackerUnknownLot", lotId);
    if (lot.status !== S.Recalled) return fail("LotTrackerUnexpectedStatus", lotId, lot.status);
    const isRecaller =
      lot.recaller === account && this.has(account, "PRODUCER", "RETAILER", "REGULATOR");
    if (!this.has(account, "REGULATOR") && !isRecaller) {
      return fail("LotTrackerUnauthorizedLift", lotId, account);
    }
    const restored = lot.statusBeforeRecall;
    this.settle(lot);
    Object.assign(lot, { status: restored, statusBeforeRecall: S.None, recaller: ZERO });
    const args = [lotId, account, restored, reasonHash];
    return { ok: true, events: [{ name: "LotRecallLifted", args }] };
  }

  protected newLot(account: string, parents: string[]): ModelLot {
    return {
      custodian: account,
      status: S.Active,
      producer: account,
      recipient: ZERO,
      recaller: ZERO,
      parents,
      statusBeforeRecall: S.None,
    };
  }
}
