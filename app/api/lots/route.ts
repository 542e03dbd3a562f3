import { readJson, respond } from "@/lib/api/respond";
import { authenticate } from "@/lib/auth/session";
import { awaitLedgerWrite } from "@/lib/chain/outbox/await-write";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createLot, createLotInput } from "@/lib/lots/create-lot";

/** POST { gtin, lotCode, quantity, unit }: register a lot. 202 with its id and where its write stands. */
export async function POST(request: Request) {
  return respond("POST /api/lots", 202, async () => {
    const member = await authenticate();
    const input = createLotInput.safeParse(await readJson(request));
    if (!input.success) {
      throw new AppError(
        "INVALID_INPUT",
        "Send gtin, lotCode, quantity and unit, each as a string.",
      );
    }
    const db = getDb();
    const { lotId, writeId } = await createLot({ db, member, input: input.data });
    return { lotId, state: await awaitLedgerWrite(db, writeId) };
  });
}
