// lib/products, the one door to products (GS1 trade items by GTIN): their master data, which names a
// lot everywhere it is shown and carries the storage range its cold chain is judged against. A
// producer keeps its own (GTINs under its company prefixes), one at a time or from a CSV file.
import "server-only";

export { canEditProducts, keepsProducts, productsRefusal } from "./access";
export {
  findOrganizationProducts,
  findProduct,
  findProducts,
  type ProductSummary,
  productDescription,
  productLabel,
} from "./find-products";
export { atLine, importProducts, MAX_IMPORT_BYTES } from "./import-csv";
export { PRODUCT_FIELDS, type ProductField, type ProductInput } from "./input";
export { listProducts, type ProductPage } from "./list-products";
export {
  PRODUCT_SORTS,
  type ProductListQuery,
  type ProductSort,
  productListQuery,
} from "./product-list-query";
export { type ProductStorageRange, publishStorageRule } from "./publish-storage-rule";
export { saveProduct } from "./save-product";
export { celsiusOf, rangeText, type StorageRuleView, storageRuleOf } from "./storage-rule-of";
