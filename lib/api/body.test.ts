import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readJson, readText } from "./body";

/** A request whose body arrives in chunks, with no Content-Length: as a chunked upload does. */
function streamed(chunks: string[]): { request: Request; pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[pulled++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(new TextEncoder().encode(chunk));
    },
  });
  const request = new Request("http://lotledger.test/api", {
    method: "POST",
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.catch((e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${error}`);
  return error;
}

describe("readText", () => {
  it("refuses a declared length above the limit before reading anything", async () => {
    const request = new Request("http://lotledger.test/api", {
      method: "POST",
      body: "x".repeat(2_001),
      headers: { "content-length": "2001" },
    });
    const error = await refusal(readText(request, { maxBytes: 2_000 }));
    expect(error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", httpStatus: 413 });
    expect(error.message).toBe("The request body is larger than 0.002 MB: send less at a time.");
    expect(request.bodyUsed).toBe(false);
  });

  it("stops reading a chunked body as soon as it passes the limit, with the route's sentence", async () => {
    const { request, pulled } = streamed(["a".repeat(600), "b".repeat(600), "c".repeat(600), "d"]);
    const error = await refusal(
      readText(request, { maxBytes: 1_000, tooLarge: "Send at most 10 readings at a time." }),
    );
    expect(error.message).toBe("Send at most 10 readings at a time.");
    expect(pulled()).toBeLessThan(4);
  });

  it("reads a body within the limit whole", async () => {
    const { request } = streamed(["time,celsius\n", "2026-11-24T06:00:00Z,3.5\n"]);
    expect(await readText(request, { maxBytes: 1_000 })).toBe(
      "time,celsius\n2026-11-24T06:00:00Z,3.5\n",
    );
  });
});

describe("readJson", () => {
  it("parses JSON, and says so when the body is not", async () => {
    const json = new Request("http://lotledger.test/api", { method: "POST", body: '{"a":1}' });
    expect(await readJson(json)).toEqual({ a: 1 });
    const text = new Request("http://lotledger.test/api", { method: "POST", body: "a=1" });
    expect((await refusal(readJson(text))).message).toBe("The request body must be JSON.");
  });
});
