import { respond } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getLedgerWriteStatuses } from "@/lib/ledger-writes/find-ledger-writes";

/**
 * GET: where one of the caller's organisation's ledger writes stands, and whether it is on the
 * ledger (mined and read by the indexer). Pages and offline clients poll it, so it is never cached.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const response = await respond("GET /api/ledger-writes/[id]", 200, async () => {
    const member = await authenticateRequest(request, { scope: "READ" });
    const { id } = await params;
    const [write] = await getLedgerWriteStatuses({
      db: getDb(),
      organizationId: member.organization.id,
      chainId: getEnv().CHAIN_ID,
      ids: [id],
    });
    if (!write)
      throw new AppError("NOT_FOUND", "No ledger write of your organisation has this id.");
    return write;
  });
  response.headers.set("cache-control", "no-store");
  return response;
}
