import { deleteSubscription, epcisRoute } from "@/lib/epcis-query";

type Context = { params: Promise<{ queryName: string; subscriptionID: string }> };

/** DELETE: ends the subscription; nothing more is delivered to it (204). */
export async function DELETE(request: Request, { params }: Context) {
  const { queryName, subscriptionID } = await params;
  return epcisRoute(
    "DELETE /epcis/queries/[queryName]/subscriptions/[subscriptionID]",
    async ({ db, member }) => {
      await deleteSubscription({ db, member, queryName, subscriptionId: subscriptionID });
      return { body: null, status: 204 };
    },
  )(request);
}
