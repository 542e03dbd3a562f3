import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { hashApiKey } from "@/lib/auth/api-keys";
import { gs1CheckDigit } from "@/lib/gs1/keys";
import { DEMO_ORGANIZATIONS } from "@/tools/stack/demo-data";
import { type EphemeralStack, startEphemeralStack } from "@/tools/stack/ephemeral";
import { partEnv } from "@/tools/stack/part-env";
import type { PartName } from "@/tools/stack/parts";
import { waitForHttp } from "@/tools/stack/processes";

// One LotLedger under load for the writes bench: the ephemeral stack (embedded PostgreSQL, anvil,
// LotTracker, the demo organisations) with a web server, a sender and an indexer run from the code
// in `dir` (this checkout, or the baseline's), and an API key for each organisation that makes lots.

export type Writer = { apiKey: string; gtin: string; name: string };
export type Backend = {
  stack: EphemeralStack;
  baseUrl: string;
  writers: Writer[];
  recipientGln: string;
  stop(): Promise<void>;
};

const PARTS: PartName[] = ["sender", "indexer", "web"];

/** A GTIN-14 under a company prefix: the prefix, item reference 1, and its check digit. */
function gtinUnder(prefix: string): string {
  const data = `0${prefix}${"1".padStart(12 - prefix.length, "0")}`;
  return `${data}${gs1CheckDigit(data)}`;
}

export async function startBackend(
  dir: string,
  label: string,
  {
    chain,
    profileDir,
    log,
  }: {
    chain: { blockTime?: number; mineEveryMs?: number };
    profileDir?: string;
    log: (line: string) => void;
  },
): Promise<Backend> {
  const stack = await startEphemeralStack(`bench-writes-${label}`, log, chain);
  const { db } = stack.prepared;
  const writers: Writer[] = [];
  for (const organization of DEMO_ORGANIZATIONS.filter((o) => o.companyPrefixes.length > 0)) {
    const [org, admin] = await Promise.all([
      db.organization.findUniqueOrThrow({ where: { gln: organization.gln } }),
      db.user.findUniqueOrThrow({ where: { email: organization.user.email } }),
    ]);
    const apiKey = `llk_${randomBytes(32).toString("base64url")}`;
    await db.apiKey.create({
      data: {
        organizationId: org.id,
        name: "writes bench",
        prefix: apiKey.slice(0, 12),
        keyHash: hashApiKey(apiKey),
        scopes: ["RECORD", "READ"],
        createdById: admin.id,
      },
    });
    writers.push({
      apiKey,
      gtin: gtinUnder(organization.companyPrefixes[0] as string),
      name: org.name,
    });
  }
  const logFile = createWriteStream(path.join(dir, `.bench-writes-${label}.log`), { flags: "w" });
  const children: ChildProcess[] = PARTS.map((part) => {
    const script = `workers/${part}.ts`;
    const args = ["--conditions=react-server", "--import", "tsx", script];
    if (part === "web") args.push("--port", String(stack.port));
    // --profile <dir>: the web server's CPU profile, written when it stops (Chrome DevTools opens it).
    if (part === "web" && profileDir) args.unshift("--cpu-prof", `--cpu-prof-dir=${profileDir}`);
    const child = spawn(process.execPath, args, { cwd: dir, env: partEnv(part, stack.env) });
    child.stdout?.pipe(logFile, { end: false });
    child.stderr?.pipe(logFile, { end: false });
    return child;
  });
  const killAll = () => {
    for (const child of children) child.kill("SIGKILL");
  };
  process.once("exit", killAll);
  await waitForHttp(`${stack.baseUrl}/sign-in`, 120_000);
  const carrier = DEMO_ORGANIZATIONS.find((o) => o.kind === "CARRIER");
  return {
    stack,
    baseUrl: stack.baseUrl,
    writers,
    recipientGln: carrier?.gln as string,
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once("exit", () => resolve());
              child.kill("SIGTERM");
            }),
        ),
      );
      process.off("exit", killAll);
      logFile.end();
      await stack.stop();
    },
  };
}
