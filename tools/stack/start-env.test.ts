import { describe, expect, it } from "vitest";
import { demoModeOf, readStartEnv } from "./start-env";

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

describe("DEMO: the demo organisations and logins", () => {
  const DATABASE_URL = "postgresql://lotledger:pw@db.example.internal:5432/lotledger";
  const RPC_URL = "https://besu.example:8545";
  const modeOf = (source: Record<string, string>) => demoModeOf(readStartEnv(source));

  it("names a bad value in one sentence", () => {
    expect(() => readStartEnv({ DEMO: "yes" })).toThrow(
      'DEMO is "yes": set it to on (the demo organisations and their public logins; the embedded database and chain only, where it is the default) or off.',
    );
  });

  it("is on by default with the embedded database and chain only, and off with DEMO=off", () => {
    expect(modeOf({})).toEqual({ isOn: true });
    expect(modeOf({ DEMO: "on" })).toEqual({ isOn: true });
    expect(modeOf({ DEMO: "off" })).toEqual({ isOn: false, why: "DEMO is off" });
  });

  it("is off against the operator's database or chain", () => {
    expect(modeOf({ DATABASE_URL })).toEqual({ isOn: false, why: "DATABASE_URL is set" });
    expect(modeOf({ RPC_URL })).toEqual({ isOn: false, why: "RPC_URL is set" });
    expect(modeOf({ DATABASE_URL, RPC_URL, DEMO: "" })).toEqual({
      isOn: false,
      why: "DATABASE_URL and RPC_URL are set",
    });
  });

  it("refuses DEMO=on against the operator's database or chain, saying what to unset", () => {
    expect(() => modeOf({ RPC_URL, DEMO: "on" })).toThrow(
      'DEMO is "on", but RPC_URL is set: the demo organisations and their public password are only for the embedded database and chain, so unset DEMO (or unset RPC_URL to try the demo).',
    );
  });
});
