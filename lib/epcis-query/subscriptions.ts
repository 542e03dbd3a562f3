import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { encryptSigningKey } from "@/lib/organizations";
import { checkWebhookUrl } from "@/lib/recall";
import { getNamedQuery } from "./named-queries";

// Webhook subscriptions to a named query (/epcis/queries/{name}/subscriptions): `stream: true`
// delivers each new matching event (lib/epcis-query/deliver-subscriptions.ts); a schedule is not
// offered. Delivery starts at `initialRecordTime`, else at the subscription's creation.

const subscriptionInput = z.object({
  dest: z.string({ error: "Give dest: the https:// address the events are POSTed to." }),
  signatureToken: z
    .string()
    .min(16, {
      error:
        "A signatureToken has at least 16 characters: or leave it out and use the one LotLedger makes.",
    })
    .optional(),
  stream: z.literal(true, {
    error:
      "Set stream to true: LotLedger delivers each new matching event; scheduled subscriptions are not offered.",
  }),
  initialRecordTime: z.iso
    .datetime({
      offset: true,
      error:
        "initialRecordTime must be a date and time with its offset, e.g. 2026-05-01T08:00:00Z.",
    })
    .optional(),
});

type Options = { db: Db; member: Pick<Member, "organization"> };

/**
 * Subscribes `dest` to the query; answers the subscription with its signatureToken, shown this once
 * (the client's own, or one made here): each delivery is signed with it (x-lotledger-signature).
 */
export async function createSubscription({
  db,
  member,
  queryName,
  body,
  secretsKey,
  addressing,
}: Options & {
  queryName: string;
  body: unknown;
  secretsKey: string;
  addressing?: Parameters<typeof checkWebhookUrl>[1];
}) {
  const input = parseInput(subscriptionInput, body);
  const dest = await checkWebhookUrl(input.dest, addressing);
  const query = await getNamedQuery({ db, member, name: queryName });
  const signatureToken = input.signatureToken ?? `epcis_${randomBytes(24).toString("base64url")}`;
  const created = await db.epcisSubscription.create({
    data: {
      queryId: query.id,
      dest,
      encryptedSignatureToken: encryptSigningKey(signatureToken, secretsKey),
      afterRecordTime: input.initialRecordTime ? new Date(input.initialRecordTime) : new Date(),
    },
  });
  return { ...describe(created), signatureToken };
}

function describe(s: { id: string; dest: string; createdAt: Date; lastNotifiedAt: Date | null }) {
  return {
    subscriptionID: s.id,
    dest: s.dest,
    stream: true,
    createdAt: s.createdAt.toISOString(),
    ...(s.lastNotifiedAt ? { lastNotifiedAt: s.lastNotifiedAt.toISOString() } : {}),
  };
}

export async function listSubscriptions({
  db,
  member,
  queryName,
}: Options & { queryName: string }) {
  const query = await getNamedQuery({ db, member, name: queryName });
  const rows = await db.epcisSubscription.findMany({
    where: { queryId: query.id },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(describe);
}

export async function deleteSubscription({
  db,
  member,
  queryName,
  subscriptionId,
}: Options & { queryName: string; subscriptionId: string }) {
  const query = await getNamedQuery({ db, member, name: queryName });
  const { count } = await db.epcisSubscription.deleteMany({
    where: { id: subscriptionId, queryId: query.id },
  });
  if (count === 0) {
    throw new AppError(
      "NOT_FOUND",
      `The query “${queryName}” has no subscription ${subscriptionId}: GET its subscriptions to list them.`,
    );
  }
}
