import {
  type ContractTransactionResponse,
  encodeBytes32String,
  type HDNodeWallet,
  id,
  type JsonRpcSigner,
  Wallet,
  ZeroHash,
} from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import { readingBatchStruct } from "@/lib/chain/reading-batch";
import {
  anchorSigned,
  batchFor,
  createNamedLot,
  newDevice,
  RULE,
  signBatch,
  warmBatchFor,
} from "./cold-chain-fixtures";
import {
  createLot,
  deployTracker,
  GTIN,
  handOff,
  newAccount,
  newLotInput,
  provider,
  type Revert,
  type RoleName,
  revertOf,
  roleId,
  send,
  setRoles,
  transfer,
} from "./fixtures";

// Every function × every role, allowed and refused. The account under test is first put in the
// relation the function needs (custodian, pending recipient, producer, recaller) using whatever role
// that takes, and then left with exactly the role of the column, so only the role decides the outcome.

type Column = RoleName | "no role" | "admin only";
const COLUMNS: readonly Column[] = [
  "PRODUCER",
  "CARRIER",
  "RETAILER",
  "REGULATOR",
  "no role",
  "admin only",
];
const CUSTODY: readonly Column[] = ["PRODUCER", "CARRIER", "RETAILER"];

type Row = {
  name: string;
  /** Establishes the relation for `account`; returns the lots the call uses. */
  prepare(account: JsonRpcSigner): Promise<string[]>;
  call(as: LotTracker, lots: string[]): Promise<ContractTransactionResponse>;
  allowed: readonly Column[];
  refusal(account: string, lots: string[]): Revert;
};

let tracker: LotTracker;
let producer: JsonRpcSigner;
let producerDevice: HDNodeWallet;
let carrier: JsonRpcSigner;
let retailer: JsonRpcSigner;

beforeAll(async () => {
  ({ tracker } = await deployTracker());
  producer = await newAccount(tracker, ["PRODUCER"]);
  producerDevice = await newDevice(tracker, producer);
  await send(
    tracker
      .connect(producer)
      .setStorageRule(GTIN, RULE.minMilliCelsius, RULE.maxMilliCelsius, RULE.allowedMinutes),
  );
  carrier = await newAccount(tracker, ["CARRIER"]);
  retailer = await newAccount(tracker, ["RETAILER"]);
});

afterAll(() => provider.destroy());

async function holding(account: JsonRpcSigner, count = 1): Promise<string[]> {
  await setRoles(tracker, account.address, ["CARRIER"]);
  const lots: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const lotId = await createLot(tracker, producer);
    await transfer(tracker, lotId, producer, account);
    lots.push(lotId);
  }
  return lots;
}

async function pendingFor(account: JsonRpcSigner): Promise<string[]> {
  await setRoles(tracker, account.address, ["CARRIER"]);
  const lotId = await createLot(tracker, producer);
  await handOff(tracker, lotId, producer, account);
  return [lotId];
}

async function recalledBy(recaller: JsonRpcSigner): Promise<string[]> {
  const lotId = await createLot(tracker, producer);
  await send(tracker.connect(recaller).recall(lotId, id("reason")));
  return [lotId];
}

const missingCustodyRole = (account: string) => ({
  name: "LotTrackerMissingCustodyRole",
  args: [account],
});
const notProducer = (account: string) => ({
  name: "AccessControlUnauthorizedAccount",
  args: [account, roleId("PRODUCER")],
});
const notPrefixAdmin = (account: string) => ({
  name: "AccessControlUnauthorizedAccount",
  args: [account, id("PREFIX_ADMIN_ROLE")],
});
const two = () => [newLotInput().input, newLotInput().input];

