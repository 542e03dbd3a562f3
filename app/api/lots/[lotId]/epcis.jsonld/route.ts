import { respondFailure } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { exportLotTrail } from "@/lib/epcis-query";

/** GET: the lot's whole trail (back to origin, forward to every package) as one EPCIS 2.0 document. */
export async function GET(request: Request, { params }: { params: Promise<{ lotId: string }> }) {
  try {
    const member = await authenticateRequest(request, { scope: "READ" });
    const file = await exportLotTrail({ db: getDb(), member, lotId: (await params).lotId });
    return new Response(file.body, {
      headers: {
        "content-type": "application/ld+json; charset=utf-8",
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return respondFailure(error, "GET /api/lots/[lotId]/epcis.jsonld");
  }
}
