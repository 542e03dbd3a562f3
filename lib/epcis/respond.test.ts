import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { respondEpcis } from "./respond";

describe("respondEpcis", () => {
  it("answers a refusal as the bindings' RFC 7807 problem, the sentence as its detail", async () => {
    const response = await respondEpcis("test", async () => {
      throw new AppError("INVALID_INPUT", "orderBy must be eventTime or recordTime.");
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toEqual({
      type: "epcisException:QueryParameterException",
      title: "Invalid query parameter",
      status: 400,
      detail: "orderBy must be eventTime or recordTime.",
    });
  });

  it("answers JSON with the EPCIS version headers and the route's own headers", async () => {
    const response = await respondEpcis("test", async () => ({
      body: { type: "Collection", member: [] },
      headers: { link: '<http://x/epcis/epcs?nextPageToken=a>; rel="next"' },
    }));
    expect(response.headers.get("GS1-EPCIS-Version")).toBe("2.0.1");
    expect(response.headers.get("link")).toBe('<http://x/epcis/epcs?nextPageToken=a>; rel="next"');
  });
});