const ROWS: readonly Row[] = [
  {
    name: "createLot",
    prepare: async () => [],
    call: (as) => {
      const { input } = newLotInput();
      return as.createLot(input.gtin, input.lotCode, id("p"), input.serialsRoot);
    },
    allowed: ["PRODUCER"],
    refusal: notProducer,
  },
  {
    name: "handoff (custodian)",
    prepare: (account) => holding(account),
    call: (as, [lotId = ""]) => as.handoff(lotId, carrier.address, id("p")),
    allowed: CUSTODY,
    refusal: missingCustodyRole,
  },
  {
    name: "acceptHandoff (recipient)",
    prepare: pendingFor,
    call: (as, [lotId = ""]) => as.acceptHandoff(lotId, id("p")),
    allowed: CUSTODY,
    refusal: missingCustodyRole,
  },
  {
    name: "rejectHandoff (recipient)",
    prepare: pendingFor,
    call: (as, [lotId = ""]) => as.rejectHandoff(lotId, id("p")),
    allowed: COLUMNS,
    refusal: missingCustodyRole,
  },
  {
    name: "cancelHandoff (sender)",
    prepare: async (account) => {
      const lots = await holding(account);
      await handOff(tracker, lots[0] ?? "", account, retailer);
      return lots;
    },
    call: (as, [lotId = ""]) => as.cancelHandoff(lotId, id("p")),
    allowed: CUSTODY,
    refusal: missingCustodyRole,
  },
  {
    name: "handoffPart (custodian)",
    prepare: (account) => holding(account),
    call: (as, [lotId = ""]) =>
      as.handoffPart(lotId, newLotInput().input, newLotInput().input, carrier.address, id("p")),
    allowed: ["PRODUCER"],
    refusal: notProducer,
  },
  {
    name: "split (custodian)",
    prepare: (account) => holding(account),
    call: (as, [lotId = ""]) => as.split(lotId, two(), id("p")),
    allowed: ["PRODUCER"],
    refusal: notProducer,
  },
  {
    name: "merge (custodian)",
    prepare: (account) => holding(account, 2),
    call: (as, lots) => as.merge(lots, newLotInput().input, id("p")),
    allowed: ["PRODUCER"],
    refusal: notProducer,
  },
  {
    name: "transform (custodian)",
    prepare: (account) => holding(account, 2),
    call: (as, lots) => as.transform(lots, two(), id("p")),
    allowed: ["PRODUCER"],
    refusal: notProducer,
  },
  {
    name: "recordEvent (custodian)",
    prepare: (account) => holding(account),
    call: (as, [lotId = ""]) => as.recordEvent(lotId, encodeBytes32String("inspection"), ZeroHash),
    allowed: CUSTODY,
    refusal: missingCustodyRole,
  },
  {
    name: "anchorReadings (custodian)",
    prepare: (account) => holding(account),
    call: (as, [lotId = ""]) => as.anchorReadings(lotId, id("root"), 100),
    allowed: CUSTODY,
    refusal: missingCustodyRole,
  },
  {
    name: "recall (any lot)",
    prepare: async () => [await createLot(tracker, producer)],
    call: (as, [lotId = ""]) => as.recall(lotId, id("reason")),
    allowed: ["RETAILER", "REGULATOR"],
    refusal: (account, [lotId]) => ({
      name: "LotTrackerUnauthorizedRecall",
      args: [lotId, account],
    }),
  },
  {
    name: "recall (the lot's producer)",
    prepare: async (account) => {
      await setRoles(tracker, account.address, ["PRODUCER"]);
      return [await createLot(tracker, account)];
    },
    call: (as, [lotId = ""]) => as.recall(lotId, id("reason")),
    allowed: ["PRODUCER", "RETAILER", "REGULATOR"],
    refusal: (account, [lotId]) => ({
      name: "LotTrackerUnauthorizedRecall",
      args: [lotId, account],
    }),
  },
  {
    name: "liftRecall (recalled by another)",
    prepare: () => recalledBy(retailer),
    call: (as, [lotId = ""]) => as.liftRecall(lotId, id("lifted")),
    allowed: ["REGULATOR"],
    refusal: (account, [lotId]) => ({ name: "LotTrackerUnauthorizedLift", args: [lotId, account] }),
  },
  {
    name: "liftRecall (the recaller)",
    prepare: async (account) => {
      await setRoles(tracker, account.address, ["RETAILER"]);
      return recalledBy(account);
    },
    call: (as, [lotId = ""]) => as.liftRecall(lotId, id("lifted")),
    allowed: ["PRODUCER", "RETAILER", "REGULATOR"],
    refusal: (account, [lotId]) => ({ name: "LotTrackerUnauthorizedLift", args: [lotId, account] }),
  },
  {
    name: "registerDevice",
    prepare: async () => [],
    call: (as) => as.registerDevice(Wallet.createRandom().address),
    allowed: CUSTODY,
    refusal: missingCustodyRole,
  },
  {
    // A device's owner can always revoke it, roles or not: revoking only ever refuses more.
    name: "revokeDevice (owner)",
    prepare: async (account) => {
      await setRoles(tracker, account.address, ["CARRIER"]);
      return [(await newDevice(tracker, account)).address];
    },
    call: (as, [device = ""]) => as.revokeDevice(device),
    allowed: COLUMNS,
    refusal: missingCustodyRole,
  },
  {
    // Anyone may send a device's signed batch: the device's signature is the authority.
    name: "anchorDeviceReadings (any sender)",
    prepare: async () => [(await createNamedLot(tracker, producer)).lotCode],
    call: async (as, [lotCode = ""]) => {
      const batch = batchFor(lotCode);
      return as.anchorDeviceReadings(
        readingBatchStruct(batch),
        await signBatch(tracker, producerDevice, batch),
      );
    },
    allowed: COLUMNS,
    refusal: missingCustodyRole,
  },
  {
    // The brand's GS1 company prefix decides, not a role (every test account holds the tests' prefixes).
    name: "setStorageRule (prefix holder)",
    prepare: async () => [],
    call: (as) => as.setStorageRule(GTIN, RULE.minMilliCelsius, RULE.maxMilliCelsius, 30),
    allowed: COLUMNS,
    refusal: missingCustodyRole,
  },
  {
    name: "releaseHold (custodian)",
    prepare: async (account) => {
      await setRoles(tracker, account.address, ["PRODUCER"]);
      const lot = await createNamedLot(tracker, account);
      await anchorSigned(tracker, await newDevice(tracker, account), warmBatchFor(lot.lotCode, 31));
      return [lot.lotId];
    },
    call: (as, [lotId = ""]) => as.releaseHold(lotId, id("fit")),
    allowed: CUSTODY,
    refusal: missingCustodyRole,
  },
  {
    // Only PREFIX_ADMIN_ROLE, which no column holds: the role admin ("admin only") is refused too.
    name: "grantCompanyPrefix",
    prepare: async () => [],
    call: (as) => as.grantCompanyPrefix(producer.address, 4006381n, 7),
    allowed: [],
    refusal: notPrefixAdmin,
  },
  {
    name: "revokeCompanyPrefix",
    prepare: async () => [],
    call: (as) => as.revokeCompanyPrefix(producer.address, 950600n, 6),
    allowed: [],
    refusal: notPrefixAdmin,
  },
];

async function leaveOnly(account: JsonRpcSigner, column: Column): Promise<void> {
  const roles = COLUMNS.slice(0, 4).includes(column) ? [column as RoleName] : [];
  await setRoles(tracker, account.address, roles);
  if (column === "admin only") {
    await send(tracker.grantRole(await tracker.DEFAULT_ADMIN_ROLE(), account.address));
  }
}

describe.each(ROWS)("$name", (row) => {
  it.each(COLUMNS)("× %s", async (column) => {
    const account = await newAccount(tracker);
    const lots = await row.prepare(account);
    await leaveOnly(account, column);
    const call = row.call(tracker.connect(account), lots);
    if (row.allowed.includes(column)) {
      expect((await send(call)).status).toBe(1);
    } else {
      expect(await revertOf(call)).toEqual(row.refusal(account.address, lots));
    }
  });
});
