// `npm run bench:coldchain [-- --json] [--devices 20 --batches 10 --readings 500]`: issue 19's three
// numbers — the gas of one device-signed batch of 1,000 readings and per reading
// (bench/coldchain-gas.ts, measureColdChainGas: its own anvil) and ingestion from MQTT publish to
// stored and batched (bench/coldchain-ingest.ts: its own PostgreSQL and broker), each with its
// baseline. The gas half is null when bench/coldchain-gas.ts is not in this checkout; readings_per_s
// is null when a batch was refused or not stored whole. Exits 1 when a target is missed.
import { existsSync } from "node:fs";
import path from "node:path";
import { benchColdChainIngestion } from "./coldchain-ingest";

const TARGETS = {
  gas_per_batch: [70_000, "≤"],
  gas_per_reading: [70, "≤"],
  readings_per_s: [5_000, "≥"],
} as const;

type Gas = { gas_per_batch: number; gas_per_reading: number } & Record<string, number>;

async function measureGas(): Promise<Gas | null> {
  const file = path.join(import.meta.dirname, "coldchain-gas.ts");
  if (!existsSync(file)) return null;
  const { measureColdChainGas } = (await import(file)) as {
    measureColdChainGas: () => Promise<Gas>;
  };
  return measureColdChainGas();
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const isJson = argv.includes("--json");
  const say = (line: string) => (isJson ? console.error(line) : console.log(line));
  say("gas half…");
  const gas = await measureGas();
  if (!gas) say("gas half: bench/coldchain-gas.ts is not in this checkout, gas is null");
  say("ingestion half…");
  const ingestion = await benchColdChainIngestion(argv, say);
  const result: Record<string, number | null> = {
    gas_per_batch: gas?.gas_per_batch ?? null,
    gas_per_reading: gas?.gas_per_reading ?? null,
    readings_per_s: ingestion.readings_per_s,
    ...(gas ? Object.fromEntries(Object.entries(gas).filter(([name]) => !(name in TARGETS))) : {}),
    baseline_transport_readings_per_s: ingestion.baseline_transport_readings_per_s,
  };
  console.log(isJson ? JSON.stringify(result) : JSON.stringify(result, null, 2));
  let isMet = true;
  for (const [name, [target, sense]] of Object.entries(TARGETS)) {
    const value = result[name];
    const ok = typeof value === "number" && (sense === "≥" ? value >= target : value <= target);
    isMet &&= ok;
    say(`${ok ? "✓" : "✗"} ${name} ${sense} ${target}: ${value}`);
  }
  return isMet ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
