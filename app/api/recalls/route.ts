import { readJson } from "@/lib/api/body";
import { respond } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { parseInput } from "@/lib/input";
import { findRecalls, startRecall } from "@/lib/recall";
import { recallRequest } from "@/lib/recall/terms";

/** GET: the recalls the caller's organisation follows (all of them for a regulator). */
export async function GET(request: Request) {
  return respond("GET /api/recalls", 200, async () => {
    const recalls = await findRecalls({
      db: getDb(),
      member: await authenticateRequest(request, { scope: "READ" }),
    });
    return { recalls };
  });
}

/** POST { lotId, reason, severity }: recall a lot. 202 with the recall's id and its ledger write's. */
export async function POST(request: Request) {
  return respond("POST /api/recalls", 202, async () => {
    const member = await authenticateRequest(request, { scope: "RECALL" });
    const { lotId, ...input } = parseInput(recallRequest, await readJson(request));
    return startRecall({ db: getDb(), member, lotId, input, appUrl: getEnv().APP_URL });
  });
}
