import { id, toBeHex, ZeroHash } from "ethers";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type LotTracker, LotTracker__factory } from "@/lib/chain/generated";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { insertLedgerTransaction } from "@/lib/chain/outbox/enqueue";
import { nextPassInMs, processOutbox } from "@/lib/chain/outbox/sender";
import { runPollLoop, WakeUp } from "@/lib/chain/poll-loop";
import { createProvider, grantLotTrackerRole } from "@/lib/chain/provider";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { listenTo, OUTBOX_CHANNEL } from "@/lib/db/notify";
import { createSignerLookup, createSigningKey, roleForOrganizationKind } from "@/lib/organizations";
import { deployLotTracker } from "@/tools/chain/deploy";
import { grantTestPrefixes } from "@/tools/testing/company-prefixes";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { LOCK_CLASS, runAsSoleHolder, SOLE_WORKER_LOCKS } from "./sole-holder";

// Issue 13, finding 10: two senders at once aborted each other. Two app instances now each run a
// sender, as workers/sender.ts does: whichever holds the lock sends, and a hand-over in the middle of a
// stream of writes — even one where the old holder's lock connection drops while it is still sending —
// sends every write exactly once.

const CHAIN_ID = 31337;
const GTIN = "09506000134352";
const MASTER_KEY = "cd".repeat(32);
const provider = createProvider(inject("rpcUrl"), CHAIN_ID);
let database: TestDatabase;
let lotTracker: LotTracker;
let organization: { id: string; chainAddress: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { address, encryptedKey } = createSigningKey(MASTER_KEY);
  organization = await database.db.organization.create({
    data: {
      name: "Twin Farm",
      kind: "FARM",
      gln: "9520000000986",
      chainAddress: address,
      encryptedKey,
    },
  });
  await provider.send("anvil_setBalance", [address, toBeHex(10n ** 20n)]);
  const admin = await provider.getSigner(0);
  const deployment = await deployLotTracker(admin);
  lotTracker = LotTracker__factory.connect(deployment.address, provider);
  await grantLotTrackerRole(lotTracker.connect(admin), roleForOrganizationKind("FARM"), address);
  await grantTestPrefixes(lotTracker.connect(admin), address);
});

afterAll(async () => {
  await database.drop();
});

/** One app instance's sender, with its own database connections, as a process of its own has. */
function startSender(label: string, working: string[]) {
  const db: Db = createPrismaClient(database.databaseUrl);
  const stop = new AbortController();
  const done = runAsSoleHolder(
    { name: "sender", databaseUrl: database.databaseUrl, signal: stop.signal, log: () => {} },
    (held) => {
      working.push(label);
      const context = {
        db,
        provider,
        chainId: CHAIN_ID,
        contractAddress: lotTracker.target as string,
        signerOf: createSignerLookup({ db, masterKey: MASTER_KEY }),
      };
      const step = async () => (await processOutbox(context)) > 0;
      return runPollLoop("sender", step, { signal: held, pollMs: 50, log: () => {} });
    },
  ).finally(() => db.$disconnect());
  return { stop: () => stop.abort(), done };
}

/** Queues one createLot write per lot code, in one database transaction, as a busy page would. */
function enqueue(lotCodes: string[]) {
  return database.db.$transaction(async (tx) => {
    const rows: { id: string }[] = [];
    for (const lotCode of lotCodes) {
      rows.push(
        await insertLedgerTransaction(tx, {
          organizationId: organization.id,
          signerAddress: organization.chainAddress,
          method: "createLot",
          args: [BigInt(GTIN).toString(), encodeLotCode(lotCode), id(lotCode), ZeroHash],
          lotId: lotIdOf(GTIN, lotCode),
        }),
      );
    }
    return rows;
  });
}

