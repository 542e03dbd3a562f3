import { readJson, respond } from "@/lib/api/respond";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { findRecalls } from "@/lib/recall/find-recalls";
import { parseRecallInput } from "@/lib/recall/recall-input";
import { startRecall } from "@/lib/recall/start-recall";

/** GET: the recalls the caller's organisation follows (all of them for a regulator). */
export async function GET() {
  return respond("GET /api/recalls", 200, async () => {
    const recalls = await findRecalls({ db: getDb(), member: await authenticate() });
    return { recalls };
  });
}

/** POST { lotId, reason, severity }: recall a lot. 202 with the recall's id and its ledger write's. */
export async function POST(request: Request) {
  return respond("POST /api/recalls", 202, async () => {
    const member = await authenticate();
    const body = (await readJson(request)) as { lotId?: unknown } | null;
    if (typeof body?.lotId !== "string") {
      throw new AppError(
        "INVALID_INPUT",
        "Send lotId (the lot's on-chain id), reason and severity.",
        {
          field: "lotId",
        },
      );
    }
    const input = parseRecallInput(body);
    return startRecall({ db: getDb(), member, lotId: body.lotId, input, appUrl: getEnv().APP_URL });
  });
}
