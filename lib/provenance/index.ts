// The public side of LotLedger: what a consumer's phone (or a machine) gets from a package's GS1
// Digital Link. The resolver's answers come from the read model, cached until the database says
// something they depend on changed; the pages are components/public rendered to static HTML.
// Pure Digital Link helpers (no database) are in ./digital-link, for the label routes and tools.
export type { Place } from "@/lib/organizations";
export type { ProvenanceStep } from "./build-steps";
export { ChangeFeed } from "./change-feed";
export { respondCheckLot } from "./check-lot";
export { type DeviceBatchView, findDeviceBatches } from "./device-batches";
export type { ProductSummary } from "./find-target";
export { getProvenance, type Provenance, type PublicProduct } from "./get-provenance";
export { excursionText } from "./hold-sentence";
export type { LookalikeLot } from "./lookalike-lots";
export { findLotHold, type LotHoldView } from "./lot-hold";
export type { PackageProof } from "./package-proof";
export { peekDigitalLinkAnswer, respondDigitalLink, serveDigitalLink } from "./prepared-answer";
export { respondPublicJson } from "./public-json";
export { getProvenanceReadModel, ProvenanceReadModel } from "./read-model";
export type { RecallNotice } from "./recall-notice";
export { answerDigitalLink } from "./resolver-answer";
