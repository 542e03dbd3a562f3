import { readJson } from "@/lib/api/body";
import { readIdempotencyKey } from "@/lib/api/idempotency";
import { respond } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/input";
import { removePackage } from "@/lib/recall";
import { removalRequest } from "@/lib/recall/terms";

/**
 * POST { lotId, serial }: one package of the recall is off the shelf. 201 with the recall's progress.
 * Exactly once by nature: a package is removed once (`wasAlreadyRemoved` on a repeat), so an
 * `Idempotency-Key` is checked for its form and needs no row of its own.
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ recallId: string }> },
) {
  return respond("POST /api/recalls/[recallId]/removals", 201, async () => {
    const member = await authenticateRequest(request, { scope: "RECALL" });
    readIdempotencyKey(request);
    const input = parseInput(removalRequest, await readJson(request));
    return removePackage({ db: getDb(), member, ...input, recallId: (await params).recallId });
  });
}
