import { readJson } from "@/lib/api/body";
import { respond } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { parseInput } from "@/lib/input";
import { liftRecall } from "@/lib/recall";
import { liftInput } from "@/lib/recall/terms";

/** POST { reason }: lift the recall. 202 with the ledger write's id: it is lifted once recorded. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ recallId: string }> },
) {
  return respond("POST /api/recalls/[recallId]/lift", 202, async () => {
    const member = await authenticateRequest(request, { scope: "RECALL" });
    const input = parseInput(liftInput, await readJson(request));
    const { recallId } = await params;
    return liftRecall({ db: getDb(), member, recallId, input, appUrl: getEnv().APP_URL });
  });
}
