import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { companyPrefixOf } from "@/lib/gs1/company-prefix";

// Who keeps products, and which GTINs are theirs to describe: a producer (farm, packer, processor)
// describes the trade items of its own brand, the GTINs under the GS1 company prefixes the operator
// registered for it — the same rule LotTracker applies to the lots of those GTINs.

const PRODUCER_KINDS = ["FARM", "PACKER", "PROCESSOR"];

type MemberLike = Pick<Member, "role"> & { organization: Pick<Member["organization"], "kind"> };

/** True for staff of a producer: they keep its products (read-only members read them). */
export function keepsProducts(member: MemberLike): boolean {
  return PRODUCER_KINDS.includes(member.organization.kind);
}

/** True when the member may add, edit and import its organisation's products. */
export function canEditProducts(member: MemberLike): boolean {
  return keepsProducts(member) && member.role !== "READ_ONLY";
}

/** The sentence for someone who may not change products, or null when they may. */
export function productsRefusal(member: MemberLike & Pick<Member, "organization">): string | null {
  if (!keepsProducts(member)) {
    return "Products are kept by the farms, packers and processors whose brand they carry: ask the producer to describe its product.";
  }
  if (member.role === "READ_ONLY") {
    return `Your role at ${member.organization.name} is read-only: ask an admin or staff member to add or change products.`;
  }
  return null;
}

export function assertCanEditProducts(member: Member): void {
  const refusal = productsRefusal(member);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
}

/** The organisation's GS1 company prefixes, as the operator registered them. */
export async function companyPrefixesOf(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx.companyPrefix.findMany({
    where: { organizationId },
    orderBy: { prefix: "asc" },
    select: { prefix: true },
  });
  return rows.map((row) => row.prefix);
}

/** The sentence refusing a GTIN outside the prefixes, or null when the GTIN carries one of them. */
export function foreignGtinSentence(gtin: string, prefixes: readonly string[]): string | null {
  if (companyPrefixOf(gtin, prefixes) !== null) return null;
  if (prefixes.length === 0) {
    return `The GTIN ${gtin} cannot be yours yet: your organisation has no GS1 company prefix registered on LotLedger, so ask your LotLedger administrator to register it.`;
  }
  return `The GTIN ${gtin} is not within your company prefixes (${prefixes.join(", ")}): check the number, or ask your LotLedger administrator to register the prefix it carries if your organisation holds it.`;
}
