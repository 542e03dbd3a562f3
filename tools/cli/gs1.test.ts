import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { formatParseResult } from "./gs1";

const root = path.resolve(import.meta.dirname, "../..");
// The same command line as `npm run lotledger`, without npm's banner on stdout.
const [node = "node", ...nodeArgs] = JSON.parse(
  readFileSync(path.join(root, "package.json"), "utf8"),
).scripts.lotledger.split(" ");

async function runCli(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(node, [...nodeArgs, ...args], {
      cwd: root,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

// Each case starts Node with tsx (1.5–2.5 s on a busy machine, measured): room for two of them.
describe("lotledger gs1 parse (child process)", { timeout: 30_000 }, () => {
  it("prints the AIs of a Digital Link in the order read and exits 0", async () => {
    const result = await runCli(
      "gs1",
      "parse",
      "https://id.gs1.org/01/09506000134352/10/AB%281%29/21/S1?17=261231&linkType=all",
    );
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(
      '{"ok":true,"ais":{"01":"09506000134352","10":"AB(1)","21":"S1","17":"261231"}}\n',
    );
  });

  it("prints the reason an input is rejected and still exits 0", async () => {
    const result = await runCli("gs1", "parse", "\u001d0109506000134353\u001d10ABC");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(
      `{"ok":false,"error":"The barcode's GTIN 09506000134353 has a wrong check digit: the last digit should be 2."}\n`,
    );
  });

  it("prints the usage and exits 2 for an unknown command or missing data", async () => {
    const unknown = await runCli("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Usage: npm run lotledger -- <command>");
    const missing = await runCli("gs1", "parse");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Usage: npm run lotledger -- gs1 parse <data>");
  });
});

describe("formatParseResult", () => {
  it.each([
    [
      "]C101095060001343521726123110L1\u001d21S1",
      '{"ok":true,"ais":{"01":"09506000134352","17":"261231","10":"L1","21":"S1"}}',
    ],
    ["(01)09506000134352(10)L\\(1)", '{"ok":true,"ais":{"01":"09506000134352","10":"L(1)"}}'],
    ["4006381333931", '{"ok":true,"ais":{"01":"04006381333931"}}'],
    ['(01)09506000134352(10)A"B', '{"ok":true,"ais":{"01":"09506000134352","10":"A\\"B"}}'],
    [
      "https://id.gs1.org/01/09506000134352/10/L1?10=L1",
      '{"ok":false,"error":"AI (10) appears twice in this Digital Link."}',
    ],
    [
      "hello",
      '{"ok":false,"error":"This scan holds no GS1 data: neither a Digital Link, nor GS1 element strings, nor a GTIN."}',
    ],
  ])("%j → %s", (data, json) => {
    expect(formatParseResult(data)).toBe(json);
    JSON.parse(json);
  });
});
