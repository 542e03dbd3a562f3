// Compiles contracts/*.sol with the npm solc (WebAssembly, so it works offline) and writes what the app,
// the indexer and the tests import: lib/chain/generated/<Contract>.json artifacts, TypeChain bindings
// and an index.ts. contracts/bench/*.sol (benchmark baselines) compile in the same run to
// lib/chain/generated/bench/<Contract>.json only, so the app's typed module does not grow with them.
// Files under other folders of contracts/ (interfaces/, access/) compile only as imports.
// Runs at postinstall, so an unchanged build is skipped by a hash of its inputs.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { keccak256 } from "ethers";
import { runTypeChain } from "typechain";
import { withoutImmutables } from "./chain/runtime-code";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "..");
const contractsDir = path.join(root, "contracts");
/** Folders whose every .sol file is a compilation target; the first feeds the app's bindings. */
const APP_DIR = "contracts";
const BENCH_DIR = "contracts/bench";
const outDir = path.join(root, "lib/chain/generated");
const benchOutDir = path.join(outDir, "bench");
const stampFile = path.join(outDir, "build-stamp.json");
const solcVersion: string = require("solc/package.json").version;

const settings = {
  optimizer: { enabled: true, runs: 200 },
  // Pinned rather than left to solc's default, so a compiler upgrade cannot emit opcodes anvil lacks.
  evmVersion: "prague",
};

type Sources = Record<string, { content: string }>;
type Stamp = { hash: string; imports: string[] };
type SolcOutput = {
  errors?: { severity: "error" | "warning" | "info"; formattedMessage: string }[];
  sources?: Record<string, unknown>;
  contracts?: Record<
    string,
    Record<
      string,
      {
        abi: unknown[];
        evm: {
          bytecode: { object: string };
          deployedBytecode: {
            object: string;
            immutableReferences?: Record<string, { start: number; length: number }[]>;
          };
        };
      }
    >
  >;
};
type Artifact = {
  contractName: string;
  sourceName: string;
  abi: unknown[];
  bytecode: string;
  deployedBytecode: string;
  /** Byte ranges of the runtime code that the constructor fills (immutables, e.g. EIP-712's domain). */
  immutableRanges: [number, number][];
};

async function readSources(): Promise<Sources> {
  const sources: Sources = {};
  for (const dir of [APP_DIR, BENCH_DIR]) {
    const entries = await readdir(path.join(root, dir)).catch(() => []);
    for (const file of entries.filter((entry) => entry.endsWith(".sol")).sort()) {
      sources[`${dir}/${file}`] = { content: await readFile(path.join(root, dir, file), "utf8") };
    }
  }
  return sources;
}

