import { SimpleMerkleTree } from "@openzeppelin/merkle-tree";
import { type Contract, id, type Signer, type TransactionResponse } from "ethers";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { receiptOf } from "@/lib/chain/provider";
import { readingLeaf } from "./reading-leaf";

export const OPERATIONS = [
  "createLot",
  "handoff",
  "accept",
  "handoffPart",
  "cancelHandoff",
  "split2",
  "merge2",
  "transform",
  "recall",
  "anchor1000",
] as const;
export type Operation = (typeof OPERATIONS)[number];
export type GasByOperation = Record<Operation, number>;

export type Parties = { farm: Signer; packer: Signer; retailer: Signer };

/** Sends a transaction calling `method`; both designs share the journey's function names. */
export type Send = (method: string, ...args: unknown[]) => Promise<TransactionResponse>;

/**
 * How a design anchors a batch of readings: LotTracker sends one root, the storage baseline stores
 * every reading. Returns the transactions it sent (the baseline needs several to fit the block gas
 * limit); their gas is summed.
 */
export type AnchorReadings = (
  send: Send,
  lotId: string,
  leaves: string[],
) => Promise<TransactionResponse[]>;

export function sender(tracker: Contract, signer: Signer): Send {
  const connected = tracker.connect(signer) as Contract;
  return (method, ...args) => connected.getFunction(method).send(...args);
}

const READINGS = 1_000;
/** The GS1 company prefix of the journey's GTINs, which LotTracker's producers must hold. */
export const JOURNEY_PREFIX = "0614141";
const LETTUCE = "00614141000012";
const PACKED_LETTUCE = "00614141000029";
const DRESSING = "00614141000036";
const SALAD = "00614141000043";

function newLot(gtin: string, lotCode: string, serials: string) {
  return { gtin: BigInt(gtin), lotCode: encodeLotCode(lotCode), serialsRoot: id(serials) };
}

export async function gasOf(
  sent: Promise<TransactionResponse> | TransactionResponse,
): Promise<number> {
  const tx = await sent;
  const receipt = await receiptOf(tx.provider, tx.hash);
  if (receipt.status !== 1) throw new Error("A benchmark transaction failed.");
  return Number(receipt.gasUsed);
}

/**
 * The same farm-to-shelf journey on either design: a farm creates a harvest lot and hands it to a
 * packer, ships part of a second harvest lot to the packer and takes that shipment back, and the
 * packer splits the first lot into two packed lots, merges them onto a pallet, transforms the pallet and a
 * dressing lot into a salad lot and anchors 1,000 cold-chain readings to it; a retailer recalls the
 * salad. `run` makes lot codes unique, so one deployment can run the journey more than once.
 */
export async function runJourney(
  tracker: Contract,
  parties: Parties,
  anchor: AnchorReadings,
  run = 1,
): Promise<GasByOperation> {
  const { farm, packer, retailer } = parties;
  const code = (name: string) => `${name}-${run}`;
  const harvest = lotIdOf(LETTUCE, code("H"));
  const [packA, packB] = [lotIdOf(PACKED_LETTUCE, code("PA")), lotIdOf(PACKED_LETTUCE, code("PB"))];
  const pallet = lotIdOf(PACKED_LETTUCE, code("PAL"));
  const dressing = lotIdOf(DRESSING, code("D"));
  const salad = lotIdOf(SALAD, code("S"));
  const packerAddress = await packer.getAddress();
  const [asFarm, asPacker, asRetailer] = [farm, packer, retailer].map((signer) =>
    sender(tracker, signer),
  ) as [Send, Send, Send];

  const gas: Partial<GasByOperation> = {};
  gas.createLot = await gasOf(
    asFarm("createLot", BigInt(LETTUCE), encodeLotCode(code("H")), id("harvest"), id("serials H")),
  );
  gas.handoff = await gasOf(asFarm("handoff", harvest, packerAddress, id("shipping")));
  gas.accept = await gasOf(asPacker("acceptHandoff", harvest, id("receiving")));
  // Shipping 60 of 200 kg: a second harvest lot split and its part shipped in one transaction, then
  // taken back before the packer answers. The lot code setup is not measured.
  await gasOf(
    asFarm("createLot", BigInt(LETTUCE), encodeLotCode(code("H2")), id("harvest"), id("H2")),
  );
  gas.handoffPart = await gasOf(
    asFarm(
      "handoffPart",
      lotIdOf(LETTUCE, code("H2")),
      newLot(LETTUCE, code("H2.P1"), ""),
      newLot(LETTUCE, code("H2.P2"), ""),
      packerAddress,
      id("shipping part"),
    ),
  );
  gas.cancelHandoff = await gasOf(
    asFarm("cancelHandoff", lotIdOf(LETTUCE, code("H2.P1")), id("cancelled")),
  );
  gas.split2 = await gasOf(
    asPacker(
      "split",
      harvest,
      [newLot(PACKED_LETTUCE, code("PA"), "a"), newLot(PACKED_LETTUCE, code("PB"), "b")],
      id("initial packing"),
    ),
  );
  gas.merge2 = await gasOf(
    asPacker("merge", [packA, packB], newLot(PACKED_LETTUCE, code("PAL"), "pallet"), id("pallet")),
  );
  // Setup, not measured: the second input of the transformation.
  await gasOf(asPacker("createLot", BigInt(DRESSING), encodeLotCode(code("D")), id("d"), id("d")));
  gas.transform = await gasOf(
    asPacker("transform", [pallet, dressing], [newLot(SALAD, code("S"), "salad")], id("mixing")),
  );
  const leaves = Array.from({ length: READINGS }, (_, i) =>
    readingLeaf(salad, 1_790_000_000 + i * 60, 300 + (i % 50)),
  );
  const anchorTxs = await anchor(asPacker, salad, leaves);
  gas.anchor1000 = (await Promise.all(anchorTxs.map(gasOf))).reduce((sum, used) => sum + used, 0);
  gas.recall = await gasOf(asRetailer("recall", salad, id("listeria found in sample 42")));

  return Object.fromEntries(OPERATIONS.map((op) => [op, gas[op] ?? 0])) as GasByOperation;
}

/** LotTracker: one transaction carrying the batch's Merkle root. */
export const anchorRoot: AnchorReadings = async (send, lotId, leaves) => [
  await send("anchorReadings", lotId, SimpleMerkleTree.of(leaves).root, leaves.length),
];

/** The baseline: every reading stored, in chunks that fit a block. */
export function storeEachReading(chunkSize: number): AnchorReadings {
  return async (send, lotId, leaves) => {
    const sent: TransactionResponse[] = [];
    for (let start = 0; start < leaves.length; start += chunkSize) {
      const tx = await send("recordReadings", lotId, leaves.slice(start, start + chunkSize));
      await receiptOf(tx.provider, tx.hash);
      sent.push(tx);
    }
    return sent;
  };
}
