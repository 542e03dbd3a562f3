import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import {
  type LogisticLabel,
  layOutLogisticLabel,
  type UnitContent,
} from "@/lib/barcode/logistic-label";
import { renderBarcode } from "@/lib/barcode/render-barcode";
import type { Db } from "@/lib/db/client";
import { glnOf } from "@/lib/epcis/event";
import { formatHumanReadable } from "@/lib/gs1/element-string";
import { findProducts, productDescription } from "@/lib/products";

/** One GS1-128 of the label: bwip-js's SVG and the human-readable line printed under it. */
export type LabelSymbol = { svg: string; hri: string };

export type LogisticLabelSheet = LogisticLabel & {
  symbols: LabelSymbol[];
  /** Whether the packing is mined and indexed yet; the label is printable before. */
  isOnLedger: boolean;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The packing payload (EPCIS AggregationEvent ADD) as far as the label reads it. */
const packingPayload = z.object({
  eventTime: z.string(),
  bizLocation: z.object({ id: z.string() }).optional(),
  kde: z.object({
    contents: z
      .array(
        z.object({
          lotId: z.string(),
          gtin: z.string(),
          lotCode: z.string(),
          quantity: z.union([z.string(), z.number()]).transform(String),
          unit: z.string().nullish(),
          packageCount: z.number().int().nonnegative().nullish(),
        }),
      )
      .min(1),
    bestBeforeDate: z.string().regex(DAY).optional(),
  }),
});

/**
 * The GS1 logistic label of the unit with this SSCC, printable as soon as the unit is built: read
 * from its packing write in the outbox and that write's payload, not from the chain. Shown to the
 * packer's organisation and to whoever holds one of the unit's lots; null for anyone else, and for
 * an SSCC never packed or whose packing the ledger refused.
 */
export async function getLogisticLabel({
  db,
  member,
  sscc,
}: {
  db: Db;
  member: Member;
  sscc: string;
}): Promise<LogisticLabelSheet | null> {
  // The outbox keeps uint64 arguments as decimal strings: an SSCC with extension digit 0 loses its
  // leading zero there, so both spellings are looked for.
  const [write] = await db.$queryRaw<
    { organizationId: string; payloadHash: string; status: string }[]
  >`SELECT "organizationId", "payloadHash", status::text FROM "LedgerTransaction"
    WHERE method = 'packUnit' AND args->>0 = ANY(${[sscc, BigInt(sscc).toString()]}::text[])
      AND status <> 'FAILED' AND "payloadHash" IS NOT NULL
    ORDER BY "createdAt" DESC LIMIT 1`;
  if (!write) return null;
  const stored = await db.eventPayload.findUnique({ where: { hash: write.payloadHash } });
  const payload = packingPayload.parse(stored?.body);
  const { contents } = payload.kde;
  if (!(await mayPrint({ db, member, packerId: write.organizationId, contents }))) return null;

  const [packer, products] = await Promise.all([
    db.organization.findUniqueOrThrow({
      where: { id: write.organizationId },
      select: { name: true, locations: { orderBy: { createdAt: "asc" } } },
    }),
    findProducts(
      db,
      contents.map((content) => content.gtin),
    ),
  ]);
  const gln = glnOf(payload.bizLocation?.id);
  const site = packer.locations.find((place) => place.gln === gln) ?? packer.locations[0];
  const label = layOutLogisticLabel({
    sscc,
    shipFrom: { name: packer.name, addressLines: site ? addressLines(site) : [] },
    contents: contents.map((content): UnitContent => {
      const product = products.get(content.gtin);
      return {
        ...content,
        unit: content.unit ?? null,
        packageCount: content.packageCount ?? null,
        product: product ? productDescription(product) : null,
      };
    }),
    packedOn: DAY.test(payload.eventTime.slice(0, 10)) ? payload.eventTime.slice(0, 10) : null,
    bestBefore: payload.kde.bestBeforeDate ?? null,
  });
  const alsoOnLabel = label.ais;
  const symbols = await Promise.all(
    label.barcodes.map(async (ais) => ({
      svg: await renderBarcode({ symbology: "gs1-128", data: ais, format: "svg", alsoOnLabel }),
      hri: formatHumanReadable(ais, { alsoOnLabel }),
    })),
  );
  return { ...label, symbols, isOnLedger: write.status === "CONFIRMED" };
}

/** A site's postal address as a label prints it: street; city, region postcode; country. */
function addressLines(site: {
  address: string;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  countryCode: string | null;
}): string[] {
  const regionLine = [site.region, site.postalCode].filter(Boolean).join(" ");
  const cityLine = [site.city, regionLine].filter(Boolean).join(", ");
  return [site.address, cityLine, site.countryCode ?? ""].filter(Boolean);
}

/** The packer's staff, and the organisation now holding any of the unit's lots. */
async function mayPrint({
  db,
  member,
  packerId,
  contents,
}: {
  db: Db;
  member: Member;
  packerId: string;
  contents: { lotId: string }[];
}): Promise<boolean> {
  if (member.organization.id === packerId) return true;
  const held = await db.lot.count({
    where: {
      id: { in: contents.map((content) => content.lotId) },
      custodian: { equals: member.organization.chainAddress, mode: "insensitive" },
    },
  });
  return held > 0;
}
