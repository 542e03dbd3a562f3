import type { Metadata } from "next";
import { FormError } from "@/components/forms/form-error";
import { ProductForm } from "@/components/products/product-form";
import { requireMember } from "@/lib/auth/session";
import { productsRefusal } from "@/lib/products";
import { saveProductAction } from "../actions";

export const metadata: Metadata = { title: "Add a product" };

export default async function NewProductPage() {
  const member = await requireMember();
  const refusal = productsRefusal(member);
  return (
    <>
      <h1 className="text-2xl font-bold">Add a product</h1>
      {refusal ? (
        <FormError state={{ message: refusal }} />
      ) : (
        <ProductForm action={saveProductAction.bind(null, undefined)} />
      )}
    </>
  );
}
