import {
  type ContractTransactionResponse,
  encodeBytes32String,
  type HDNodeWallet,
  id,
  type JsonRpcSigner,
} from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import { lotIdOf } from "@/lib/chain/lot-id";
import { readingBatchStruct } from "@/lib/chain/reading-batch";
import { batchFor, createNamedLot, newDevice, signBatch } from "./cold-chain-fixtures";
import {
  createLot,
  deployTracker,
  GTIN,
  handOff,
  newAccount,
  newLotInput,
  nextLotCode,
  provider,
  revertOf,
  Status,
  send,
} from "./fixtures";

// Every operation on a lot in every status: the allowed transitions (and the status they lead to)
// and the refused ones (with the error). The caller is always the party the operation needs — the
// custodian, the pending recipient, or a regulator — so the status alone decides the outcome.

type StatusName = keyof typeof Status;
const STATUSES: readonly StatusName[] = ["None", "Active", "InTransit", "Recalled", "Consumed"];

let tracker: LotTracker;
let farm: JsonRpcSigner;
let farmDevice: HDNodeWallet;
let carrier: JsonRpcSigner;
let regulator: JsonRpcSigner;

beforeAll(async () => {
  ({ tracker } = await deployTracker());
  farm = await newAccount(tracker, ["PRODUCER"]);
  farmDevice = await newDevice(tracker, farm);
  carrier = await newAccount(tracker, ["CARRIER"]);
  regulator = await newAccount(tracker, ["REGULATOR"]);
});

afterAll(() => provider.destroy());

/** The lot code of each lot `lotIn` made, which device batches name. */
const lotCodes = new Map<string, string>();

function newCode() {
  const lotCode = nextLotCode();
  return { lotId: lotIdOf(GTIN, lotCode), lotCode };
}

/**
 * A lot the farm holds in `status`. A recalled lot was in transit to the carrier when recalled, so
 * the carrier is still its (suspended) recipient.
 */
async function lotIn(status: StatusName): Promise<string> {
  const { lotId, lotCode } = status === "None" ? newCode() : await createNamedLot(tracker, farm);
  lotCodes.set(lotId, lotCode);
  if (status === "None") return lotId;
  if (status === "InTransit" || status === "Recalled") await handOff(tracker, lotId, farm, carrier);
  if (status === "Recalled") await send(tracker.connect(regulator).recall(lotId, id("r")));
  if (status === "Consumed") {
    await send(tracker.connect(farm).transform([lotId], [newLotInput().input], id("t")));
  }
  return lotId;
}

type Row = {
  name: string;
  call(lotId: string): Promise<ContractTransactionResponse>;
  /** For each status the operation accepts, the status it leaves the lot in. */
  allowed: Partial<Record<StatusName, StatusName>>;
};

const ROWS: readonly Row[] = [
  {
    name: "handoff",
    call: (lotId) => tracker.connect(farm).handoff(lotId, carrier.address, id("p")),
    allowed: { Active: "InTransit" },
  },
  {
    name: "acceptHandoff",
    call: (lotId) => tracker.connect(carrier).acceptHandoff(lotId, id("p")),
    allowed: { InTransit: "Active" },
  },
  {
    name: "rejectHandoff",
    call: (lotId) => tracker.connect(carrier).rejectHandoff(lotId, id("p")),
    allowed: { InTransit: "Active" },
  },
  {
    name: "cancelHandoff",
    call: (lotId) => tracker.connect(farm).cancelHandoff(lotId, id("p")),
    allowed: { InTransit: "Active" },
  },
  {
    name: "handoffPart",
    call: (lotId) =>
      tracker
        .connect(farm)
        .handoffPart(lotId, newLotInput().input, newLotInput().input, carrier.address, id("p")),
    allowed: { Active: "Consumed" },
  },
  {
    name: "split",
    call: (lotId) =>
      tracker.connect(farm).split(lotId, [newLotInput().input, newLotInput().input], id("p")),
    allowed: { Active: "Consumed" },
  },
  {
    name: "merge",
    call: async (lotId) => {
      const other = await createLot(tracker, farm);
      return tracker.connect(farm).merge([lotId, other], newLotInput().input, id("p"));
    },
    allowed: { Active: "Consumed" },
  },
  {
    name: "transform",
    call: (lotId) => tracker.connect(farm).transform([lotId], [newLotInput().input], id("p")),
    allowed: { Active: "Consumed" },
  },
  {
    name: "recordEvent",
    call: (lotId) => tracker.connect(farm).recordEvent(lotId, encodeBytes32String("x"), id("p")),
    allowed: { Active: "Active", InTransit: "InTransit", Recalled: "Recalled" },
  },
  {
    name: "anchorReadings",
    call: (lotId) => tracker.connect(farm).anchorReadings(lotId, id("root"), 10),
    allowed: { Active: "Active", InTransit: "InTransit", Recalled: "Recalled" },
  },
  {
    // The farm's device: the custodian's, while the lot is active, in transit or recalled.
    name: "anchorDeviceReadings",
    call: async (lotId) => {
      const batch = batchFor(lotCodes.get(lotId) ?? "");
      return tracker.anchorDeviceReadings(
        readingBatchStruct(batch),
        await signBatch(tracker, farmDevice, batch),
      );
    },
    allowed: { Active: "Active", InTransit: "InTransit", Recalled: "Recalled" },
  },
  {
    name: "recall",
    call: (lotId) => tracker.connect(regulator).recall(lotId, id("p")),
    allowed: { Active: "Recalled", InTransit: "Recalled", Consumed: "Recalled" },
  },
  {
    name: "liftRecall",
    call: (lotId) => tracker.connect(regulator).liftRecall(lotId, id("p")),
    allowed: { Recalled: "InTransit" },
  },
];

describe.each(ROWS)("$name", (row) => {
  it.each(STATUSES)("on a lot that is %s", async (status) => {
    const lotId = await lotIn(status);
    const after = row.allowed[status];
    if (after) {
      await send(row.call(lotId));
      expect(await tracker.statusOf(lotId)).toBe(Status[after]);
    } else if (status === "None") {
      expect(await revertOf(row.call(lotId))).toEqual({
        name: "LotTrackerUnknownLot",
        args: [lotId],
      });
    } else {
      expect(await revertOf(row.call(lotId))).toEqual({
        name: "LotTrackerUnexpectedStatus",
        args: [lotId, Status[status]],
      });
    }
  });
});

describe("custodian across transitions", () => {
  it("changes only on acceptHandoff", async () => {
    const accepted = await lotIn("InTransit");
    await send(tracker.connect(carrier).acceptHandoff(accepted, id("p")));
    expect(await tracker.custodianOf(accepted)).toBe(carrier.address);

    const others: string[] = [];
    for (const status of STATUSES.slice(1)) others.push(await lotIn(status));
    await send(tracker.connect(carrier).rejectHandoff(others[1] ?? "", id("p")));
    await send(tracker.connect(regulator).liftRecall(others[2] ?? "", id("p")));
    await send(tracker.connect(regulator).recall(others[0] ?? "", id("p")));
    for (const lotId of others) expect(await tracker.custodianOf(lotId)).toBe(farm.address);
  });
});
