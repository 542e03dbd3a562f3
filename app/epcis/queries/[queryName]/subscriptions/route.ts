import { readJson } from "@/lib/api/body";
import { getEnv } from "@/lib/env";
import { createSubscription, epcisRoute, listSubscriptions } from "@/lib/epcis-query";

type Context = { params: Promise<{ queryName: string }> };

/** GET: the named query's subscriptions. */
export async function GET(request: Request, { params }: Context) {
  const { queryName } = await params;
  return epcisRoute("GET /epcis/queries/[queryName]/subscriptions", async ({ db, member }) => ({
    body: await listSubscriptions({ db, member, queryName }),
  }))(request);
}

/** POST { dest, signatureToken?, stream: true, initialRecordTime? }: subscribes a webhook (201). */
export async function POST(request: Request, { params }: Context) {
  const { queryName } = await params;
  return epcisRoute(
    "POST /epcis/queries/[queryName]/subscriptions",
    async ({ db, member, url }) => {
      const created = await createSubscription({
        db,
        member,
        queryName,
        body: await readJson(request),
        secretsKey: getEnv().WEBHOOK_SECRETS_KEY,
      });
      const location = new URL(`${url.pathname}/${created.subscriptionID}`, url).href;
      return { body: created, status: 201, headers: { location } };
    },
  )(request);
}
