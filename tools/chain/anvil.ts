import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { keepGoodCopy, restoreStateFile } from "./state-file";

// anvil from npm is the embedded chain: `npm start` and the contract tests run it as a child process.

export type AnvilOptions = {
  port: number;
  chainId?: number;
  /**
   * Load the chain from this file if it exists, and save it every second and on a graceful stop. A
   * last good copy is kept beside it (state-file.ts) and used when a kill left the file cut short.
   */
  stateFile?: string;
  /** How often the good copy of the state file is refreshed (default 2 s). */
  goodCopyEveryMs?: number;
  /** Where start-up says that it fell back to the good copy (default: the console). */
  log?: (line: string) => void;
  /** Mine a block every N seconds instead of one per transaction (empty ones too). */
  blockTime?: number;
  /**
   * Mine a block every N milliseconds, and only while transactions wait: a busy chain puts many writes
   * in a block (one indexer batch, one receipt round), an idle one grows its state file by nothing.
   */
  mineEveryMs?: number;
  /** Append anvil's output here; without it the output is discarded (errors still reach the caller). */
  logFile?: string;
};

export type AnvilProcess = {
  rpcUrl: string;
  pid: number;
  /** Refreshes the good copy of the state file now; true when it is up to date (tests). */
  saveGoodCopy(): Promise<boolean>;
  /** SIGTERM, then wait for exit: anvil writes its state file on the way out. */
  stop(): Promise<void>;
  /**
   * SIGKILL: no state is written beyond the last interval save. For crash tests. Resolves once the
   * process is gone and its port free, so a restart on the same port can follow at once.
   */
  kill(): Promise<void>;
};

const HOST = "127.0.0.1";
const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 15_000;

/** The anvil executable shipped in the platform package that `@foundry-rs/anvil` depends on. */
function anvilBinaryPath(): string {
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  const packageName = `@foundry-rs/anvil-${process.platform}-${arch}`;
  const binary = process.platform === "win32" ? "anvil.exe" : "anvil";
  try {
    return createRequire(import.meta.url).resolve(`${packageName}/bin/${binary}`);
  } catch {
    throw new Error(
      `The anvil binary for this platform is missing: install ${packageName} (npm install).`,
    );
  }
}

/** A TCP port that was free a moment ago, for tests that need several nodes. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("No free TCP port was assigned.")),
      );
    });
  });
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `Port ${port} is already in use, so anvil cannot start: stop the program using it or choose another port.`,
            )
          : error,
      ),
    );
    server.listen(port, HOST, () => server.close(() => resolve()));
  });
}

async function answersChainId(rpcUrl: string): Promise<boolean> {
  try {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(1_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Starts anvil and resolves once its JSON-RPC endpoint answers. */
export async function startAnvil(options: AnvilOptions): Promise<AnvilProcess> {
  const { port, chainId = 31337, stateFile, blockTime, logFile, log = console.log } = options;
  await assertPortFree(port);
  const args = ["--host", HOST, "--port", String(port), "--chain-id", String(chainId)];
  if (stateFile) {
    await mkdir(path.dirname(stateFile), { recursive: true });
    await restoreStateFile(stateFile, log);
    args.push("--state", stateFile, "--state-interval", "1");
  }
  if (blockTime !== undefined) args.push("--block-time", String(blockTime));
  if (options.mineEveryMs !== undefined) args.push("--no-mining");

  const child = spawn(anvilBinaryPath(), args, {
    stdio: ["ignore", logFile ? "pipe" : "ignore", "pipe"],
  });
  const { pid } = child;
  if (pid === undefined) {
    const [error] = (await once(child, "error")) as [Error];
    throw new Error(`anvil could not be started: ${error.message}`);
  }
  if (logFile) {
    await mkdir(path.dirname(logFile), { recursive: true });
    const log = createWriteStream(logFile, { flags: "a" });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  // Kept for the error message: anvil explains a failed start (bad state file, port taken) on stderr.
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2_000);
  });
  // An orphaned anvil would hold the port and the state file after this process ends.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const exited = exitOf(child).then(() => {
    process.off("exit", killOnExit);
  });

  const rpcUrl = `http://${HOST}:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await answersChainId(rpcUrl))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const reason = stderr.trim() || `exit code ${child.exitCode ?? child.signalCode}`;
      throw new Error(`anvil exited before it was ready: ${reason}`);
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`anvil did not answer on ${rpcUrl} within ${READY_TIMEOUT_MS / 1000} s.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }

  const keeper = stateFile ? keepGoodCopy(stateFile, options.goodCopyEveryMs) : null;
  const miner =
    options.mineEveryMs === undefined ? null : mineWhenPending(rpcUrl, options.mineEveryMs);
  void exited.then(() => miner?.stop());
  return {
    rpcUrl,
    pid,
    saveGoodCopy: () => keeper?.saveNow() ?? Promise.resolve(false),
    async stop() {
      miner?.stop();
      await keeper?.stop();
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
      // anvil saved its state on the way out: that is the newest good copy.
      await keeper?.saveNow().catch(() => false);
    },
    async kill() {
      miner?.stop();
      void keeper?.stop();
      child.kill("SIGKILL");
      await exited;
    },
  };
}

async function rpc(rpcUrl: string, method: string): Promise<unknown> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params: [] }),
    signal: AbortSignal.timeout(5_000),
  });
  return ((await response.json()) as { result?: unknown }).result;
}

/** Every `everyMs`, mines one block if anvil's pool holds a transaction ready to go in. */
function mineWhenPending(rpcUrl: string, everyMs: number): { stop(): void } {
  let isMining = false;
  const timer = setInterval(async () => {
    if (isMining) return;
    isMining = true;
    try {
      const status = (await rpc(rpcUrl, "txpool_status")) as { pending?: string } | undefined;
      if (Number(status?.pending ?? 0) > 0) await rpc(rpcUrl, "evm_mine");
    } catch {
      // anvil is stopping or was killed: its exit stops this timer
    } finally {
      isMining = false;
    }
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
