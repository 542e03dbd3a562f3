import { readJson } from "@/lib/api/body";
import { createNamedQuery, epcisRoute, listNamedQueries } from "@/lib/epcis-query";

/** GET: the organisation's named queries. */
export const GET = epcisRoute("GET /epcis/queries", async ({ db, member }) => ({
  body: await listNamedQueries({ db, member }),
}));

/** POST { name, query }: stores a named query (201, Location: its address). */
export const POST = epcisRoute("POST /epcis/queries", async ({ db, member, url, request }) => {
  const created = await createNamedQuery({ db, member, body: await readJson(request) });
  const location = new URL(`/epcis/queries/${encodeURIComponent(created.name)}`, url).href;
  return { body: created, status: 201, headers: { location } };
});
