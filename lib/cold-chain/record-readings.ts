import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enqueueLedgerWrite } from "@/lib/events/ledger-write";
import { memberSiteGln } from "@/lib/events/locations";
import { parseGln } from "@/lib/gs1/keys";
import {
  assertCanRecord,
  assertHoldsCustody,
  notHeldMessage,
  requireTrackedLot,
} from "@/lib/lots/guards";
import {
  custodyWindows,
  findCustodyEvents,
  isWithin,
  utcText,
  windowsText,
} from "./custody-window";
import { CLOCK_SKEW_MS, parseReadings, readingLabel } from "./input";
import { insertReadings } from "./insert-readings";
import { raiseColdChainAlerts } from "./raise-alerts";
import { type AnchoredReading, readingsRootOf } from "./reading-leaf";
import { readingsEvent } from "./readings-event";

/** What a member tries, in the words of the refusals ("…ask a colleague … to record …"). */
const RECORD_READINGS = "record temperature readings";
/** Completes "…so it cannot … here". */
const HAVE_READINGS_RECORDED = "have readings recorded";

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
  assertMayRecordReadings(member);
  const parsed = parseReadings(readings, now);
  const gln = locationGln ? parseGln(locationGln) : null;
  return db.$transaction(
    async (tx) => {
      const lot = await requireTrackedLot(tx, member, lotId, HAVE_READINGS_RECORDED);
      await assertWithinCustody(tx, { member, lot, readings, parsed, now });
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
      // The alerts exist exactly when the readings that raise them do.
      await raiseColdChainAlerts({ db: tx, lotId: lot.id });
      return { writeId: id, count: parsed.length, merkleRoot };
    },
    // 10,000 rows and their Merkle tree take well under a second, but a busy machine is slower.
    { timeout: 30_000 },
  );
}

/**
 * Refuses a member who may record no readings at all (read-only, or a regulator), in recordReadings'
 * own sentences: the API asks before it reads a logger's upload, so a refusal costs no parsing.
 */
export function assertMayRecordReadings(member: Member): void {
  assertCanRecord(member, RECORD_READINGS);
  assertHoldsCustody(member, RECORD_READINGS);
}

/**
 * Why the member may not record readings of this lot, in recordReadings' own sentences, or null:
 * the readings page shows it instead of the form (recordReadings decides for good on submit).
 */
export function readingsRefusal(
  member: Parameters<typeof assertCanRecord>[0],
  lot: { status: string; custodian: { address: string } },
): string | null {
  try {
    assertCanRecord(member, RECORD_READINGS);
    assertHoldsCustody(member, RECORD_READINGS);
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  return lot.custodian.address === member.organization.chainAddress && lot.status !== "CONSUMED"
    ? null
    : notHeldMessage(HAVE_READINGS_RECORDED);
}

/**
 * Refuses a batch with a reading taken outside the recorder's custody window (before the lot was
 * created or shipped to it, after it passed the lot on): a holder vouches only for its own time, so
 * a reading from before the harvest is never shown as anyone's cold chain. Names the first one.
 */
async function assertWithinCustody(
  tx: Tx,
  batch: {
    member: Member;
    lot: { id: string; lotCode: string };
    readings: unknown;
    parsed: readonly AnchoredReading[];
    now: Date;
  },
): Promise<void> {
  const { member, lot, parsed, now } = batch;
  const windows = custodyWindows(
    await findCustodyEvents(tx, lot.id),
    member.organization.chainAddress,
  );
  // A window open until now stays open as far as a logger's clock may run ahead (parseReadings).
  const until = new Date(now.getTime() + CLOCK_SKEW_MS);
  const index = parsed.findIndex((reading) => !isWithin(windows, reading.takenAt, until));
  if (index === -1) return;
  const raw = Array.isArray(batch.readings) ? batch.readings[index] : null;
  const who = member.organization.name;
  throw new AppError(
    "INVALID_INPUT",
    `${readingLabel(raw, index)}: the reading at ${utcText((parsed[index] as AnchoredReading).takenAt)} is outside the time ${who} held lot ${lot.lotCode} or it was on its way to or from ${who} (${windowsText(windows)}); record only readings from that time.`,
  );
}
