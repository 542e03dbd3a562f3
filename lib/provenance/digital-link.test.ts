import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { buildLinkset, resolveDigitalLinkPath } from "./digital-link";

function rejection(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("Expected an AppError, but nothing was thrown.");
}

describe("resolveDigitalLinkPath", () => {
  it("reads the three levels", () => {
    expect(resolveDigitalLinkPath("/01/09506000134352")).toMatchObject({
      level: "product",
      gtin: "09506000134352",
      path: "/01/09506000134352",
    });
    expect(resolveDigitalLinkPath("/01/09506000134352/10/AB%2F1")).toMatchObject({
      level: "lot",
      lotCode: "AB/1",
      path: "/01/09506000134352/10/AB%2F1",
    });
    expect(resolveDigitalLinkPath("/01/09506000134352/10/L1/21/S9?17=261231")).toMatchObject({
      level: "serial",
      serial: "S9",
    });
  });

  it("refuses a wrong check digit and a short GTIN with lib/gs1's sentences", () => {
    expect(() => resolveDigitalLinkPath("/01/09506000134353/10/L1")).toThrow(/check digit/);
    expect(() => resolveDigitalLinkPath("/01/9506000134352")).toThrow(
      "A GTIN in a Digital Link has 14 digits: write 9506000134352 as 09506000134352.",
    );
  });

  it.each([
    ["/414/9520123456788/254/A1", "location GLN (414) 9520123456788"],
    ["/8003/09520123456788X1", "GRAI (8003) 09520123456788X1"],
    ["/00/106141411234567897", "SSCC (00) 106141411234567897"],
  ])("answers a valid link with another GS1 key, %s, as not found", (path, what) => {
    const error = rejection(() => resolveDigitalLinkPath(path));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe(
      `LotLedger has no page for the ${what}: it resolves products (/01/ and a GTIN), their lots and packages.`,
    );
  });
});

describe("buildLinkset", () => {
  it("anchors an RFC 9264 linkset on the Digital Link with the GS1 link types", () => {
    const target = resolveDigitalLinkPath("/01/09506000134352/10/L1");
    const [links] = buildLinkset(target, "https://lotledger.example/").linkset;
    expect(links?.anchor).toBe("https://lotledger.example/01/09506000134352/10/L1");
    expect(Object.keys(links ?? {})).toEqual(
      expect.arrayContaining([
        "https://gs1.org/voc/pip",
        "https://gs1.org/voc/traceability",
        "https://gs1.org/voc/recallStatus",
      ]),
    );
  });
});
