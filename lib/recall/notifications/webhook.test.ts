import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, retryDelayMs } from "./deliver";
import { signWebhook } from "./webhook";

describe("signWebhook", () => {
  it("is HMAC-SHA256 over timestamp.body, as `openssl dgst -sha256 -hmac` computes it", () => {
    // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test'
    expect(signWebhook("whsec_test", 1_700_000_000, '{"a":1}')).toBe(
      "sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789",
    );
  });
});

describe("retryDelayMs", () => {
  const noJitter = () => 0;

  it("doubles from the base after each failed attempt", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 5_000, noJitter))).toEqual([
      5_000, 10_000, 20_000, 40_000,
    ]);
  });

  it("waits at most six hours, plus at most a tenth at random", () => {
    expect(retryDelayMs(MAX_ATTEMPTS, 5_000, noJitter)).toBe(6 * 3_600_000);
    expect(retryDelayMs(1, 5_000, () => 0.999)).toBe(5_500);
  });
});
