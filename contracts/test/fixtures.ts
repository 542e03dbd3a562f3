import {
  type ContractTransactionResponse,
  id,
  type JsonRpcSigner,
  type TransactionReceipt,
  toQuantity,
  Wallet,
} from "ethers";
import { inject } from "vitest";
import { decodeLotTrackerError } from "@/lib/chain/errors";
import { type LotTracker, LotTracker__factory } from "@/lib/chain/generated";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { createProvider, receiptOf } from "@/lib/chain/provider";
import { grantTestPrefixes } from "@/tools/testing/company-prefixes";

// Shared by the contract test files: each deploys its own LotTracker on the run's anvil and makes
// fresh accounts (impersonated by the node, so no keys) with exactly the roles a test needs.

export const provider = createProvider(inject("rpcUrl"), 31337);
export const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
export const GTIN = "00614141000012";

export const Status = { None: 0n, Active: 1n, InTransit: 2n, Recalled: 3n, Consumed: 4n } as const;
export const Kind = { Split: 0n, Merge: 1n, Transform: 2n } as const;

export type RoleName = "PRODUCER" | "CARRIER" | "RETAILER" | "REGULATOR";
export const ROLE_NAMES: readonly RoleName[] = ["PRODUCER", "CARRIER", "RETAILER", "REGULATOR"];
export const roleId = (role: RoleName) => id(`${role}_ROLE`);

export type Revert = { name: string; args: unknown[] };
export type ParsedEvent = { name: string; args: unknown[] };

// Receipts are polled for rather than awaited with tx.wait(), which can miss its block on anvil
// (see lib/chain/receipt.ts); so the deployment here does not use lib/chain/deploy.
export async function deployTracker(): Promise<{ tracker: LotTracker; admin: JsonRpcSigner }> {
  const admin = await provider.getSigner(0);
  const deployment = (await new LotTracker__factory(admin).deploy()).deploymentTransaction();
  const receipt = await receiptOf(provider, deployment?.hash ?? "");
  if (!receipt.contractAddress) throw new Error("LotTracker was not deployed.");
  return { tracker: LotTracker__factory.connect(receipt.contractAddress, admin), admin };
}

/**
 * A new funded account that the node signs for, holding exactly `roles`, and the GS1 company prefixes
 * of the tests' GTINs (which matter only once it holds PRODUCER).
 */
export async function newAccount(
  tracker: LotTracker,
  roles: readonly RoleName[] = [],
): Promise<JsonRpcSigner> {
  const { address } = Wallet.createRandom();
  await provider.send("anvil_setBalance", [address, toQuantity(10n ** 21n)]);
  await provider.send("anvil_impersonateAccount", [address]);
  await grantTestPrefixes(tracker, address);
  for (const role of roles) await send(tracker.grantRole(roleId(role), address));
  return provider.getSigner(address);
}

export async function setRoles(tracker: LotTracker, account: string, roles: readonly RoleName[]) {
  for (const role of ROLE_NAMES) {
    const wanted = roles.includes(role);
    if (wanted !== (await tracker.hasRole(roleId(role), account))) {
      await send(
        wanted
          ? tracker.grantRole(roleId(role), account)
          : tracker.revokeRole(roleId(role), account),
      );
    }
  }
}

/** Sends, waits for the receipt and fails unless the transaction succeeded. */
export async function send(
  call: Promise<ContractTransactionResponse>,
): Promise<TransactionReceipt> {
  const receipt = await receiptOf(provider, (await call).hash);
  if (receipt.status !== 1) throw new Error("The transaction failed.");
  return receipt;
}

/** The custom error a call reverts with (decoded), or null for a revert without one. */
export async function revertOf(call: Promise<unknown>): Promise<Revert | null> {
  try {
    await call;
  } catch (error) {
    return decodeLotTrackerError(error);
  }
  throw new Error("Expected the call to revert.");
}

/** The LotTracker events of a receipt, in log order, with plain (deep) argument arrays. */
export function eventsOf(tracker: LotTracker, receipt: TransactionReceipt): ParsedEvent[] {
  return receipt.logs.flatMap((log) => {
    const parsed = tracker.interface.parseLog(log);
    return parsed ? [{ name: parsed.name, args: parsed.args.toArray(true) }] : [];
  });
}

let lotSequence = 0;

/** A lot code no other test uses, so tests stay independent on a shared contract. */
export function nextLotCode(): string {
  lotSequence += 1;
  return `T${Date.now().toString(36)}-${lotSequence}`;
}

/** A NewLot argument with a fresh lot code, and the id the lot will get. */
export function newLotInput(gtin = GTIN) {
  const lotCode = nextLotCode();
  const input = { gtin: BigInt(gtin), lotCode: encodeLotCode(lotCode), serialsRoot: id(lotCode) };
  return { input, lotId: lotIdOf(gtin, lotCode) };
}

export async function createLot(tracker: LotTracker, producer: JsonRpcSigner): Promise<string> {
  const { input, lotId } = newLotInput();
  await send(
    tracker.connect(producer).createLot(input.gtin, input.lotCode, id("create"), input.serialsRoot),
  );
  return lotId;
}

export async function handOff(
  tracker: LotTracker,
  lotId: string,
  from: JsonRpcSigner,
  to: JsonRpcSigner,
): Promise<void> {
  await send(tracker.connect(from).handoff(lotId, to.address, id("shipping")));
}

/** Moves a lot to `to` with a handoff and its acceptance. */
export async function transfer(
  tracker: LotTracker,
  lotId: string,
  from: JsonRpcSigner,
  to: JsonRpcSigner,
): Promise<void> {
  await handOff(tracker, lotId, from, to);
  await send(tracker.connect(to).acceptHandoff(lotId, id("receiving")));
}

/** Everything the contract stores about a lot, read through its getters. */
export async function lotState(tracker: LotTracker, lotId: string) {
  const [custodian, status, producer, recipient, recaller] = await Promise.all([
    tracker.custodianOf(lotId),
    tracker.statusOf(lotId),
    tracker.producerOf(lotId),
    tracker.pendingRecipientOf(lotId),
    tracker.recallerOf(lotId),
  ]);
  return { custodian, status, producer, recipient, recaller };
}
