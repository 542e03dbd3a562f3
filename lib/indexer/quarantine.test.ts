import { describe, expect, it } from "vitest";
import { quarantineBanner } from "./quarantine";

describe("the start-up banner's quarantine line", () => {
  it("says how many events are quarantined and where to read why, and nothing when none are", () => {
    expect(quarantineBanner(0)).toBeNull();
    expect(quarantineBanner(1)).toBe(
      "⚠ 1 ledger event is quarantined: the indexer could not apply it and moved on; `npm run verify` names each with the reason",
    );
    expect(quarantineBanner(3)).toMatch(/^⚠ 3 ledger events are quarantined: /);
  });
});
