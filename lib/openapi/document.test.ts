import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";

// Every route folder under app/api and app/epcis is in the OpenAPI document, with each method its
// route.ts exports: a new route without its entry fails here.

const ROOT = path.resolve(import.meta.dirname, "../..");

function routeFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("route.ts"))
    .map((file) => path.join(folder, file));
}

/** app/api/lots/[lotId]/route.ts → /api/lots/{lotId}; a catch-all [...all] → {all}. */
const openApiPathOf = (file: string) =>
  `/${path.dirname(file).replace(/^app\//, "")}`.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}");

describe("openApiDocument", () => {
  const document = openApiDocument("https://lotledger.example");
  const routes = [...routeFiles("app/api"), ...routeFiles("app/epcis")];

  it("names every route folder, with each method it answers", () => {
    expect(routes.length).toBeGreaterThan(30);
    for (const file of routes) {
      const route = openApiPathOf(file);
      const entry = (document.paths as Record<string, Record<string, unknown>>)[route];
      expect(entry, `${route} (${file}) is not in lib/openapi`).toBeDefined();
      const source = readFileSync(path.join(ROOT, file), "utf8");
      const methods = [
        ...source.matchAll(
          /export (?:async function|const|function) (GET|POST|PUT|PATCH|DELETE)\b/g,
        ),
      ];
      expect(methods.length, file).toBeGreaterThan(0);
      for (const [, method] of methods) {
        expect(entry?.[String(method).toLowerCase()], `${method} ${route}`).toBeDefined();
      }
    }
  });

  it("is OpenAPI 3.1 with no path that is not a route", () => {
    expect(document.openapi).toBe("3.1.0");
    const routePaths = new Set(routes.map(openApiPathOf));
    expect(Object.keys(document.paths).filter((p) => !routePaths.has(p))).toEqual([]);
  });
});
