import type { Db } from "@/lib/db/client";

/**
 * Every row of every table of the database as JSON text, for proving that a secret (a private key,
 * an invitation token) is stored nowhere in clear: not in the table meant for it, nor anywhere else.
 */
export async function databaseText(db: Db): Promise<string> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await db.$queryRawUnsafe<{ row: string }[]>(
      `SELECT row_to_json(t)::text AS row FROM "${name}" t`,
    );
    parts.push(...rows.map(({ row }) => `${name} ${row}`));
  }
  return parts.join("\n");
}

/** How many rows each of these tables holds, to prove a refusal wrote nothing. */
export async function countRows(db: Db, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await db.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "${table}"`,
    );
    counts[table] = row?.count ?? 0;
  }
  return counts;
}
