import { describe, expect, it } from "vitest";
import { decideOffline } from "./decide-offline";
import type { OfflineLot, OfflineSnapshot } from "./snapshot-terms";

const GTIN = "09506000134352";
const lot = (lotCode: string, extra: Partial<OfflineLot> = {}): OfflineLot => ({
  lotId: `id-${lotCode}`,
  gtin: GTIN,
  lotCode,
  product: "Romaine",
  holding: "incoming",
  recall: null,
  ...extra,
});
const snapshot = (lots: OfflineLot[], canWrite = true): OfflineSnapshot => ({
  takenAt: "2026-12-02T10:00:00Z",
  organization: "FreshMart",
  canWrite,
  lots,
});
const recalled = { recallId: "rc1", recalledLotCode: "H-1" };

describe("decideOffline", () => {
  it("offers Accept for a lot on its way to the organisation", () => {
    const decision = decideOffline(`(01)${GTIN}(10)IN-1`, snapshot([lot("IN-1")]));
    expect(decision).toMatchObject({
      kind: "offer",
      button: "Accept lot IN-1",
      action: { kind: "receive", lotId: "id-IN-1", lotCode: "IN-1", product: "Romaine" },
    });
  });

  it("offers Mark removed for a package of a recalled lot the organisation holds", () => {
    const held = lot("R-1", { holding: "held", recall: recalled });
    const decision = decideOffline(`https://x.test/01/${GTIN}/10/R-1/21/S9`, snapshot([held]));
    expect(decision).toMatchObject({
      kind: "offer",
      button: "Mark package S9 removed",
      action: { kind: "remove", recallId: "rc1", lotId: "id-R-1", serial: "S9" },
    });
  });

  it("puts the recall before Accept, and advises when there is nothing to queue", () => {
    const incoming = lot("R-2", { recall: recalled });
    expect(decideOffline(`(01)${GTIN}(10)R-2`, snapshot([incoming]))).toEqual({
      kind: "recalled",
      lot: incoming,
      advice: "Take every package of this lot off the shelf.",
    });
    const elsewhere = lot("R-3", { holding: "held", recall: { ...recalled, recallId: null } });
    expect(decideOffline(`(01)${GTIN}(10)R-3(21)S1`, snapshot([elsewhere]))).toMatchObject({
      kind: "recalled",
      advice: "Take package S1 off the shelf, and mark it removed when the phone is back online.",
    });
  });

  it("queues nothing for a read-only account or a lot it holds", () => {
    expect(decideOffline(`(01)${GTIN}(10)IN-1`, snapshot([lot("IN-1")], false))).toMatchObject({
      kind: "held",
      message: "Your account is read-only: it queues no actions.",
    });
    expect(
      decideOffline(`(01)${GTIN}(10)H-2`, snapshot([lot("H-2", { holding: "held" })])),
    ).toMatchObject({
      kind: "held",
      message: "FreshMart holds lot H-2: ship it or record an event when the phone is back online.",
    });
  });

  it("refuses, with a sentence, a code it cannot read or a lot it was not told of", () => {
    expect(decideOffline(`(01)${GTIN}(10)NEW-1`, snapshot([]))).toEqual({
      kind: "refused",
      message:
        "Lot NEW-1 is not among the lots this phone saved for offline use: scan it again when the phone is back online.",
    });
    expect(decideOffline(`(01)${GTIN}(10)NEW-1`, null)).toMatchObject({ kind: "refused" });
    expect(decideOffline(GTIN, snapshot([]))).toEqual({
      kind: "refused",
      message:
        "Offline, only a code with the product and lot number (01 and 10) can be answered: scan the package's QR code or GS1 DataMatrix.",
    });
    expect(decideOffline("(01)09506000134353(10)X", snapshot([]))).toMatchObject({
      kind: "refused",
      message: expect.stringContaining("check digit"),
    });
  });
});
