import { deleteNamedQuery, epcisRoute, getNamedQuery } from "@/lib/epcis-query";

type Context = { params: Promise<{ queryName: string }> };

/** GET: the named query's definition. */
export async function GET(request: Request, { params }: Context) {
  const { queryName } = await params;
  return epcisRoute("GET /epcis/queries/[queryName]", async ({ db, member }) => {
    const { name, query } = await getNamedQuery({ db, member, name: queryName });
    return { body: { name, query } };
  })(request);
}

/** DELETE: the named query and its subscriptions (204). */
export async function DELETE(request: Request, { params }: Context) {
  const { queryName } = await params;
  return epcisRoute("DELETE /epcis/queries/[queryName]", async ({ db, member }) => {
    await deleteNamedQuery({ db, member, name: queryName });
    return { body: null, status: 204 };
  })(request);
}
