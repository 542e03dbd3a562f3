import { AppError } from "@/lib/errors";
import { parseScanData } from "@/lib/gs1/scan-data";
import type { CliCommand } from "./command";

const USAGE = `Usage: npm run lotledger -- gs1 parse <data>
  parse <data>  read a GS1 Digital Link URI or barcode scan data (element strings with GS, U+001D,
                between fields, with or without a symbology identifier such as ]C1 or ]d2; the
                bracketed form "(01)…(10)…"; or a bare EAN-13/UPC-A/GTIN-14) and print
                {"ok":true,"ais":{"01":"…","10":"…"}} or {"ok":false,"error":"…"}; exit code 0 either way`;

/** The JSON line `gs1 parse` prints, with the AIs in the order they were read. */
export function formatParseResult(data: string): string {
  try {
    const { ais } = parseScanData(data);
    // By hand: JSON.stringify of an object would put "10" before "01" (integer-like keys first).
    const members = [...ais].map(([ai, value]) => `${JSON.stringify(ai)}:${JSON.stringify(value)}`);
    return `{"ok":true,"ais":{${members.join(",")}}}`;
  } catch (error) {
    if (error instanceof AppError) return JSON.stringify({ ok: false, error: error.message });
    throw error;
  }
}

const gs1: CliCommand = {
  usage: USAGE,
  run([subcommand, ...data]) {
    if (subcommand !== "parse" || data.length === 0) {
      console.error(USAGE);
      return 2;
    }
    // Unquoted data that a shell split at spaces, e.g. "(01) 0950… (10) L1", is joined again.
    console.log(formatParseResult(data.join(" ")));
    return 0;
  },
};

export default gs1;
