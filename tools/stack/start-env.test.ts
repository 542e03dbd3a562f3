import { describe, expect, it } from "vitest";
import { readStartEnv } from "./start-env";

describe("DEMO_LOTS", () => {
  it("is on unless set to off; blank counts as unset", () => {
    expect(readStartEnv({}).DEMO_LOTS).toBeUndefined();
    expect(readStartEnv({ DEMO_LOTS: "" }).DEMO_LOTS).toBeUndefined();
    expect(readStartEnv({ DEMO_LOTS: "off" }).DEMO_LOTS).toBe("off");
  });

  it("names any other value and says what to set", () => {
    expect(() => readStartEnv({ DEMO_LOTS: "no" })).toThrow(
      'DEMO_LOTS is "no": set it to on (the default: seed the demo story\'s lots on a fresh ledger) or off.',
    );
  });
});
