import type { JsonRpcSigner } from "ethers";
import { afterAll, describe, expect, it } from "vitest";
import {
  deployTracker,
  eventsOf,
  lotState,
  newAccount,
  provider,
  type RoleName,
  revertOf,
  send,
} from "./fixtures";
import { ColdChainLotModel } from "./model/cold-chain-model";
import { setUpColdChain } from "./model/device-steps";
import { findCycle, replayLogs } from "./model/log-replay";
import { S } from "./model/lot-model";
import { randomSteps } from "./model/random-steps";

// Property-style: random sequences of operations by random accounts — most of them plausible, many
// of them not — each predicted by a TypeScript model of the rules (model/lot-model.ts). The chain must
// agree with every prediction (success and events, or the exact error), its state must equal the
// model's, the state rebuilt from logs alone must equal it too, and the invariants must hold.

const SEEDS = [1, 2, 3, 4];
const STEPS = 120;
const INITIAL_ROLES: RoleName[][] = [
  ["PRODUCER"],
  ["PRODUCER", "RETAILER"],
  ["CARRIER"],
  ["RETAILER"],
  ["REGULATOR"],
  [],
];

const totals = {
  succeeded: 0,
  refused: 0,
  refusedMovesOfRecalled: 0,
  answeredWhole: 0,
  refusedAsChanged: 0,
  held: 0,
  refusedMovesOfHeld: 0,
};

afterAll(() => provider.destroy());

describe("LotTracker against its model", () => {
  it.each(SEEDS)("agrees on a random sequence of operations (seed %i)", async (seed) => {
    const { tracker } = await deployTracker();
    const fromBlock = await provider.getBlockNumber();
    const model = new ColdChainLotModel();
    const accounts: JsonRpcSigner[] = [];
    for (const roles of INITIAL_ROLES) {
      const account = await newAccount(tracker, roles);
      for (const role of roles) model.setRole(account.address, role, true);
      accounts.push(account);
    }
    const devices = await setUpColdChain(tracker, model, accounts);
    const recalledCustodian = new Map<string, string>();
    const stats = {
      succeeded: 0,
      refused: 0,
      refusedMovesOfRecalled: 0,
      answeredWhole: 0,
      refusedAsChanged: 0,
      held: 0,
      refusedMovesOfHeld: 0,
    };

    const nextStep = randomSteps(seed, tracker, model, accounts, devices);

    const assertChainMatchesModel = async () => {
      for (const lotId of model.lots.keys()) {
        const { parents: _, ...expected } = model.view(lotId) ?? {};
        const actual = await lotState(tracker, lotId);
        expect(actual, lotId).toEqual(expected);
        expect([...(await tracker.holdOf(lotId))], lotId).toEqual(model.holdOf(lotId));
        // Exactly one custodian: always set, never also the pending recipient.
        expect(actual.custodian).not.toBe("0x0000000000000000000000000000000000000000");
        expect(actual.recipient).not.toBe(actual.custodian);
        if (actual.status === S.Recalled) {
          expect(actual.custodian, "a recalled lot moved").toBe(recalledCustodian.get(lotId));
        }
      }
    };

    for (let step = 1; step <= STEPS; step += 1) {
      const next = nextStep();
      const lotBefore = new Map([...model.lots.keys()].map((k) => [k, model.view(k)?.status]));
      const prediction = next.predict();
      const context = `seed ${seed}, step ${step}: ${next.label}`;
      if (prediction.ok) {
        const receipt = await send(next.send());
        const events = eventsOf(tracker, receipt).filter((e) => !e.name.startsWith("Role"));
        expect(events, context).toEqual(prediction.events);
        stats.succeeded += 1;
        if (/^(accept|reject)Shipment/.test(next.label)) stats.answeredWhole += 1;
        if (events.some((event) => event.name === "LotHeld")) stats.held += 1;
      } else {
        expect(await revertOf(next.send()), context).toEqual(prediction.error);
        stats.refused += 1;
        if (prediction.error.name === "LotTrackerLotOnHold") stats.refusedMovesOfHeld += 1;
        if (/Shipment|Batch/.test(next.label))
          if (prediction.error.name === "LotTrackerShipmentChanged") stats.refusedAsChanged += 1;
        const target = prediction.error.args[0] as string;
        const wasRecalled = lotBefore.get(target) === S.Recalled;
        if (wasRecalled && /handoff|accept|reject|split|merge|transform/.test(next.label)) {
          stats.refusedMovesOfRecalled += 1;
        }
      }
      for (const [lotId, lot] of model.lots) {
        if (lot.status === S.Recalled && lotBefore.get(lotId) !== S.Recalled) {
          recalledCustodian.set(lotId, lot.custodian);
        }
      }
      if (step % 30 === 0) await assertChainMatchesModel();
    }
    await assertChainMatchesModel();

    // Rebuild from logs alone, as the indexer does, and compare with the model.
    const logs = await provider.getLogs({ address: await tracker.getAddress(), fromBlock });
    const events = logs.flatMap((log) => {
      const parsed = tracker.interface.parseLog(log);
      if (!parsed) return [];
      const values = parsed.args.toArray(true);
      const args = Object.fromEntries(
        parsed.fragment.inputs.map((input, i) => [input.name, values[i]]),
      );
      return [{ name: parsed.name, args }];
    });
    const replayed = replayLogs(events);
    expect(new Set(replayed.lots.keys())).toEqual(new Set(model.lots.keys()));
    for (const lotId of model.lots.keys()) {
      expect(replayed.lots.get(lotId), lotId).toEqual(model.view(lotId));
      expect(replayed.holds.get(lotId) ?? [false, 0n], lotId).toEqual(model.holdOf(lotId));
    }

    // Lineage has no cycles, and every parent was created before its child.
    expect(findCycle(replayed.lots)).toBeNull();
    const order = new Map(replayed.creationOrder.map((lotId, index) => [lotId, index]));
    for (const [lotId, lot] of replayed.lots) {
      for (const parent of lot.parents) {
        expect(order.get(parent) ?? Infinity).toBeLessThan(order.get(lotId) ?? -1);
      }
    }

    // The sequence exercised both outcomes, lineage and frozen recalled lots.
    expect(stats.succeeded).toBeGreaterThan(STEPS / 4);
    expect(stats.refused).toBeGreaterThan(STEPS / 4);
    expect([...replayed.lots.values()].some((lot) => lot.parents.length > 0)).toBe(true);
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += stats[key];
  });

  it("tried to move recalled lots in those sequences, and was refused every time", () => {
    expect(totals.refusedMovesOfRecalled).toBeGreaterThan(0);
  });

  it("held lots by the storage rule, and refused moves of held lots", () => {
    expect(totals.held).toBeGreaterThan(0);
    expect(totals.refusedMovesOfHeld).toBeGreaterThan(0);
  });

  it("answered shipments whole, and was refused a whole answer once a lot had changed alone", () => {
    expect(totals.answeredWhole).toBeGreaterThan(0);
    expect(totals.refusedAsChanged).toBeGreaterThan(0);
  });
});
