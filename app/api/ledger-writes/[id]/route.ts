import { respond } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** GET: where one of the caller's organisation's ledger writes stands (pending, signed, confirmed, failed). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return respond("GET /api/ledger-writes/[id]", 200, async () => {
    const member = await authenticateRequest(request, { scope: "READ" });
    const { id } = await params;
    const write = await getDb().ledgerTransaction.findFirst({
      where: { id, organizationId: member.organization.id },
      select: {
        id: true,
        method: true,
        lotId: true,
        status: true,
        txHash: true,
        blockNumber: true,
        error: true,
      },
    });
    if (!write)
      throw new AppError("NOT_FOUND", "No ledger write of your organisation has this id.");
    return write;
  });
}
