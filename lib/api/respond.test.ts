import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { respond, respondCsv } from "./respond";

const logged = vi.spyOn(console, "error").mockImplementation(() => {});
afterEach(() => logged.mockClear());

describe("respondCsv", () => {
  it("answers the file with a BOM and logs nothing: a download is not an error", async () => {
    const response = await respondCsv("GET scope.csv", async () => ({
      filename: "scope.csv",
      csv: "lot,holder\nA-1,Pêcherie\n",
    }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="scope.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.toString("utf8")).toBe("\uFEFFlot,holder\nA-1,Pêcherie\n");
    expect(logged).not.toHaveBeenCalled();
  });

  it("answers a refusal as JSON with its status, also without logging", async () => {
    const response = await respondCsv("GET scope.csv", async () => {
      throw new AppError("NOT_FOUND", "No lot has this id.");
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "No lot has this id.", code: "NOT_FOUND" });
    expect(logged).not.toHaveBeenCalled();
  });

  it("logs an unexpected failure once, with the id the answer gives", async () => {
    const response = await respondCsv("GET scope.csv", async () => {
      throw new Error("connection lost");
    });
    expect(response.status).toBe(500);
    const { error } = await response.json();
    const errorId = /error id (\w+)/.exec(error)?.[1];
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]?.[0]).toBe(`[GET scope.csv] unexpected error ${errorId}`);
  });
});

describe("respond", () => {
  it("tells a client that is refused for too many requests when to come back", async () => {
    const response = await respond("GET", 200, async () => {
      throw new AppError("TOO_MANY_REQUESTS", "Too many requests.", { retryAfterSeconds: 42 });
    });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("42");
  });
});