// Imports such as `@openzeppelin/contracts/...` are package paths; node's resolver finds them wherever
// npm placed the package. Relative imports between our own files reach here as `contracts/...`.
function readImport(importPath: string): string | null {
  try {
    const file = importPath.startsWith(`${APP_DIR}/`)
      ? path.join(contractsDir, path.relative(APP_DIR, importPath))
      : require.resolve(importPath);
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

// The previous build's import list is part of the hash, so upgrading OpenZeppelin triggers a rebuild.
function hashInputs(sources: Sources, imports: string[]): string {
  const hash = createHash("sha256").update(`${solcVersion}\0${JSON.stringify(settings)}\0`);
  hash.update(readFileSync(import.meta.filename));
  for (const [name, { content }] of Object.entries(sources)) hash.update(`\0${name}\0${content}`);
  for (const name of imports) hash.update(`\0${name}\0${readImport(name) ?? "<missing>"}`);
  return hash.digest("hex");
}

async function readStamp(): Promise<Stamp | null> {
  try {
    return JSON.parse(await readFile(stampFile, "utf8")) as Stamp;
  } catch {
    return null;
  }
}

function compile(sources: Sources): SolcOutput {
  // Loaded only when needed: instantiating the WebAssembly compiler is most of the cost of a no-op run.
  const solc = require("solc");
  const input = {
    language: "Solidity",
    sources,
    settings: {
      ...settings,
      outputSelection: Object.fromEntries(
        Object.keys(sources).map((name) => [
          name,
          {
            "*": [
              "abi",
              "evm.bytecode.object",
              "evm.deployedBytecode.object",
              "evm.deployedBytecode.immutableReferences",
            ],
          },
        ]),
      ),
    },
  };
  const findImports = (importPath: string) => {
    const contents = readImport(importPath);
    return contents === null ? { error: `${importPath} not found in node_modules` } : { contents };
  };
  return JSON.parse(solc.compile(JSON.stringify(input), { import: findImports })) as SolcOutput;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function indexModule(artifacts: Artifact[]): string {
  const lines = [
    "// Generated by tools/compile-contracts.ts from contracts/*.sol. Do not edit.",
    "",
  ];
  for (const { contractName, abi, deployedBytecode, immutableRanges } of artifacts) {
    lines.push(
      `export const ${lowerFirst(contractName)}Abi = ${JSON.stringify(abi, null, 2)} as const;`,
      "/** Byte ranges of the runtime code its constructor fills (immutables): zeroed before hashing. */",
      `export const ${lowerFirst(contractName)}ImmutableRanges: readonly (readonly [number, number])[] = ${JSON.stringify(immutableRanges)};`,
      "/** keccak256 of the runtime code, immutables zeroed, to recognise a deployment of this exact build. */",
      `export const ${lowerFirst(contractName)}CodeHash = "${keccak256(withoutImmutables(deployedBytecode, immutableRanges))}";`,
      `export type { ${contractName} } from "./typechain/${contractName}";`,
      `export { ${contractName}__factory } from "./typechain/factories/${contractName}__factory";`,
      "",
    );
  }
  return lines.join("\n");
}

function isBench(artifact: Artifact): boolean {
  return artifact.sourceName.startsWith(`${BENCH_DIR}/`);
}

async function writeOutputs(output: SolcOutput): Promise<Artifact[]> {
  const all: Artifact[] = [];
  for (const [sourceName, contracts] of Object.entries(output.contracts ?? {})) {
    for (const [contractName, { abi, evm }] of Object.entries(contracts)) {
      all.push({
        contractName,
        sourceName,
        abi,
        bytecode: `0x${evm.bytecode.object}`,
        deployedBytecode: `0x${evm.deployedBytecode.object}`,
        immutableRanges: Object.values(evm.deployedBytecode.immutableReferences ?? {})
          .flat()
          .map(({ start, length }) => [start, length] as [number, number]),
      });
    }
  }
  const artifacts = all.filter((artifact) => !isBench(artifact));
  // Start from an empty folder so a removed or renamed contract leaves no stale bindings behind.
  await rm(outDir, { recursive: true, force: true });
  await mkdir(benchOutDir, { recursive: true });
  await Promise.all(
    all
      .filter(isBench)
      .map((artifact) =>
        writeFile(
          path.join(benchOutDir, `${artifact.contractName}.json`),
          `${JSON.stringify(artifact, null, 2)}\n`,
        ),
      ),
  );
  const files = artifacts.map(({ contractName }) => path.join(outDir, `${contractName}.json`));
  await Promise.all(
    artifacts.map((artifact, i) =>
      writeFile(files[i] ?? "", `${JSON.stringify(artifact, null, 2)}\n`),
    ),
  );
  await runTypeChain({
    cwd: root,
    target: "ethers-v6",
    outDir: path.join(outDir, "typechain"),
    filesToProcess: files,
    allFiles: files,
  });
  await writeFile(path.join(outDir, "index.ts"), indexModule(artifacts));
  return all;
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const sources = await readSources();
  const previous = await readStamp();
  if (previous && previous.hash === hashInputs(sources, previous.imports)) {
    console.log("contracts up to date");
    return;
  }

  const output = compile(sources);
  const problems = output.errors ?? [];
  for (const warning of problems.filter((problem) => problem.severity !== "error")) {
    console.warn(warning.formattedMessage);
  }
  const errors = problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) {
    console.error(errors.map((error) => error.formattedMessage).join("\n"));
    console.error(`solc ${solcVersion}: ${errors.length} error(s); nothing was generated.`);
    process.exit(1);
  }

  const artifacts = await writeOutputs(output);
  const imports = Object.keys(output.sources ?? {}).filter((name) => !(name in sources));
  await writeFile(stampFile, JSON.stringify({ hash: hashInputs(sources, imports), imports }));
  const names = artifacts.map((artifact) => artifact.contractName).join(", ");
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`compiled ${names} with solc ${solcVersion} in ${seconds} s`);
}

await main();
