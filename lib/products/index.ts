// lib/products, the one door to products (GS1 trade items by GTIN): their master data, which names a
// lot everywhere it is shown and carries the storage range its cold chain is judged against.
import "server-only";

export { findProduct, findProducts, type ProductSummary, productLabel } from "./find-products";