/** Ends the lock holder's lock connection, as a dropped connection would: its process lives on. */
async function dropHolderConnection(): Promise<void> {
  const admin = new pg.Client({ connectionString: database.databaseUrl });
  await admin.connect();
  await admin.query(
    `SELECT pg_terminate_backend(pid) FROM pg_locks
     WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND classid = $1 AND objid = $2 AND granted`,
    [LOCK_CLASS, SOLE_WORKER_LOCKS.sender],
  );
  await admin.end();
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("two senders side by side", () => {
  it("send every write exactly once across hand-overs, with consecutive nonces", {
    timeout: 240_000,
  }, async () => {
    const working: string[] = [];
    const codes = (prefix: string) => Array.from({ length: 15 }, (_, i) => `${prefix}-${i}`);
    const a = startSender("a", working);
    await until(() => working.length === 1, 30_000);
    const b = startSender("b", working);
    const rows = await enqueue(codes("TWIN-A"));
    // Hand over while writes are being signed and sent: the old holder may finish its pass.
    await until(
      async () =>
        (await database.db.ledgerTransaction.count({ where: { status: "CONFIRMED" } })) >= 3,
      60_000,
    );
    await dropHolderConnection();
    rows.push(...(await enqueue(codes("TWIN-B"))));
    await until(() => working.length === 2, 30_000);
    rows.push(...(await enqueue(codes("TWIN-C"))));
    a.stop(); // a graceful stop of the first, which stood by again: b keeps sending
    rows.push(...(await enqueue(codes("TWIN-D"))));
    await until(
      async () =>
        (await database.db.ledgerTransaction.count({
          where: { status: { in: ["PENDING", "SIGNED"] } },
        })) === 0,
      60_000,
    );
    b.stop();
    await Promise.all([a.done, b.done]);

    const settled = await database.db.ledgerTransaction.findMany({ orderBy: { nonce: "asc" } });
    expect(settled.filter((row) => row.status !== "CONFIRMED").map((row) => row.error)).toEqual([]);
    const nonces = settled.map((row) => row.nonce as number);
    expect(nonces).toEqual(nonces.map((_, i) => (nonces[0] as number) + i));
    const created = await lotTracker.queryFilter(lotTracker.filters.LotCreated());
    const times = new Map<string, number>();
    for (const log of created) times.set(log.args.lotId, (times.get(log.args.lotId) ?? 0) + 1);
    expect(settled.map((row) => times.get(row.lotId as string) ?? 0)).toEqual(rows.map(() => 1));
    // a worked first; after its graceful stop b took over (a may have won the lock back once before).
    expect(working[0]).toBe("a");
    expect(working.at(-1)).toBe("b");
  });

  it("a sender asleep wakes when a write is queued (the outbox's NOTIFY), not at its next poll", {
    timeout: 60_000,
  }, async () => {
    const wakeUp = new WakeUp();
    let passes = 0;
    const listener = listenTo(database.databaseUrl, OUTBOX_CHANNEL, () => wakeUp.ring());
    const stop = new AbortController();
    const context = {
      db: database.db,
      provider,
      chainId: CHAIN_ID,
      contractAddress: lotTracker.target as string,
      signerOf: createSignerLookup({ db: database.db, masterKey: MASTER_KEY }),
    };
    const step = async () => {
      passes += 1;
      return (await processOutbox(context)) > 0;
    };
    // Idle, it would look again in ten minutes; a sent write is still checked for its receipt as the
    // sender process checks it (a receipt not there at the first look must not cost ten minutes).
    const loop = runPollLoop("sender", step, {
      signal: stop.signal,
      pollMs: () => nextPassInMs(context, 600_000),
      wakeUp,
      log: () => {},
    });
    await until(() => passes > 0, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // listening, and asleep
    const asleepAfter = passes;
    const [row] = await enqueue(["WAKE-1"]);
    await until(
      async () =>
        (await database.db.ledgerTransaction.findUniqueOrThrow({ where: { id: row?.id } }))
          .status === "CONFIRMED",
      30_000,
    );
    expect(passes).toBeGreaterThan(asleepAfter);
    stop.abort();
    await loop;
    await listener.stop();
  });
});
