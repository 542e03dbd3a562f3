import { readJson } from "@/lib/api/body";
import { respond } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/input";
import { removePackage } from "@/lib/recall";
import { removalRequest } from "@/lib/recall/terms";

/** POST { lotId, serial }: one package of the recall is off the shelf. 201 with the recall's progress. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ recallId: string }> },
) {
  return respond("POST /api/recalls/[recallId]/removals", 201, async () => {
    const member = await authenticateRequest(request, { scope: "RECALL" });
    const input = parseInput(removalRequest, await readJson(request));
    return removePackage({ db: getDb(), member, ...input, recallId: (await params).recallId });
  });
}
