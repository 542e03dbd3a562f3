import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertSessionRequest, CROSS_SITE_REFUSAL } from "./session-request";

const APP_URL = "https://lotledger.example";
const JSON_ONLY = { accepts: ["application/json"], appUrl: APP_URL };

function post(headers: Record<string, string>, method = "POST") {
  return new Request("http://10.0.0.5:3000/api/lots", { method, headers });
}

function outcome(request: Request, options = JSON_ONLY): string {
  try {
    assertSessionRequest(request, options);
    return "accepted";
  } catch (error) {
    if (error instanceof AppError) return `${error.httpStatus} ${error.message}`;
    throw error;
  }
}

describe("a write on a session cookie", () => {
  const json = { "content-type": "application/json" };

  it("is accepted from APP_URL's origin, or from the host it was sent to", () => {
    expect(outcome(post({ ...json, origin: APP_URL }))).toBe("accepted");
    expect(outcome(post({ ...json, origin: "http://10.0.0.5:3000", host: "10.0.0.5:3000" }))).toBe(
      "accepted",
    );
    expect(outcome(post({ ...json, "sec-fetch-site": "same-origin" }))).toBe("accepted");
  });

  it("is refused from another site, from a sibling subdomain, or with no origin at all", () => {
    const refused: Record<string, string>[] = [
      { origin: "https://evil.example", host: "lotledger.example" },
      { origin: "https://shop.lotledger.example", host: "lotledger.example" },
      { origin: "null" },
      { "sec-fetch-site": "same-site" },
      {},
    ];
    for (const headers of refused) {
      expect(outcome(post({ ...json, ...headers }))).toBe(`403 ${CROSS_SITE_REFUSAL}`);
    }
  });

  it("must carry a body type no cross-site form can send", () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]) {
      expect(outcome(post({ origin: APP_URL, "content-type": type }))).toBe(
        "415 Send the request body as application/json, with that Content-Type.",
      );
    }
    const readings = { accepts: ["application/json", "text/csv"], appUrl: APP_URL };
    expect(
      outcome(post({ origin: APP_URL, "content-type": "text/csv; charset=utf-8" }), readings),
    ).toBe("accepted");
  });

  it("is not asked for when reading", () => {
    expect(outcome(post({ origin: "https://evil.example" }, "GET"))).toBe("accepted");
  });
});
