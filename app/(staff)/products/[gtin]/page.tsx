import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProductForm } from "@/components/products/product-form";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { canEditProducts, findProduct } from "@/lib/products";
import { saveProductAction } from "../actions";

export const metadata: Metadata = { title: "Product" };

export default async function ProductPage({ params }: { params: Promise<{ gtin: string }> }) {
  const member = await requireMember();
  const { gtin } = await params;
  const product = /^\d{14}$/.test(gtin) ? await findProduct(getDb(), gtin) : null;
  // Another organisation's product is not there for this member: its own products only.
  if (!product || product.organizationId !== member.organization.id) notFound();
  const { organizationId: _, ...fields } = product;
  const values = Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [name, value === null ? "" : String(value)]),
  );
  return (
    <>
      <h1 className="text-2xl font-bold">{product.name}</h1>
      <ProductForm
        action={saveProductAction.bind(null, gtin)}
        product={values}
        isReadOnly={!canEditProducts(member)}
      />
    </>
  );
}
