import { readJson, respond } from "@/lib/api/respond";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { parseLiftInput } from "@/lib/recall/lift-input";
import { liftRecall } from "@/lib/recall/lift-recall";

/** POST { reason }: lift the recall. 202 with the ledger write's id: it is lifted once recorded. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ recallId: string }> },
) {
  return respond("POST /api/recalls/[recallId]/lift", 202, async () => {
    const member = await authenticate();
    const input = parseLiftInput(await readJson(request));
    const { recallId } = await params;
    return liftRecall({ db: getDb(), member, recallId, input, appUrl: getEnv().APP_URL });
  });
}
