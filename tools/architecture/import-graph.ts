import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** One import of one source file: who imports, what, and the specifier as written. */
export type ImportEdge = { from: string; to: string; specifier: string };

const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

/** The project's TypeScript files as git knows them (tracked, or new and not ignored). */
export function sourceFiles(root: string): string[] {
  const listed = execFileSync(
    "git",
    ["ls-files", "--cached", "--others", "--exclude-standard", "*.ts", "*.tsx"],
    { cwd: root, encoding: "utf8" },
  );
  return listed
    .split("\n")
    .filter((file) => file !== "" && !file.endsWith(".d.ts") && existsSync(path.join(root, file)));
}

/** The file a specifier names (`@/x` is the project root, as tsconfig's paths say), or null for a package. */
function resolveSpecifier(root: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  for (const extension of EXTENSIONS) {
    const candidate = path.join(root, base + extension);
    if (existsSync(candidate) && statSync(candidate).isFile()) return base + extension;
  }
  return base;
}

/** Every import between the project's own files, static, dynamic and type-only alike. */
export function importGraph(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of sourceFiles(root)) {
    const text = readFileSync(path.join(root, from), "utf8");
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      const to = resolveSpecifier(root, from, fileName);
      if (to !== null) edges.push({ from, to, specifier: fileName });
    }
  }
  return edges;
}

/** The area a file belongs to: `lib/<domain>` for lib (a file at lib's top is its own), else its top folder. */
export function zoneOf(file: string): string {
  const parts = file.split("/");
  if (parts[0] === "lib") return parts.length > 2 ? `lib/${parts[1]}` : file.replace(/\.tsx?$/, "");
  return parts.length > 1 ? (parts[0] as string) : file;
}

/** Test code: Vitest files beside the code, and the test-support folders. */
export function isTestCode(file: string): boolean {
  return /\.test\.tsx?$/.test(file) || file.startsWith("e2e/") || file.startsWith("tools/testing/");
}

/** The cycles among zones (each as its zones in order), found by a depth-first walk. */
export function zoneCycles(edges: readonly { from: string; to: string }[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const [a, b] = [zoneOf(from), zoneOf(to)];
    if (a !== b) next.set(a, (next.get(a) ?? new Set()).add(b));
  }
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (zone: string) => {
    state.set(zone, "open");
    stack.push(zone);
    for (const to of next.get(zone) ?? []) {
      if (state.get(to) === "open") cycles.push([...stack.slice(stack.indexOf(to)), to]);
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(zone, "done");
  };
  for (const zone of [...next.keys()].sort()) if (!state.has(zone)) visit(zone);
  return cycles;
}
