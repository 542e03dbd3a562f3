"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import type { ImportState } from "@/components/products/import-products-form";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { importProducts, MAX_IMPORT_BYTES, PRODUCT_FIELDS, saveProduct } from "@/lib/products";

/** Adds a product (no `gtin`) or saves the one being edited; then back to the list, outlined. */
export async function saveProductAction(
  gtin: string | undefined,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = Object.fromEntries(
    PRODUCT_FIELDS.map((name) => [name, String(formData.get(name) ?? "")]),
  );
  let saved: string;
  try {
    const member = await authenticate();
    ({ gtin: saved } = await saveProduct({ db: getDb(), member, input: values, gtin }));
  } catch (error) {
    return refusal(error, "saveProductAction", formData);
  }
  revalidatePath("/products");
  redirect(`/products?saved=${saved}`);
}

/** Imports a CSV file of products, all or nothing; each refused line comes back by its number. */
export async function importProductsAction(
  _previous: ImportState,
  formData: FormData,
): Promise<ImportState> {
  try {
    const member = await authenticate();
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError("INVALID_INPUT", "Choose the CSV file of your products first.");
    }
    if (file.size > MAX_IMPORT_BYTES) {
      throw new AppError(
        "INVALID_INPUT",
        "The file is larger than 1 MB: split it into several files and import each.",
      );
    }
    const { added, updated } = await importProducts({
      db: getDb(),
      member,
      csv: await file.text(),
    });
    revalidatePath("/products");
    return {
      recorded: `Saved ✓ Imported ${added} new ${added === 1 ? "product" : "products"} and updated ${updated}.`,
    };
  } catch (error) {
    const refused = refusal(error, "importProductsAction");
    // Every refused line of the file, in order, as errors of the file field.
    const lines = error instanceof AppError ? (error.issues ?? []) : [];
    const fieldErrors = Object.fromEntries(
      lines.map((issue, i) => [i === 0 ? "file" : `file.${i + 1}`, issue.message]),
    );
    return lines.length > 0 ? { ...refused, fieldErrors } : refused;
  }
}
