import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Member } from "@/lib/auth/session";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { assertCanEditProducts, companyPrefixesOf, foreignGtinSentence } from "./access";
import { type ProductData, type ProductInput, productInput } from "./input";
import { publishStorageRule } from "./publish-storage-rule";

/**
 * Adds a product of the member's organisation, or changes one it already described (the GTIN is the
 * product's identity: editing keeps it). Refused, with one sentence at its field, for a read-only
 * member, a GTIN with a wrong check digit, outside the organisation's company prefixes, or already
 * described.
 */
export async function saveProduct({
  db,
  member,
  input,
  gtin,
}: {
  db: Db;
  member: Member;
  input: ProductInput;
  /** The product being edited; absent to add one. */
  gtin?: string;
}): Promise<{ gtin: string }> {
  assertCanEditProducts(member);
  const product = parseInput(productInput, gtin ? { ...input, gtin } : input);
  return db.$transaction(async (tx) => {
    const sentence = foreignGtinSentence(
      product.gtin,
      await companyPrefixesOf(tx, member.organization.id),
    );
    if (sentence) throw new AppError("INVALID_INPUT", sentence, { field: "gtin" });
    const owner = await ownerOf(tx, product.gtin);
    if (gtin === undefined && owner !== null) throw alreadyDescribed(product.gtin, owner, member);
    if (gtin !== undefined && owner !== member.organization.id) {
      throw new AppError("NOT_FOUND", `Your organisation has no product of GTIN ${gtin}.`);
    }
    await writeProduct(tx, member.organization.id, product);
    await recordAudit(tx, member, {
      action: "CHANGED_PRODUCTS",
      summary: `${gtin ? "Changed" : "Added"} product ${product.name} (GTIN ${product.gtin})`,
      subjectId: product.gtin,
    });
    return { gtin: product.gtin };
  });
}

/** Who described this GTIN already, if anyone. */
export async function ownerOf(tx: Tx, gtin: string): Promise<string | null> {
  const row = await tx.product.findUnique({ where: { gtin }, select: { organizationId: true } });
  return row?.organizationId ?? null;
}

export function alreadyDescribed(gtin: string, owner: string, member: Member): AppError {
  return new AppError(
    "CONFLICT",
    owner === member.organization.id
      ? `GTIN ${gtin} is already one of your products: open it from the list to change it.`
      : `GTIN ${gtin} is already described by another organisation on LotLedger: check the number.`,
    { field: "gtin" },
  );
}

/**
 * Creates or replaces the product's master data (every field, so a cleared field is cleared), and
 * puts a new storage range on the ledger as its GTIN's storage rule.
 */
export async function writeProduct(
  tx: Tx,
  organizationId: string,
  product: ProductData,
): Promise<void> {
  const { gtin, ...data } = product;
  await tx.product.upsert({
    where: { gtin },
    create: { gtin, organizationId, ...data },
    update: data,
  });
  await publishStorageRule(tx, { organizationId, product });
}
