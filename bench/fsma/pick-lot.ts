import type { Db } from "@/lib/db/client";
import { CTE_EVENT_NAMES, traceBack, traceForward } from "@/lib/trace";

/**
 * Of these lots, the one whose full trace (back and forward) has the number of CTE events nearest
 * to `rows` — the rows of its FSMA 204 spreadsheet — counted without building the spreadsheet.
 */
export async function pickLotWithTraceRows(
  db: Db,
  lotIds: readonly string[],
  rows: number,
): Promise<{ lotId: string; events: number }> {
  let best = { lotId: lotIds[0] as string, events: 0 };
  for (const lotId of lotIds) {
    const [back, forward] = await Promise.all([
      traceBack({ db, lotId }),
      traceForward({ db, lotId }),
    ]);
    const ids = [
      ...new Set([...(back?.lots ?? []), ...(forward?.lots ?? [])].map((lot) => lot.id)),
    ];
    const events = await db.ledgerEvent.count({
      where: { lotId: { in: ids }, name: { in: CTE_EVENT_NAMES } },
    });
    if (Math.abs(events - rows) < Math.abs(best.events - rows)) best = { lotId, events };
    if (events === rows) break;
  }
  return best;
}
