import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { enqueueLedgerWrite } from "@/lib/events/ledger-write";
import { memberSiteGln } from "@/lib/events/locations";
import { parseGln } from "@/lib/gs1/keys";
import { assertCanRecord, assertHoldsCustody, requireTrackedLot } from "@/lib/lots/guards";
import { insertReadings } from "./insert-readings";
import { parseReadings } from "./parse-readings";
import { readingsRootOf } from "./reading-leaf";
import { readingsEvent } from "./readings-event";
import { HAVE_READINGS_RECORDED, RECORD_READINGS } from "./readings-refusal";

export type RecordedReadings = { writeId: string; count: number; merkleRoot: string };

/**
 * Records a batch of temperature readings of a lot the member's organisation holds: the rows, and
 * LotTracker.anchorReadings(lot, Merkle root, count) with its EPCIS payload in the outbox, in one
 * transaction. A refusal is one sentence and writes nothing. `readings` is checked here (zod), from
 * a route handler's JSON or from readingsFromCsv; `locationGln` says where they were taken, if known.
 */
export async function recordReadings({
  db,
  member,
  lotId,
  readings,
  locationGln,
  now = new Date(),
}: {
  db: Db;
  member: Member;
  lotId: string;
  readings: unknown;
  locationGln?: string | null;
  now?: Date;
}): Promise<RecordedReadings> {
  assertCanRecord(member, RECORD_READINGS);
  assertHoldsCustody(member, RECORD_READINGS);
  const parsed = parseReadings(readings, now);
  const gln = locationGln ? parseGln(locationGln) : null;
  return db.$transaction(
    async (tx) => {
      const lot = await requireTrackedLot(tx, member, lotId, HAVE_READINGS_RECORDED);
      const merkleRoot = readingsRootOf(lot.id, parsed);
      const payload = readingsEvent({
        lot,
        partyGln: member.organization.gln,
        locationGln: gln ?? (await memberSiteGln(tx, member)),
        readings: parsed,
        merkleRoot,
      });
      // The batch's root is what goes on-chain; the payload is kept beside it, hash and all.
      const { id } = await enqueueLedgerWrite(tx, member, {
        payload,
        call: () => ({
          method: "anchorReadings",
          args: [lot.id, merkleRoot, String(parsed.length)],
        }),
        lotId: lot.id,
      });
      await insertReadings(tx, {
        lotId: lot.id,
        ledgerTransactionId: id,
        recordedById: member.userId,
        locationGln: gln,
        readings: parsed,
      });
      return { writeId: id, count: parsed.length, merkleRoot };
    },
    // 10,000 rows and their Merkle tree take well under a second, but a busy machine is slower.
    { timeout: 30_000 },
  );
}
