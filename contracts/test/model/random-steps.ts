import {
  type ContractTransactionResponse,
  encodeBytes32String,
  type HDNodeWallet,
  id,
  type JsonRpcSigner,
} from "ethers";
import type { LotTracker } from "@/lib/chain/generated";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { ROLE_NAMES } from "../fixtures";
import type { ColdChainLotModel } from "./cold-chain-model";
import { deviceStep } from "./device-steps";
import type { Prediction, Tlc } from "./lot-model";
import { S } from "./lot-model";

// Random operations for the property-style test: mostly plausible (the custodian hands off, the
// recipient answers, a producer splits what it holds), often not (anyone else, any lot), so that
// both the allowed paths and the refusals are exercised. Deterministic for a seed.

export const GTINS = ["00614141000012", "09506000134352"];
const LOT_CODES = 30; // few enough that new lot codes sometimes collide with existing ones

export type Step = {
  label: string;
  predict(): Prediction;
  send(): Promise<ContractTransactionResponse>;
};

/** mulberry32: a small seeded generator, so a failing sequence can be replayed from its seed. */
export function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick, chance: (p: number) => next() < p };
}

/** A generator of random steps over `accounts`, predicted by `model` and sent to `tracker`. */
export function randomSteps(
  seed: number,
  tracker: LotTracker,
  model: ColdChainLotModel,
  accounts: readonly JsonRpcSigner[],
  devices: ReadonlyMap<string, HDNodeWallet>,
): () => Step {
  const random = randomFrom(seed);
  const addresses = accounts.map((account) => account.address);
  const tlc = (): Tlc => {
    const lotCode = `L${Math.floor(random.next() * LOT_CODES)}`;
    return { gtin: random.pick(GTINS), lotCode, encodedLotCode: encodeLotCode(lotCode) };
  };
  let derivedCount = 0;
  /** A new lot code most of the time; sometimes one that may already be registered. */
  const output = () => {
    derivedCount += 1;
    const lotCode = `D${derivedCount}`;
    const fresh = { gtin: random.pick(GTINS), lotCode, encodedLotCode: encodeLotCode(lotCode) };
    return { ...(random.chance(0.85) ? fresh : tlc()), serialsRoot: id(`serials ${lotCode}`) };
  };
  const knownLot = () =>
    model.lots.size === 0 || random.chance(0.05)
      ? lotIdOf(random.pick(GTINS), `L${LOT_CODES + 1}`)
      : random.pick([...model.lots.keys()]);
  /** Mostly the account the operation needs, sometimes anyone. */
  const actorFor = (party: string | undefined, p = 0.75) =>
    party && addresses.includes(party) && random.chance(p) ? party : random.pick(addresses);
  const as = (address: string) =>
    tracker.connect(accounts[addresses.indexOf(address)] as JsonRpcSigner);

  /** Lots `account` holds, active, in a random order. */
  const heldBy = (account: string) =>
    [...model.lots.keys()].filter((k) => {
      const candidate = model.view(k);
      return candidate?.custodian === account && candidate.status === S.Active;
    });

  /** A handoffBatch of 1 to 4 lots, mostly active ones the sender holds, sometimes not. */
  const batchHandoff = (lotId: string, custodian: string | undefined, payload: string): Step => {
    const holders = addresses.filter((a) => heldBy(a).length > 0);
    const account =
      holders.length > 0 && random.chance(0.85) ? random.pick(holders) : actorFor(custodian);
    const held = heldBy(account);
    const lotIds = held.length > 0 && random.chance(0.9) ? [] : [lotId];
    for (let n = 1 + Math.floor(random.next() * 4); n > 0 && held.length > 0; n--) {
      lotIds.push(held.splice(Math.floor(random.next() * held.length), 1)[0] as string);
    }
    if (random.chance(0.1)) lotIds.push(random.chance(0.5) ? (lotIds[0] as string) : knownLot());
    const receivers = addresses.filter(
      (a) => a !== account && model.has(a, "PRODUCER", "CARRIER", "RETAILER"),
    );
    const recipient =
      receivers.length > 0 && random.chance(0.85) ? random.pick(receivers) : random.pick(addresses);
    return {
      label: `handoffBatch ${lotIds.join(",")} by ${account} to ${recipient}`,
      predict: () => model.handoffBatch(account, lotIds, recipient, payload),
      send: () => as(account).handoffBatch(lotIds, recipient, payload),
    };
  };

  /** An answer to a shipment: whole, or some of its lots (sometimes with a lot of another). */
  const shipmentAnswer = (payload: string): Step => {
    const open = [...model.shipments].filter(([, s]) => s.state === "InTransit").map(([n]) => n);
    const number = random.pick(
      open.length > 0 && random.chance(0.85) ? open : [...model.shipments.keys()],
    );
    const shipment = model.shipments.get(number);
    const account = actorFor(shipment?.recipient, 0.85);
    const isAccepted = random.chance(0.7);
    const verb = isAccepted ? "accept" : "reject";
    if (random.chance(0.6)) {
      return {
        label: `${verb}Shipment ${number} by ${account}`,
        predict: () => model.answerShipment(account, number, isAccepted, payload),
        send: () =>
          (isAccepted ? as(account).acceptShipment : as(account).rejectShipment)(number, payload),
      };
    }
    const lotIds = (shipment?.lotIds ?? []).filter(() => random.chance(0.6));
    if (random.chance(0.15)) lotIds.push(knownLot());
    return {
      label: `${verb}Batch ${number} ${lotIds.join(",")} by ${account}`,
      predict: () => model.answerBatch(account, number, lotIds, isAccepted, payload),
      send: () =>
        (isAccepted ? as(account).acceptBatch : as(account).rejectBatch)(number, lotIds, payload),
    };
  };

  const nextStep = (): Step => {
    const lotId = knownLot();
    const lot = model.view(lotId);
    const payload = id(`payload ${random.next()}`);
    const roll = random.next();
    const producers = addresses.filter((address) => model.has(address, "PRODUCER"));
    if (roll < 0.14) {
      const account = actorFor(random.pick(producers.length > 0 ? producers : addresses));
      const newTlc = tlc();
      const root = id(newTlc.lotCode);
      return {
        label: `createLot ${newTlc.lotCode} by ${account}`,
        predict: () => model.createLot(account, newTlc, payload, root),
        send: () =>
          as(account).createLot(BigInt(newTlc.gtin), newTlc.encodedLotCode, payload, root),
      };
    }
    if (roll < 0.3 && random.chance(0.5)) return batchHandoff(lotId, lot?.custodian, payload);
    if (roll >= 0.3 && roll < 0.45 && model.shipments.size > 0 && random.chance(0.7)) {
      return shipmentAnswer(payload);
    }
    if (roll < 0.3) {
      const account = actorFor(lot?.custodian);
      const recipient = random.pick(addresses);
      if (lot?.status === S.InTransit && random.chance(0.3)) {
        return {
          label: `cancelHandoff ${lotId} by ${account}`,
          predict: () => model.cancelHandoff(account, lotId, payload),
          send: () => as(account).cancelHandoff(lotId, payload),
        };
      }
      return {
        label: `handoff ${lotId} by ${account} to ${recipient}`,
        predict: () => model.handoff(account, lotId, recipient, payload),
        send: () => as(account).handoff(lotId, recipient, payload),
      };
    }
    if (roll < 0.45) {
      const account = actorFor(lot?.recipient);
      const isAccepted = random.chance(0.7);
      return {
        label: `${isAccepted ? "accept" : "reject"} ${lotId} by ${account}`,
        predict: () => model.answerHandoff(account, lotId, isAccepted, payload),
        send: () =>
          isAccepted
            ? as(account).acceptHandoff(lotId, payload)
            : as(account).rejectHandoff(lotId, payload),
      };
    }
    if (roll < 0.63) {
      // Mostly a producer using lots it holds, so that lineage operations often succeed.
      const account =
        producers.length > 0 && random.chance(0.8)
          ? random.pick(producers)
          : random.pick(addresses);
      const held = [...model.lots.keys()].filter((k) => {
        const candidate = model.view(k);
        return candidate?.custodian === account && candidate.status === S.Active;
      });
      const lotId = held.length > 0 && random.chance(0.8) ? random.pick(held) : knownLot();
      const kind = random.pick(["split", "merge", "transform", "handoffPart"] as const);
      const inputs =
        kind === "split" || kind === "handoffPart"
          ? [lotId]
          : [lotId, random.pick(held.length ? held : [lotId])];
      const outputs = kind === "merge" ? [output()] : [output(), output()];
      const args = outputs.map(({ gtin, encodedLotCode, serialsRoot }) => ({
        gtin: BigInt(gtin),
        lotCode: encodedLotCode,
        serialsRoot,
      }));
      if (kind === "handoffPart") {
        const parts = [outputs[0], outputs[1]] as Parameters<ColdChainLotModel["handoffPart"]>[2];
        const recipient = random.pick(addresses);
        return {
          label: `handoffPart ${lotId} by ${account} to ${recipient}`,
          predict: () => model.handoffPart(account, lotId, parts, recipient, payload),
          send: () =>
            as(account).handoffPart(
              lotId,
              args[0] as (typeof args)[0],
              args[1] as (typeof args)[0],
              recipient,
              payload,
            ),
        };
      }
      return {
        label: `${kind} ${inputs.join(",")} by ${account}`,
        predict: () => model.derive(kind, account, inputs, outputs, payload),
        send: () =>
          kind === "split"
            ? as(account).split(lotId, args, payload)
            : kind === "merge"
              ? as(account).merge(inputs, args[0] as (typeof args)[0], payload)
              : as(account).transform(inputs, args, payload),
      };
    }
    if (roll < 0.7) {
      const account = actorFor(lot?.custodian);
      const type = encodeBytes32String("inspection");
      return {
        label: `recordEvent ${lotId} by ${account}`,
        predict: () =>
          model.track(account, lotId, {
            name: "LotEventRecorded",
            args: [lotId, account, type, payload],
          }),
        send: () => as(account).recordEvent(lotId, type, payload),
      };
    }
    if (roll >= 0.72 && roll < 0.84) {
      return deviceStep({ random, tracker, model, devices, addresses, as }, lotId, payload);
    }
    if (roll < 0.72) {
      const account = actorFor(lot?.custodian);
      return {
        label: `anchorReadings ${lotId} by ${account}`,
        predict: () =>
          model.track(account, lotId, {
            name: "LotReadingsAnchored",
            args: [lotId, account, payload, 64n],
          }),
        send: () => as(account).anchorReadings(lotId, payload, 64),
      };
    }
    if (roll < 0.92) {
      const account = actorFor(lot?.recaller, 0.5);
      const isLift = lot?.status === S.Recalled ? random.chance(0.6) : random.chance(0.2);
      return {
        label: `${isLift ? "liftRecall" : "recall"} ${lotId} by ${account}`,
        predict: () =>
          isLift
            ? model.liftRecall(account, lotId, payload)
            : model.recall(account, lotId, payload),
        send: () =>
          isLift ? as(account).liftRecall(lotId, payload) : as(account).recall(lotId, payload),
      };
    }
    const account = random.pick(addresses);
    const role = random.pick(ROLE_NAMES);
    const isGranted = random.chance(0.5);
    return {
      label: `${isGranted ? "grant" : "revoke"} ${role} ${account}`,
      predict: () => {
        model.setRole(account, role, isGranted);
        return { ok: true, events: [] };
      },
      send: () => (isGranted ? tracker.grantRole : tracker.revokeRole)(id(`${role}_ROLE`), account),
    };
  };

  return nextStep;
}
