import { describe, expect, it } from "vitest";
import { MAX_CAPTURE_BYTES } from "./limits";
import { readCaptureRequest } from "./read-capture-request";

// The refusals of a capture request's body, each in the sentence the partner's developer reads.

const post = (body: string, headers: Record<string, string>) =>
  new Request("http://lotledger.test/epcis/capture", { method: "POST", body, headers });

describe("readCaptureRequest", () => {
  it("reads JSON-LD, hashes the body's bytes and defaults to rollback", async () => {
    const read = await readCaptureRequest(
      post('{"type":"EPCISDocument"}', { "content-type": "application/ld+json; charset=utf-8" }),
    );
    expect(read).toEqual({
      body: { type: "EPCISDocument" },
      text: '{"type":"EPCISDocument"}',
      // sha-256 of the exact bytes sent, as the answer reports it.
      payloadHash: "0cc3944d39319ef05f43625169000c5a6419b81c8b8dbe99432b93e7c6103448",
      errorBehaviour: "ROLLBACK",
    });
  });

  it("takes GS1-Capture-Error-Behaviour: proceed, and refuses another value", async () => {
    const headers = { "content-type": "application/json" };
    const proceed = post("{}", { ...headers, "GS1-Capture-Error-Behaviour": "proceed" });
    expect((await readCaptureRequest(proceed)).errorBehaviour).toBe("PROCEED");
    const greedy = post("{}", { ...headers, "GS1-Capture-Error-Behaviour": "greedy" });
    await expect(readCaptureRequest(greedy)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "GS1-Capture-Error-Behaviour is “greedy”: send rollback (the default) or proceed.",
    });
  });

  it("refuses a body that is not JSON", async () => {
    await expect(
      readCaptureRequest(post("<epcis:EPCISDocument/>", { "content-type": "application/json" })),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message:
        "The body is not JSON: send an EPCIS 2.0 document as JSON-LD (or one event, to /epcis/events).",
    });
  });

  it("refuses a NUL character, which the database cannot store", async () => {
    const body = '{"type":"EPCISDocument","note":"a\\u0000b"}';
    await expect(
      readCaptureRequest(post(body, { "content-type": "application/json" })),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message:
        "The document contains a NUL character (\\u0000), which no EPCIS field needs and LotLedger cannot store: remove it.",
    });
  });

  it("refuses another content type", async () => {
    await expect(
      readCaptureRequest(post("<x/>", { "content-type": "application/xml" })),
    ).rejects.toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE",
      message:
        "Send the EPCIS document as JSON-LD or JSON, with Content-Type application/ld+json or application/json (this request said “application/xml”).",
    });
  });

  it("refuses a body above the capture's file size limit (413)", async () => {
    const request = post("{}", {
      "content-type": "application/json",
      "content-length": String(MAX_CAPTURE_BYTES + 1),
    });
    await expect(readCaptureRequest(request)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message:
        "The document is larger than 32 MiB (GS1-EPCIS-Capture-File-Size-Limit): split it into several documents.",
    });
  });
});
