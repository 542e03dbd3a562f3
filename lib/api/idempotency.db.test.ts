import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { receiveLot } from "@/lib/events/receiving";
import { handOffLot } from "@/lib/events/shipping";
import { NO_SUCH_LOT } from "@/lib/lots/visibility";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { writeOnce } from "./idempotency";

// Issue 16: an offline phone resends its queue; the API applies each Idempotency-Key once per
// organisation, and a refused request leaves the key free.

let world: LedgerWorld;

beforeAll(async () => {
  world = await createLedgerWorld();
});

afterAll(async () => {
  await world.drop();
});

/** A harvest of the farm, shipped to the packer and not yet answered. */
async function lotOnItsWay(lotCode: string): Promise<string> {
  const { farm, packer } = world.members;
  const lotId = await world.harvest(lotCode);
  await handOffLot({
    db: world.db,
    member: farm,
    lotId,
    input: { recipientGln: packer.organization.gln },
  });
  await world.settle();
  return lotId;
}

const accept = (member: Member, lotId: string, key: string) =>
  writeOnce({
    db: world.db,
    member,
    key,
    write: async () => ({
      lotId,
      ...(await receiveLot({
        db: world.db,
        member,
        lotId,
        input: { decision: "accept" },
        idempotencyKey: key,
      })),
    }),
  });

const keyedWrites = (idempotencyKey: string) =>
  world.db.ledgerTransaction.findMany({ where: { idempotencyKey } });

describe("writeOnce", () => {
  it("answers the same key twice with the first write and writes once", async () => {
    const lotId = await lotOnItsWay("IDEM-TWICE");
    const key = crypto.randomUUID();
    const first = await accept(world.members.packer, lotId, key);
    const again = await accept(world.members.packer, lotId, key);
    expect(first).toEqual({
      status: 202,
      answer: { writeId: expect.any(String), lotId, status: "PENDING" },
    });
    expect(again).toEqual({ status: 200, answer: first.answer });
    expect(await keyedWrites(key)).toHaveLength(1);
  });

  it("answers two requests racing with one key with one write", async () => {
    const lotId = await lotOnItsWay("IDEM-RACE");
    const key = crypto.randomUUID();
    const answers = await Promise.all([
      accept(world.members.packer, lotId, key),
      accept(world.members.packer, lotId, key),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 202]);
    expect(answers[0]?.answer).toEqual(answers[1]?.answer);
    expect(await keyedWrites(key)).toHaveLength(1);
  });

  it("keeps each organisation's keys apart: the same key from two writes two", async () => {
    const { farm, packer, carrier } = world.members;
    const key = crypto.randomUUID();
    const toPacker = await lotOnItsWay("IDEM-ORG-P");
    const toCarrier = await world.harvest("IDEM-ORG-C");
    await handOffLot({
      db: world.db,
      member: farm,
      lotId: toCarrier,
      input: { recipientGln: carrier.organization.gln },
    });
    await world.settle();
    const byPacker = await accept(packer, toPacker, key);
    const byCarrier = await accept(carrier, toCarrier, key);
    expect([byPacker.status, byCarrier.status]).toEqual([202, 202]);
    expect(byPacker.answer.writeId).not.toBe(byCarrier.answer.writeId);
    expect(await keyedWrites(key)).toHaveLength(2);
  });

  it("leaves no row for a refused request, so its key stays free", async () => {
    const { farm, packer } = world.members;
    const lotId = await world.harvest("IDEM-REFUSED");
    const key = crypto.randomUUID();
    const refusal = await accept(packer, lotId, key).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    // Not yet shipped to the packer, the lot is not the packer's to see (lib/lots/visibility).
    expect((refusal as AppError).message).toBe(NO_SUCH_LOT);
    expect(await keyedWrites(key)).toHaveLength(0);
    await handOffLot({
      db: world.db,
      member: farm,
      lotId,
      input: { recipientGln: packer.organization.gln },
    });
    await world.settle();
    expect(await accept(packer, lotId, key)).toMatchObject({ status: 202 });
    expect(await keyedWrites(key)).toHaveLength(1);
  });
});
