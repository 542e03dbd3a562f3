import type { Metadata } from "next";
import { ProvenanceResolverPage } from "@/components/provenance-resolver-page";

export const metadata: Metadata = { title: "Provenance" };

// Incremental static regeneration: a Digital Link's page is rendered on its first visit, then served
// from Next's cache and re-rendered in the background at most once a second while it is being
// visited. proxy.ts sends a visit after a quiet spell to /provenance-live instead, so a cached page
// older than a second or two (say, from before a recall) is never shown.
export const revalidate = 1;
export async function generateStaticParams(): Promise<{ path: string[] }[]> {
  return [];
}

export default ProvenanceResolverPage;
