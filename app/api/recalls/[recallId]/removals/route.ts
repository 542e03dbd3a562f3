import { z } from "zod";
import { readJson, respond } from "@/lib/api/respond";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { removePackage } from "@/lib/recall/remove-package";

const removalInput = z.object({
  lotId: z.string().max(80),
  serial: z.string().trim().min(1).max(40),
});

/** POST { lotId, serial }: one package of the recall is off the shelf. 201 with the recall's progress. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ recallId: string }> },
) {
  return respond("POST /api/recalls/[recallId]/removals", 201, async () => {
    const member = await authenticate();
    const input = removalInput.safeParse(await readJson(request));
    if (!input.success) {
      throw new AppError(
        "INVALID_INPUT",
        "Send lotId (the package's lot id) and serial, each as a string.",
      );
    }
    return removePackage({ db: getDb(), member, ...input.data, recallId: (await params).recallId });
  });
}
