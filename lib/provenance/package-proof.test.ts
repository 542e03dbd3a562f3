import { ZeroHash } from "ethers";
import { describe, expect, it } from "vitest";
import { lotIdOf } from "@/lib/chain/lot-id";
import { generateSerials, serialProofOf, serialsRootOf } from "@/lib/packages/serials";
import { indexLotPackages, provePackage } from "./package-proof";

const lotId = lotIdOf("09506000134352", "PROOF-1");
const serials = generateSerials(13);
const root = serialsRootOf(lotId, serials);

describe("provePackage", () => {
  it("proves every package of the lot against the on-chain root", () => {
    const packages = indexLotPackages(lotId, [...serials].reverse());
    for (const serial of serials) {
      const proof = provePackage(packages, root, serial);
      expect(proof).toMatchObject({
        serial,
        packageCount: 13,
        serialsRoot: root,
        isVerified: true,
      });
      // The same proof lib/packages/serials.ts gives, from a tree built once for the lot.
      expect(proof?.proof).toEqual(serialProofOf(lotId, serials, serial));
    }
  });

  it("answers null for a serial that is not one of the lot's packages", () => {
    expect(provePackage(indexLotPackages(lotId, serials), root, "NOTINLOT22")).toBeNull();
  });

  it("verifies nothing from a tampered list: a serial added, removed or altered", () => {
    const [first, second] = serials as [string, string];
    const tampered = {
      added: [...serials, "FORGED2345"],
      removed: serials.slice(1),
      // The last character changed (to one it is not: the serials are random).
      altered: [`${first.slice(0, 9)}${first.endsWith("Z") ? "Y" : "Z"}`, ...serials.slice(1)],
    };
    for (const [how, list] of Object.entries(tampered)) {
      const packages = indexLotPackages(lotId, list);
      for (const serial of [second, "FORGED2345"]) {
        const proof = provePackage(packages, root, serial);
        if (proof) expect(proof.isVerified, `${how}: ${serial}`).toBe(false);
      }
      expect(provePackage(packages, root, second)).not.toBeNull();
    }
  });

  it("verifies nothing against another lot's root, or a lot registered without packages", () => {
    const packages = indexLotPackages(lotId, serials);
    const otherRoot = serialsRootOf(lotIdOf("09506000134352", "PROOF-2"), serials);
    expect(provePackage(packages, otherRoot, serials[0] as string)?.isVerified).toBe(false);
    for (const none of [null, ZeroHash]) {
      expect(provePackage(packages, none, serials[0] as string)).toMatchObject({
        isVerified: false,
        serialsRoot: null,
      });
    }
  });
});
