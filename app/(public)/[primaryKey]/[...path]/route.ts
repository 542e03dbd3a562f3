import { notFound } from "next/navigation";
import { DIGITAL_LINK_PRIMARY_KEYS } from "@/lib/gs1/ai-table";
import { respondDigitalLink } from "@/lib/provenance";

// Digital Links with a GS1 key other than a GTIN (/414/{gln}, /8003/{grai} …): LotLedger keeps no
// record of them, so the resolver answers 404 with a sentence saying so (a malformed one, 400).
// GTIN links have their own route (app/(public)/01); any other path is Next's not-found page.
export async function GET(
  request: Request,
  { params }: { params: Promise<{ primaryKey: string; path: string[] }> },
): Promise<Response> {
  const { primaryKey } = await params;
  if (!DIGITAL_LINK_PRIMARY_KEYS.has(primaryKey)) notFound();
  return respondDigitalLink(request);
}
