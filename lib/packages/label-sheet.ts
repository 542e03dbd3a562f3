import "server-only";
import type { Member } from "@/lib/auth/session";
import { type LabelLayout, type LabelPage, paginateLabels } from "@/lib/barcode/label-layout";
import { renderBarcode } from "@/lib/barcode/render-barcode";
import type { Db } from "@/lib/db/client";
import { productNameOf } from "@/lib/epcis/event";
import { AppError } from "@/lib/errors";
import { buildDigitalLink } from "@/lib/gs1/digital-link";
import { entriesForBarcode } from "@/lib/gs1/element-string";
import { canSeeLot } from "@/lib/lots/visibility";
import { findProduct, productDescription } from "@/lib/products";

export type PackageCode = "qr" | "gs1-datamatrix";

/** One package's label: its code (inline SVG) and the GS1 human-readable lines under it. */
export type PackageLabel = { serial: string; digitalLink: string; svg: string; hri: string[] };

export type LabelSheet = {
  lotId: string;
  gtin: string;
  lotCode: string;
  /** The product's master data description, else the one its registration gave, if any. */
  product: string | null;
  caseLabel: { svg: string; hri: string[] };
  pages: LabelPage<PackageLabel>[];
  /** Which of the lot's packages this sheet holds (0-based, end exclusive), of how many. */
  range: { from: number; to: number; total: number };
};

/** At most this many package labels on one sheet: rendering a QR code takes ~6 ms. */
export const LABELS_PER_SHEET = 200;

/**
 * The printable labels of a lot's packages still on the shelf, for staff of the organisation holding
 * or producing the lot: a QR code with the package's Digital Link (or a GS1 DataMatrix with the same
 * AIs) per package, and one GS1-128 case label with the GTIN and lot. Null when there is no such
 * lot or the member may not see it (canSeeLot); a refusal for a lot it may see but not print.
 */
export async function getLabelSheet({
  db,
  member,
  lotId,
  layout,
  code,
  from,
  appUrl,
}: {
  db: Db;
  member: Member;
  lotId: string;
  layout: LabelLayout;
  code: PackageCode;
  from: number;
  appUrl: string;
}): Promise<LabelSheet | null> {
  // A lot the member may not see is not there for it: no lot code in a refusal, no oracle.
  if (!(await canSeeLot({ db, member, lotId }))) return null;
  const lot = await db.lot.findUnique({
    where: { id: lotId },
    select: { gtin: true, lotCode: true, custodian: true, producer: true, payloadHash: true },
  });
  if (!lot) return null;
  const me = member.organization.chainAddress;
  if ((lot.custodian !== me && lot.producer !== me) || member.role === "READ_ONLY") {
    throw new AppError(
      "FORBIDDEN",
      `Only staff of the organisation holding or producing lot ${lot.lotCode} print its labels.`,
    );
  }
  const where = { lotId, removedAt: null };
  const [total, packages, payload, product] = await Promise.all([
    db.package.count({ where }),
    db.package.findMany({
      where,
      select: { serial: true },
      orderBy: { serial: "asc" },
      skip: from,
      take: LABELS_PER_SHEET,
    }),
    lot.payloadHash ? db.eventPayload.findUnique({ where: { hash: lot.payloadHash } }) : null,
    findProduct(db, lot.gtin),
  ]);
  const lotAis = { "01": lot.gtin, "10": lot.lotCode };
  const labels: PackageLabel[] = [];
  for (const { serial } of packages) {
    const ais = { ...lotAis, "21": serial };
    const digitalLink = buildDigitalLink({ stem: appUrl, ais });
    const svg =
      code === "qr"
        ? await renderBarcode({ symbology: "qr", data: digitalLink, format: "svg" })
        : await renderBarcode({ symbology: "gs1-datamatrix", data: ais, format: "svg" });
    labels.push({ serial, digitalLink, svg, hri: hriLines(ais) });
  }
  return {
    lotId,
    gtin: lot.gtin,
    lotCode: lot.lotCode,
    product: product ? productDescription(product) : productNameOf(payload?.body),
    caseLabel: {
      svg: await renderBarcode({
        symbology: "gs1-128",
        data: lotAis,
        format: "svg",
        barHeightMm: 25,
      }),
      hri: hriLines(lotAis),
    },
    pages: paginateLabels(labels, layout, from === 0),
    range: { from, to: from + labels.length, total },
  };
}

/** GS1 human-readable interpretation in barcode order, one AI a line: "(01)09506000134352". */
function hriLines(ais: Record<string, string>): string[] {
  return entriesForBarcode(ais).map(([ai, value]) => `(${ai})${value}`);
}
