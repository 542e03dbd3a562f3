import "server-only";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
// adapter-pg's own dependency, pinned by it to 7.10.0: the engine needs its factory binding.
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
} from "@prisma/driver-adapter-utils";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

// Postgres type ids of "char" and text.
const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * The SQL that takes the database at `databaseUrl` to the Prisma schema, as `prisma migrate dev`
 * would write it, or null when they already match. Uses Prisma's schema engine compiled to
 * WebAssembly, because the CLI's native engine is downloaded at run time.
 */
export async function diffDatabaseToSchema({
  databaseUrl,
  schema,
  schemaPath,
}: {
  databaseUrl: string;
  schema: string;
  schemaPath: string;
}): Promise<string | null> {
  const engineModule = loadSchemaEngine();
  const { adapter, pool } = createCatalogReadableAdapter(databaseUrl);
  try {
    const files = [{ path: schemaPath, content: schema }];
    const engine = await engineModule.SchemaEngine.new(
      { datamodels: [[schemaPath, schema]] },
      () => {}, // the engine's tracing lines; errors come back as exceptions
      adapter,
    );
    try {
      const result = await engine.diff({
        // The database the adapter is connected to (the CLI's --from-config-datasource).
        from: { tag: "schemaDatasource", files, configDir: process.cwd() },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      });
      // With exitCode set, 2 means "there is a difference", as in `prisma migrate diff --exit-code`.
      return result.exitCode === 2 ? (result.stdout ?? "") : null;
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}

let loaded: typeof engineGlue | undefined;

/** Instantiates the WebAssembly once per process: its glue module holds a single instance. */
function loadSchemaEngine(): typeof engineGlue {
  if (loaded) return loaded;
  // The engine hands a Rust panic's message here, then throws a bare "unreachable" (often from a
  // callback, beyond any catch), so the message is printed as it arrives.
  const holder = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
  holder.PRISMA_WASM_PANIC_REGISTRY = {
    set_message: (message) => console.error(`Prisma's schema engine crashed: ${message}`),
  };
  // Node 20 cannot import .wasm files, so the glue's own entry point is bypassed.
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasm = new WebAssembly.Module(readFileSync(gluePath.replace(/\.js$/, ".wasm")));
  const instance = new WebAssembly.Instance(wasm, { "./schema_engine_bg.js": { ...engineGlue } });
  engineGlue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  loaded = engineGlue;
  return loaded;
}

/**
 * adapter-pg rejects Postgres' one-byte "char" type, which the engine's introspection reads from
 * pg_catalog (relkind, contype, ...) and expects as a Character column. The pool reports those
 * columns as text so adapter-pg accepts them (node-postgres returns them as strings anyway), and the
 * adapter then marks them Character again.
 */
function createCatalogReadableAdapter(databaseUrl: string) {
  // A given SQL text always yields the same column types, so its "char" columns are keyed by it.
  const charColumnsBySql = new Map<string, number[]>();
  const pool = new pg.Pool({ connectionString: databaseUrl });
  const poolQuery = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  pool.query = (async (config: pg.QueryConfig) => {
    const result = await poolQuery(config);
    const charColumns = result.fields.flatMap((field, i) =>
      field.dataTypeID === CHAR_OID ? [i] : [],
    );
    for (const i of charColumns) (result.fields[i] as pg.FieldDef).dataTypeID = TEXT_OID;
    if (charColumns.length > 0) charColumnsBySql.set(config.text, charColumns);
    return result;
  }) as typeof pool.query;

  const factory = new PrismaPg(pool);
  const withCharColumns = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (query) => {
      const result = await queryRaw(query);
      for (const i of charColumnsBySql.get(query.sql) ?? []) {
        result.columnTypes[i] = ColumnTypeEnum.Character;
      }
      return result;
    };
    return adapter;
  };
  const adapter = bindMigrationAwareSqlAdapterFactory({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => withCharColumns(await factory.connect()),
    // adapter-pg's shadow database lands on the main database; createMigration prepares its own.
    connectToShadowDb: () =>
      Promise.reject(new Error("No shadow database: diff from a prepared one.")),
  });
  return { adapter, pool };
}
