import type { Tx } from "@/lib/db/client";
import type { DecodedLog } from "./decode";

// The two bulk writes of a batch, in SQL: Prisma's createMany cost ~450 µs per row here (its query
// interpreter, not PostgreSQL), against ~65 µs this way. One INSERT ... SELECT FROM unnest(...) gets
// one array per column, so a statement has the same 11-15 parameters for any number of rows.
// Timestamps are UTC, as Prisma writes them; columns not listed keep their defaults.

/** Rows per statement: bounds one statement's memory and run time, not its parameters. */
const ROWS_PER_STATEMENT = 5_000;

export type LotRow = {
  id: string;
  chainId: number;
  gtin: string;
  lotCode: string;
  quantity: string | null;
  unit: string | null;
  status: string;
  custodian: string;
  recipient: string | null;
  producer: string | null;
  payloadHash: string | null;
  serialsRoot: string | null;
  recallReasonHash: string | null;
  isOnHold: boolean;
  createdTxHash: string;
  createdBlock: number;
};

/**
 * Inserts the events a batch read, skipping any already stored under the same (chain id, tx hash,
 * log index): a batch replayed after a crash adds nothing. Ids are random UUIDs made by PostgreSQL.
 */
export async function insertLedgerEvents(
  tx: Tx,
  chainId: number,
  events: readonly DecodedLog[],
): Promise<void> {
  for (let i = 0; i < events.length; i += ROWS_PER_STATEMENT) {
    const rows = events.slice(i, i + ROWS_PER_STATEMENT);
    const column = <T>(read: (event: DecodedLog) => T) => rows.map(read);
    await tx.$executeRaw`
      INSERT INTO "LedgerEvent" ("id", "chainId", "blockNumber", "blockHash", "txHash", "txIndex",
        "logIndex", "name", "lotId", "actor", "payloadHash", "args", "updatedAt")
      SELECT gen_random_uuid()::text, ${chainId}::int, e.*, now() AT TIME ZONE 'UTC'
      FROM unnest(
        ${column((e) => e.blockNumber)}::int[], ${column((e) => e.blockHash)}::text[],
        ${column((e) => e.txHash)}::text[], ${column((e) => e.txIndex)}::int[],
        ${column((e) => e.logIndex)}::int[], ${column((e) => e.name)}::text[],
        ${column((e) => argOf(e, "lotId") ?? "")}::text[],
        ${column((e) => argOf(e, "custodian") ?? argOf(e, "actor") ?? argOf(e, "account") ?? "")}::text[],
        ${column((e) => argOf(e, "payloadHash") ?? argOf(e, "reasonHash") ?? null)}::text[],
        ${column((e) => JSON.stringify(e.args))}::jsonb[]
      ) AS e
      ON CONFLICT ("chainId", "txHash", "logIndex", "lotId") DO NOTHING`;
  }
}

/**
 * Writes lots as registered in a batch: new ones are inserted, and one the database already holds
 * (a replayed batch) is overwritten in every field, as `tx.lot.upsert` with the same data would.
 */
export async function upsertLots(tx: Tx, lots: readonly LotRow[]): Promise<void> {
  for (let i = 0; i < lots.length; i += ROWS_PER_STATEMENT) {
    const rows = lots.slice(i, i + ROWS_PER_STATEMENT);
    const column = <T>(read: (lot: LotRow) => T) => rows.map(read);
    await tx.$executeRaw`
      INSERT INTO "Lot" ("id", "chainId", "gtin", "lotCode", "quantity", "unit", "status",
        "custodian", "recipient", "producer", "payloadHash", "serialsRoot", "recallReasonHash",
        "isOnHold", "createdTxHash", "createdBlock", "updatedAt")
      SELECT l.*, now() AT TIME ZONE 'UTC'
      FROM unnest(
        ${column((l) => l.id)}::text[], ${column((l) => l.chainId)}::int[],
        ${column((l) => l.gtin)}::text[], ${column((l) => l.lotCode)}::text[],
        ${column((l) => l.quantity)}::numeric[], ${column((l) => l.unit)}::text[],
        ${column((l) => l.status)}::"LotStatus"[], ${column((l) => l.custodian)}::text[],
        ${column((l) => l.recipient)}::text[], ${column((l) => l.producer)}::text[],
        ${column((l) => l.payloadHash)}::text[], ${column((l) => l.serialsRoot)}::text[],
        ${column((l) => l.recallReasonHash)}::text[], ${column((l) => l.isOnHold)}::boolean[],
        ${column((l) => l.createdTxHash)}::text[],
        ${column((l) => l.createdBlock)}::int[]
      ) AS l
      ON CONFLICT ("id") DO UPDATE SET
        "chainId" = EXCLUDED."chainId", "gtin" = EXCLUDED."gtin", "lotCode" = EXCLUDED."lotCode",
        "quantity" = EXCLUDED."quantity", "unit" = EXCLUDED."unit", "status" = EXCLUDED."status",
        "custodian" = EXCLUDED."custodian", "recipient" = EXCLUDED."recipient",
        "producer" = EXCLUDED."producer", "payloadHash" = EXCLUDED."payloadHash",
        "serialsRoot" = EXCLUDED."serialsRoot", "recallReasonHash" = EXCLUDED."recallReasonHash",
        "isOnHold" = EXCLUDED."isOnHold", "createdTxHash" = EXCLUDED."createdTxHash", "createdBlock" = EXCLUDED."createdBlock",
        "updatedAt" = EXCLUDED."updatedAt"`;
  }
}

function argOf(event: DecodedLog, name: string): string | undefined {
  const value = event.args[name];
  return typeof value === "string" ? value : undefined;
}
