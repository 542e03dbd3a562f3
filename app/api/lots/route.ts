import { readJson, respond } from "@/lib/api/respond";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createLot, createLotInput } from "@/lib/lots/create-lot";

/** POST { gtin, lotCode, quantity, unit }: register a lot. 201 when recorded, 202 while pending. */
export async function POST(request: Request) {
  const member = await authenticate().catch((error: unknown) => error);
  return respond("POST /api/lots", 202, async () => {
    if (member instanceof Error) throw member;
    const input = createLotInput.safeParse(await readJson(request));
    if (!input.success) throw new AppError("INVALID_INPUT", "Send gtin, lotCode, quantity and unit as strings.");
    return createLot({ db: getDb(), member: member as Exclude<typeof member, unknown>, input: input.data });
  });
}
