import "server-only";
import { type ColdChainBatch, getColdChain, withReadingsVerdict } from "@/lib/cold-chain";
import type { Db } from "@/lib/db/client";
import { getLotDetailForConsumers, type LotDetail } from "@/lib/lots/get-lot-detail";
import { supplierLabel } from "@/lib/lots/lot-origin";
import { getPlaceDirectory, type Place, type PlaceDirectory } from "@/lib/organizations";
import { findProducts, type ProductSummary } from "@/lib/products";
import { findRecalledAncestor, findSourceLots } from "@/lib/trace";
import { buildSteps, type ProvenanceStep } from "./build-steps";
import { type DeviceBatchView, findDeviceBatches } from "./device-batches";
import { type HarvestDetails, harvestDetailsOf } from "./harvest-details";
import { findLotHold, type LotHoldView } from "./lot-hold";
import { findRecallNotice, type RecallNotice } from "./recall-notice";

/** A product as a consumer reads it on the package: its name, brand, description and picture. */
export type PublicProduct = Pick<ProductSummary, "name" | "brand" | "description" | "imageUrl">;

/** What the public may know about one lot: no chain addresses, people or staff-only notes. */
export type Provenance = {
  lotId: string;
  gtin: string;
  lotCode: string;
  quantity: string | null;
  unit: string | null;
  /** The product the lot is of, as its owner described it; null for a GTIN nobody described. */
  product: PublicProduct | null;
  /**
   * The recalled lot that makes this one unsafe: itself, or the nearest lot it was made from (a
   * recall covers everything made from the lot, though the chain marks only the lot itself). Null
   * when neither it nor anything it came from is recalled. `notice`: why, since when, by whom; null
   * when LotLedger did not record the recall (another client of the ledger did).
   */
  recall: {
    gtin: string;
    lotCode: string;
    isThisLot: boolean;
    productName: string | null;
    notice: RecallNotice | null;
  } | null;
  status: "ACTIVE" | "IN_TRANSIT" | "RECALLED" | "CONSUMED";
  /**
   * Where it comes from: the producer of its origin lot (the harvest), or of the lot itself, with
   * the field and harvest day the farm entered.
   */
  producer: { name: string; place: Place | null } & HarvestDetails;
  /**
   * A lot from a supplier that is not on LotLedger has no producer on the ledger: its first receiver
   * on LotLedger registered it and vouches for it (`producer.name` then names the supplier).
   */
  vouchedBy: string | null;
  holder: string;
  /** From farm to shelf: the steps of the lots it was made from, then its own, in ledger order. */
  steps: ProvenanceStep[];
  /** Temperature readings, one entry per batch anchored on the ledger; empty when there are none. */
  coldChain: ColdChainBatch[];
  /** Batches its data loggers signed, each with its verdict (signature, root, ledger). */
  deviceBatches: DeviceBatchView[];
  /** The storage rule's latest hold of the lot, released or not; null when it was never held. */
  hold: LotHoldView | null;
  /** The lot and the lots it was made from: a change to any of them changes the page. */
  lineageLotIds: string[];
};

/** A lot's public provenance from the read model (never the chain), or null if LotLedger has none. */
export async function getProvenance({
  db,
  lotId,
}: {
  db: Db;
  lotId: string;
}): Promise<Provenance | null> {
  const [lot, places, recalled, coldChain, sourceLots, deviceBatches, hold] = await Promise.all([
    getLotDetailForConsumers({ db, lotId }),
    getPlaceDirectory({ db }),
    findRecalledAncestor({ db, lotId }),
    getColdChain({ db, lotId }),
    findSourceLots({ db, lotId }),
    findDeviceBatches({ db, lotId }),
    findLotHold({ db, lotId }),
  ]);
  if (!lot) return null;
  const [products, notice] = await Promise.all([
    findProducts(db, [lot.gtin, ...(recalled ? [recalled.gtin] : [])]),
    recalled ? findRecallNotice(db, recalled.lotId) : null,
  ]);
  const sources = await Promise.all(
    sourceLots.map(async (source) => ({
      ...source,
      detail: await getLotDetailForConsumers({ db, lotId: source.id }),
      coldChain: await getColdChain({ db, lotId: source.id }),
    })),
  );
  const ownSteps = buildSteps(lot.trail.map(withReadingsVerdict(coldChain)), places);
  const sourceSteps = sources.flatMap(({ detail, coldChain: readings, lotCode }) =>
    detail
      ? buildSteps(sourceTrail(detail).map(withReadingsVerdict(readings)), places, lotCode)
      : [],
  );
  // Stable: within one block a source's steps come before the step that made this lot from it.
  const steps = [...sourceSteps, ...ownSteps].sort((a, b) => a.blockNumber - b.blockNumber);
  const origin = originOf(sources, lot);
  return {
    lotId: lot.id,
    gtin: lot.gtin,
    lotCode: lot.lotCode,
    quantity: lot.quantity,
    unit: lot.unit,
    product: publicProduct(products.get(lot.gtin)),
    recall: recalled && {
      gtin: recalled.gtin,
      lotCode: recalled.lotCode,
      isThisLot: recalled.lotId === lot.id,
      productName: products.get(recalled.gtin)?.name ?? null,
      notice,
    },
    status: lot.status,
    producer: {
      name: origin.producer?.name ?? `${capitalized(supplierLabel(origin))}, not on LotLedger`,
      place: originPlace(steps, origin, lot, places),
      ...harvestDetailsOf(origin.trail),
    },
    vouchedBy: origin.producer ? null : (origin.receivedBy?.name ?? null),
    holder: lot.custodian.name,
    steps,
    coldChain,
    deviceBatches,
    hold,
    lineageLotIds: [lot.id, ...sourceLots.map((source) => source.id)],
  };
}

function publicProduct(product: ProductSummary | undefined): PublicProduct | null {
  if (!product) return null;
  const { name, brand, description, imageUrl } = product;
  return { name, brand, description, imageUrl };
}

/** A source lot's own steps: its "used up" is the same transaction as this lot's "made from it". */
function sourceTrail(detail: LotDetail) {
  return detail.trail.filter((entry) => entry.name !== "LotConsumed");
}

/** The earliest origin among the sources (the first harvest), else the lot itself. */
function originOf(sources: Array<{ isOrigin: boolean; detail: LotDetail | null }>, lot: LotDetail) {
  const origins = sources.flatMap((source) =>
    source.isOrigin && source.detail ? [source.detail] : [],
  );
  const firstBlock = (detail: LotDetail) => detail.trail[0]?.blockNumber ?? Number.MAX_SAFE_INTEGER;
  return origins.sort((a, b) => firstBlock(a) - firstBlock(b))[0] ?? lot;
}

/** Where the origin lot's first step happened (the field of a harvest), else its producer's site. */
function originPlace(
  steps: ProvenanceStep[],
  origin: LotDetail,
  lot: LotDetail,
  places: PlaceDirectory,
): Place | null {
  const first = steps.find((step) => (step.sourceLotCode ?? lot.lotCode) === origin.lotCode);
  return first?.where ?? (origin.producer ? places.byAddress(origin.producer.address) : null);
}

const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
