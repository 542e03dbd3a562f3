import { respond } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { approveLift } from "@/lib/recall";

/** POST: a second person approves the lifting of a Class I recall. 202 with the ledger write's id. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ recallId: string }> },
) {
  return respond("POST /api/recalls/[recallId]/lift/approval", 202, async () => {
    const member = await authenticateRequest(request, { scope: "RECALL" });
    const { recallId } = await params;
    return approveLift({ db: getDb(), member, recallId, appUrl: getEnv().APP_URL });
  });
}
