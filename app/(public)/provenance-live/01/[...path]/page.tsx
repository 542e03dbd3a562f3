import type { Metadata } from "next";
import { ProvenanceResolverPage } from "@/components/provenance-resolver-page";

export const metadata: Metadata = { title: "Provenance" };

// The same page rendered for every request (from the per-lot cache, checked against the ledger's
// read model): what proxy.ts serves when the cached /01/… page may be out of date.
export const dynamic = "force-dynamic";

export default ProvenanceResolverPage;
