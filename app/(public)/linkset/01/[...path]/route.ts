import { lotIdOf } from "@/lib/chain/lot-id";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { buildLinkset, LINKSET_CONTENT_TYPE } from "@/lib/provenance/linkset";
import { respondForDigitalLink } from "@/lib/provenance/public-json";

// proxy.ts rewrites /01/…?linkType=linkset (and Accept: application/linkset+json) here.
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return respondForDigitalLink((await params).path, LINKSET_CONTENT_TYPE, async (target) => {
    const db = getDb();
    const isKnown =
      target.lotCode === null
        ? (await db.lot.count({ where: { gtin: target.gtin } })) > 0
        : (await db.lot.count({ where: { id: lotIdOf(target.gtin, target.lotCode) } })) > 0;
    return isKnown ? buildLinkset(target, getEnv().APP_URL) : null;
  });
}
