import { readJson } from "@/lib/api/body";
import { respond } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/input";
import { reportDisposition } from "@/lib/recall";
import { dispositionInput } from "@/lib/recall/terms";

/**
 * POST { lotId, quantities: { REMOVED_FROM_SALE, DESTROYED, RETURNED_TO_SUPPLIER, ALREADY_SOLD } }:
 * what became of one lot the caller's organisation holds. 201 with the recall's progress.
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ recallId: string }> },
) {
  return respond("POST /api/recalls/[recallId]/dispositions", 201, async () => {
    const member = await authenticateRequest(request, { scope: "RECALL" });
    const input = parseInput(dispositionInput, await readJson(request));
    const { recallId } = await params;
    return reportDisposition({ db: getDb(), member, recallId, input });
  });
}
