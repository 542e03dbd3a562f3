import type { Metadata } from "next";
import Link from "next/link";
import { FormError } from "@/components/forms/form-error";
import { ListChoice, ListFilters } from "@/components/lists/list-filters";
import { ListPager } from "@/components/lists/list-pager";
import { ImportProductsForm } from "@/components/products/import-products-form";
import { ProductList } from "@/components/products/product-list";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import {
  canEditProducts,
  keepsProducts,
  listProducts,
  PRODUCT_FIELDS,
  PRODUCT_SORTS,
  productListQuery,
  productsRefusal,
} from "@/lib/products";
import { importProductsAction } from "./actions";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember();
  const params = await searchParams;
  const saved = typeof params.saved === "string" ? params.saved : undefined;
  if (!keepsProducts(member)) {
    return (
      <>
        <h1 className="text-2xl font-bold">Products</h1>
        <FormError state={{ message: productsRefusal(member) ?? undefined }} />
      </>
    );
  }
  const query = productListQuery.parse(params);
  const page = await listProducts({ db: getDb(), organizationId: member.organization.id, query });
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
      <section aria-label="Product list" className="flex flex-col gap-2">
        <ListFilters
          path="/products"
          label={{ region: "Find products", box: "Search products" }}
          search={{ name: "q", value: query.q }}
          placeholder="Name, brand, GTIN or commodity"
          active={query.sort === "name" ? 0 : 1}
        >
          <ListChoice label="Sort" name="sort" value={query.sort}>
            {Object.entries(PRODUCT_SORTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </ListChoice>
        </ListFilters>
        <ProductList
          products={page.products}
          highlightGtin={saved}
          isFiltered={Boolean(query.q || query.after)}
        />
        <ListPager
          path="/products"
          query={query}
          defaults={{ sort: "name" }}
          nextCursor={page.nextCursor}
          next="Next 20 products"
        />
      </section>
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
