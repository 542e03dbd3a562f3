import Link from "next/link";
import type { FollowedWrite } from "@/lib/ledger-writes/write-status";
import { LedgerWriteStatus } from "./ledger-write-status";

/**
 * The page of a lot the organisation just asked for (a harvest, a packing, a part shipped) before
 * the indexer has it: where its write stands; the lot's own page replaces it once it is on the
 * ledger.
 */
export function LotNotOnLedgerYet({ lotId, writes }: { lotId: string; writes: FollowedWrite[] }) {
  // A write about another lot (the lot a part is shipped from) does not name this one.
  const lotCode = writes.find((write) => write.lotId === lotId)?.lotCode;
  return (
    <>
      <h1 className="text-2xl font-bold">{lotCode ? `Lot ${lotCode}` : "New lot"}</h1>
      <LedgerWriteStatus writes={writes} />
      <Link href="/lots" className="self-start font-semibold text-ledger-700 underline">
        Lots held
      </Link>
    </>
  );
}
