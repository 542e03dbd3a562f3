import { hexlify, id, type JsonRpcSigner, toUtf8Bytes, ZeroHash, zeroPadBytes } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import { decodeLotCode, encodeLotCode } from "@/lib/chain/lot-id";
import { createLot, deployTracker, GTIN, newAccount, provider, revertOf, send } from "./fixtures";

// The contract takes only lot codes the indexer can always read back (issue 13, finding 3): printable
// ASCII from the first byte, then zero bytes. A code with a NUL in the middle, bytes that are not
// UTF-8, or control characters used to stop the indexer on its batch for ever.

let tracker: LotTracker;
let producer: JsonRpcSigner;
let sequence = 0;

beforeAll(async () => {
  ({ tracker } = await deployTracker());
  producer = await newAccount(tracker, ["PRODUCER"]);
});

afterAll(() => provider.destroy());

/** A bytes20 lot code from raw bytes: a unique two-letter start, then `bytes`, then zeros. */
function rawLotCode(bytes: number[]): string {
  sequence += 1;
  const start = [0x41 + (sequence % 26), 0x41 + Math.floor(sequence / 26)];
  return zeroPadBytes(hexlify(Uint8Array.from([...start, ...bytes])), 20);
}

const createLotWith = (lotCode: string) =>
  tracker.connect(producer).createLot(BigInt(GTIN), lotCode, id("payload"), ZeroHash);

describe("lot codes on the ledger", () => {
  it.each([
    ["a NUL in the middle", [0x00, 0x42]],
    ["bytes that are not UTF-8", [0xc3]],
    ["a character beyond ASCII (UTF-8 Ä)", [...toUtf8Bytes("Ä")]],
    ["a space", [0x20, 0x42]],
    ["a control character", [0x1f]],
    ["DEL", [0x7f]],
    ["a byte 0xFF", [0xff]],
  ])("refuses %s with LotTrackerInvalidLotCode", async (_, bytes) => {
    const lotCode = rawLotCode(bytes);
    expect(await revertOf(createLotWith(lotCode))).toEqual({
      name: "LotTrackerInvalidLotCode",
      args: [lotCode],
    });
  });

  it("refuses a code that starts with a zero byte", async () => {
    const lotCode = zeroPadBytes(hexlify(Uint8Array.from([0x00, 0x41])), 20);
    expect(await revertOf(createLotWith(lotCode))).toEqual({
      name: "LotTrackerInvalidLotCode",
      args: [lotCode],
    });
  });

  it("refuses an invalid code in every output of a lineage operation", async () => {
    const input = await createLot(tracker, producer);
    const lotCode = rawLotCode([0x00, 0x42]);
    const output = { gtin: BigInt(GTIN), lotCode, serialsRoot: ZeroHash };
    const valid = { ...output, lotCode: encodeLotCode(`OK-${Date.now()}`) };
    const as = tracker.connect(producer);
    const expected = { name: "LotTrackerInvalidLotCode", args: [lotCode] };
    expect(await revertOf(as.split(input, [valid, output], id("x")))).toEqual(expected);
    expect(await revertOf(as.transform([input], [output], id("x")))).toEqual(expected);
  });

  it("accepts every printable ASCII character, '!' to '~', and all 20 bytes used", async () => {
    const printable = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => 0x21 + i);
    const stamp = Date.now().toString(36).slice(-4);
    for (let start = 0; start < printable.length; start += 16) {
      const code = `${stamp}${String.fromCharCode(...printable.slice(start, start + 16))}`;
      expect((await send(createLotWith(encodeLotCode(code)))).status).toBe(1);
      expect(decodeLotCode(encodeLotCode(code))).toBe(code);
    }
  });
});
