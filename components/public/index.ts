// The pages a consumer opens from a package's barcode, as React components rendered to static HTML
// (no script), and the renderer the emails share with them.
export { LotPage } from "./lot-page";
export { ProductPage } from "./product-page";
export { RECALL_ADVICE } from "./recall-banner";
export { renderDocument, renderFragment } from "./render";
export { InvalidLinkPage, NotFoundPage } from "./status-pages";
