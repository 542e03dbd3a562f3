import { findMember } from "@/lib/auth/auth";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { waitForRecordedWrite } from "@/lib/events/ledger-write";
import { findMainSiteGln } from "@/lib/events/locations";
import { DEMO_ORGANIZATIONS } from "./demo-data";

/** The staff who record the demo story: the farm's, the carrier's and the store's. */
export type DemoCast = Record<"farm" | "carrier" | "store", Member & { siteGln: string }>;

const staffEmailOf = (kind: (typeof DEMO_ORGANIZATIONS)[number]["kind"]) =>
  DEMO_ORGANIZATIONS.find((organization) => organization.kind === kind)?.staff.email ?? "";

export async function findDemoCast(db: Db): Promise<DemoCast> {
  const memberOf = async (email: string) => {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const member = await findMember(db, user.id);
    const siteGln = member && (await findMainSiteGln(db, member.organization.id));
    if (!member || !siteGln) throw new Error(`The demo person ${email} has no organisation site.`);
    return { ...member, siteGln };
  };
  return {
    farm: await memberOf(staffEmailOf("FARM")),
    carrier: await memberOf(staffEmailOf("CARRIER")),
    store: await memberOf(staffEmailOf("RETAILER")),
  };
}

/**
 * Waits until a queued write is on the chain and indexed: each step of the story reads what the one
 * before it wrote (custody, the new lots), exactly as a person clicking through the app would wait.
 */
export function waitUntilRecorded(db: Db, chainId: number, timeoutMs = 60_000) {
  return async ({ writeId }: { writeId: string }): Promise<void> => {
    const state = await waitForRecordedWrite(db, { id: writeId, chainId, timeoutMs });
    if (state.status !== "CONFIRMED" || !state.isIndexed) {
      const why = state.status === "FAILED" ? state.error : `still ${state.status.toLowerCase()}`;
      throw new Error(`A demo ledger write was not recorded within ${timeoutMs / 1000} s: ${why}.`);
    }
  };
}
