import { readJson, respond } from "@/lib/api/respond";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { handOffLot, handOffLotInput } from "@/lib/lots/hand-off-lot";

/** POST { recipientGln }: ship a lot the caller's organisation holds. 202 with the ledger write's id. */
export async function POST(request: Request, { params }: { params: Promise<{ lotId: string }> }) {
  return respond("POST /api/lots/[lotId]/handoffs", 202, async () => {
    const member = await authenticate();
    const { lotId } = await params;
    const input = handOffLotInput.safeParse(await readJson(request));
    if (!input.success)
      throw new AppError("INVALID_INPUT", input.error.issues[0]?.message ?? "Invalid request.");
    return handOffLot({ db: getDb(), member, lotId, input: input.data });
  });
}
