import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { eventTimeOf, isEpcisEvent } from "@/lib/epcis/event";
import {
  findOrganizationProducts,
  type ProductSummary,
  productDescription,
  productLabel,
} from "@/lib/products";
import type { FormContext, ProductOption } from "./field-spec";
import { findLotChoices } from "./lot-choices";

/**
 * Everything an event form can fill in for this member: their sites, partners' sites, the lots they
 * hold, and — when opened from a lot — that lot with the key data elements its creation recorded.
 */
export async function getFormContext({
  db,
  member,
  lotId,
  outputs,
  lotSearch = "",
  chosenLotIds = [],
}: {
  db: Db;
  member: Member;
  lotId?: string;
  outputs: number;
  /** What the input-lot picker searches for, and the lots already chosen in it. */
  lotSearch?: string;
  chosenLotIds?: string[];
}): Promise<FormContext> {
  const chosen = [...new Set([...chosenLotIds, ...(lotId ? [lotId] : [])])];
  const [locations, lots, products, lotChoices] = await Promise.all([
    db.location.findMany({
      orderBy: [{ createdAt: "asc" }],
      select: {
        gln: true,
        name: true,
        organizationId: true,
        organization: { select: { name: true } },
      },
    }),
    db.lot.findMany({
      where: { custodian: member.organization.chainAddress, status: "ACTIVE" },
      orderBy: { createdBlock: "desc" },
      take: 100,
      select: { id: true, lotCode: true, gtin: true, quantity: true, unit: true },
    }),
    getProductOptions(db, member),
    findLotChoices({ db, member, search: lotSearch, chosen }),
  ]);
  const heldLots = lots.map((lot) => ({
    value: lot.id,
    label: `Lot ${lot.lotCode} · ${lot.quantity?.toString() ?? "?"} ${lot.unit ?? ""} · GTIN ${lot.gtin}`,
    quantity: lot.quantity?.toString() ?? null,
    unit: lot.unit,
  }));
  const isOwn = (l: (typeof locations)[number]) => l.organizationId === member.organization.id;
  return {
    today: eventTimeOf(new Date()).eventTime.slice(0, 10),
    ownLocations: locations.filter(isOwn).map((l) => ({ value: l.gln, label: l.name })),
    partnerLocations: locations
      .filter((l) => !isOwn(l))
      .map((l) => ({ value: l.gln, label: `${l.organization.name} — ${l.name}` })),
    heldLots,
    lotChoices,
    lot: lotId ? await getLotPrefill(db, lotId, member) : null,
    outputs,
    products,
  };
}

/** The organisation's products, as the GTIN fields of its forms offer them. */
export async function getProductOptions(db: Db, member: Member): Promise<ProductOption[]> {
  return (await findOrganizationProducts(db, member.organization.id)).map(productOption);
}

/** A product as the picker offers it; its description is FSMA's (brand, name, net content). */
function productOption(product: ProductSummary): ProductOption {
  return {
    gtin: product.gtin,
    label: productLabel(product, product.gtin),
    description: productDescription(product),
    commodity: product.commodity,
    variety: product.variety,
    unit: product.unit,
  };
}

async function getLotPrefill(db: Db, lotId: string, member: Member): Promise<FormContext["lot"]> {
  const lot = await db.lot.findUnique({
    where: { id: lotId },
    select: {
      id: true,
      gtin: true,
      lotCode: true,
      quantity: true,
      unit: true,
      custodian: true,
      producer: true,
      payloadHash: true,
    },
  });
  if (!lot || lot.custodian !== member.organization.chainAddress) return null;
  const [payload, producer] = await Promise.all([
    lot.payloadHash ? db.eventPayload.findUnique({ where: { hash: lot.payloadHash } }) : null,
    // A lot received from a supplier off LotLedger has no producer on the ledger.
    db.organization.findUnique({
      where: { chainAddress: lot.producer ?? "" },
      select: {
        name: true,
        locations: {
          take: 1,
          orderBy: { createdAt: "asc" },
          select: { name: true, address: true },
        },
      },
    }),
  ]);
  const site = producer?.locations[0];
  return {
    id: lot.id,
    gtin: lot.gtin,
    lotCode: lot.lotCode,
    quantity: lot.quantity?.toString() ?? null,
    unit: lot.unit,
    producerName: producer?.name ?? "",
    producerSite: site ? `${site.name}, ${site.address}` : null,
    ilmd: isEpcisEvent(payload?.body) ? (payload.body.ilmd ?? {}) : {},
  };
}
