import { lotIdOf } from "@/lib/chain/lot-id";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getCachedProvenance } from "@/lib/provenance/provenance-cache";
import { respondForDigitalLink } from "@/lib/provenance/public-json";
import { digitalLinkUri } from "@/lib/provenance/resolve-digital-link";

/** gs1:traceability: a lot's public trail as JSON, each step with its ledger transaction. */
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return respondForDigitalLink((await params).path, "application/json", async (target) => {
    if (target.lotCode === null) {
      throw new AppError("INVALID_INPUT", "A trail belongs to a lot: add /10/ and the lot code.");
    }
    const provenance = await getCachedProvenance({
      db: getDb(),
      lotId: lotIdOf(target.gtin, target.lotCode),
    });
    if (!provenance) return null;
    const { steps, lotId, ...lot } = provenance;
    return {
      anchor: digitalLinkUri(getEnv().APP_URL, target.path),
      ...lot,
      events: steps.map(({ id: _id, ...step }) => step),
    };
  });
}
