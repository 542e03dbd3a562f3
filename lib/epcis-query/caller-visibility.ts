import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { findVisibleLotIds } from "@/lib/lots/visibility";

// Who may see an EPCIS event (the visibility rule of lib/lots/visibility.ts, applied to events): a
// regulator sees every event; anyone else an event its organisation captured or recorded, and an
// event on a lot it may see. An event on no lot is its recorder's (and regulators') alone.

export type VisibilityRow = { organizationId: string; lotIds: string[] };

export type EventVisibility = {
  isRegulator: boolean;
  /** Which of these rows the caller may see; lots are looked up once per caller and request. */
  filter<R extends VisibilityRow>(rows: R[]): Promise<R[]>;
};

export function eventVisibility({
  db,
  member,
}: {
  db: Db;
  member: Pick<Member, "organization">;
}): EventVisibility {
  const isRegulator = member.organization.kind === "REGULATOR";
  const lotSeen = new Map<string, boolean>();
  const me = member.organization.id;
  return {
    isRegulator,
    async filter(rows) {
      if (isRegulator) return rows;
      const unknown = new Set<string>();
      for (const row of rows) {
        if (row.organizationId === me) continue;
        for (const lotId of row.lotIds) if (!lotSeen.has(lotId)) unknown.add(lotId);
      }
      if (unknown.size) {
        const visible = await findVisibleLotIds({ db, member, lotIds: [...unknown] });
        for (const lotId of unknown) lotSeen.set(lotId, visible.has(lotId));
      }
      return rows.filter(
        (row) => row.organizationId === me || row.lotIds.some((lotId) => lotSeen.get(lotId)),
      );
    },
  };
}
