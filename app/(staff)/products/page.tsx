import type { Metadata } from "next";
import Link from "next/link";
import { FormError } from "@/components/forms/form-error";
import { ImportProductsForm } from "@/components/products/import-products-form";
import { ProductList } from "@/components/products/product-list";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import {
  canEditProducts,
  findOrganizationProducts,
  keepsProducts,
  PRODUCT_FIELDS,
  productsRefusal,
} from "@/lib/products";
import { importProductsAction } from "./actions";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage({
  searchParams,
}: {
  searchParams: Promise<{ saved?: string }>;
}) {
  const member = await requireMember();
  const { saved } = await searchParams;
  if (!keepsProducts(member)) {
    return (
      <>
        <h1 className="text-2xl font-bold">Products</h1>
        <FormError state={{ message: productsRefusal(member) ?? undefined }} />
      </>
    );
  }
  const products = await findOrganizationProducts(getDb(), member.organization.id);
  const canEdit = canEditProducts(member);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Products of {member.organization.name}</h1>
        {canEdit ? (
          <Link
            href="/products/new"
            className="rounded-xl bg-ledger-700 px-5 py-3 text-lg font-semibold text-white"
          >
            Add a product
          </Link>
        ) : null}
      </div>
      {saved ? (
        <p role="status" className="rounded-xl bg-ledger-50 p-4 font-medium text-ledger-900">
          Saved product {saved}.
        </p>
      ) : null}
      <ProductList products={products} highlightGtin={saved} />
      {canEdit ? (
        <section aria-labelledby="import-heading" className="flex flex-col gap-3">
          <h2 id="import-heading" className="text-lg font-semibold">
            Import from a CSV file
          </h2>
          <ImportProductsForm action={importProductsAction} columns={PRODUCT_FIELDS.join(", ")} />
        </section>
      ) : null}
    </>
  );
}
