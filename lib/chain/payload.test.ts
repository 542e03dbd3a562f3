import { keccak256, toUtf8Bytes } from "ethers";
import { describe, expect, it } from "vitest";
import { canonicalJson, hashPayload } from "./payload";

describe("payload hashing", () => {
  it("sorts keys at every level so key order never changes the hash", () => {
    const a = { unit: "kg", quantity: "12.5", meta: { b: 1, a: [2, { z: null, y: true }] } };
    const b = { meta: { a: [2, { y: true, z: null }], b: 1 }, quantity: "12.5", unit: "kg" };
    expect(canonicalJson(a)).toBe(
      '{"meta":{"a":[2,{"y":true,"z":null}],"b":1},"quantity":"12.5","unit":"kg"}',
    );
    expect(hashPayload(a)).toBe(hashPayload(b));
  });

  it("is keccak256 of the canonical UTF-8 text, and any change alters it", () => {
    const body = { lotCode: "LÖT-1", quantity: "10" };
    expect(hashPayload(body)).toBe(keccak256(toUtf8Bytes('{"lotCode":"LÖT-1","quantity":"10"}')));
    expect(hashPayload({ ...body, quantity: "11" })).not.toBe(hashPayload(body));
  });

  it("leaves out undefined members, as the JSON column the payload is stored in does", () => {
    const stored = JSON.parse(JSON.stringify({ a: 1, b: undefined, c: [{ d: undefined }] }));
    expect(canonicalJson({ a: 1, b: undefined, c: [{ d: undefined }] })).toBe('{"a":1,"c":[{}]}');
    expect(hashPayload({ a: 1, b: undefined, c: [{ d: undefined }] })).toBe(hashPayload(stored));
  });
});
