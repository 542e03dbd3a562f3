import { epcisRoute, getNamedQuery, queryEpcisEvents } from "@/lib/epcis-query";

/** GET: the named query's events, a page at a time (perPage, nextPageToken), as GET /epcis/events. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ queryName: string }> },
) {
  const { queryName } = await params;
  return epcisRoute("GET /epcis/queries/[queryName]/events", async ({ db, member, url }) => {
    const { name, query } = await getNamedQuery({ db, member, name: queryName });
    const stored = new URL(url);
    for (const [parameter, value] of Object.entries(query)) {
      stored.searchParams.set(parameter, Array.isArray(value) ? value.join("|") : value);
    }
    return queryEpcisEvents({ db, member, url: stored, queryName: name });
  })(request);
}
