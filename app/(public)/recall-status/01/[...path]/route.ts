import { lotIdOf } from "@/lib/chain/lot-id";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getProductSummary } from "@/lib/provenance/get-product";
import { respondForDigitalLink } from "@/lib/provenance/public-json";
import { digitalLinkUri } from "@/lib/provenance/resolve-digital-link";

const ADVICE = "Do not eat this product. Return it to the store or throw it away.";

/** gs1:recallStatus: whether the lot (or which lots of the product) is recalled, and what to do. */
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return respondForDigitalLink((await params).path, "application/json", async (target) => {
    const db = getDb();
    const anchor = digitalLinkUri(getEnv().APP_URL, target.path);
    if (target.lotCode === null) {
      const product = await getProductSummary({ db, gtin: target.gtin });
      return product && { anchor, gtin: target.gtin, recalledLotCodes: product.recalledLotCodes };
    }
    const lot = await db.lot.findUnique({
      where: { id: lotIdOf(target.gtin, target.lotCode) },
      select: { gtin: true, lotCode: true, status: true },
    });
    if (!lot) return null;
    const isRecalled = lot.status === "RECALLED";
    return {
      anchor,
      gtin: lot.gtin,
      lotCode: lot.lotCode,
      isRecalled,
      recallStatus: isRecalled ? "recalled" : "not recalled",
      ...(isRecalled ? { advice: ADVICE } : {}),
      checkedAt: new Date().toISOString(),
    };
  });
}
