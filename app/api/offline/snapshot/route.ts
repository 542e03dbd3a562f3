import { respond } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { getOfflineSnapshot } from "@/lib/offline/snapshot";

/**
 * GET: the lots the caller's organisation is sent or holds, with their recalls, for the phone to
 * answer scans offline (lib/offline). The service worker keeps the last copy (public/sw.js).
 */
export async function GET(request: Request) {
  return respond("GET /api/offline/snapshot", 200, async () => {
    const member = await authenticateRequest(request, { scope: "READ" });
    return getOfflineSnapshot({ db: getDb(), member });
  });
}
