import "server-only";
import { z } from "zod";
import type { ApiKeyScope } from "@/lib/auth/api-key-scopes";
import { authenticateRequest } from "@/lib/auth/caller";
import type { Member } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/organizations/directory";
import { respondFailure } from "./respond";

/** What every write route answers: the queued ledger write, before the chain has seen it. */
export type WriteAnswer = { writeId: string; lotId: string | null; status: string };

const idempotencyKey = z.uuid();

/** The request's `Idempotency-Key` header (a UUID), if it sent one. */
export function readIdempotencyKey(request: Request): string | undefined {
  const header = request.headers.get("idempotency-key");
  if (header === null) return undefined;
  if (!idempotencyKey.safeParse(header).success) {
    throw new AppError(
      "INVALID_INPUT",
      "The Idempotency-Key header must be a UUID: make one per action with crypto.randomUUID() and send the same one when you retry it.",
    );
  }
  return header;
}

/** The write the organisation made under this key, as the first answer gave it. */
async function findKeyedWrite(
  db: Db,
  organizationId: string,
  key: string,
): Promise<WriteAnswer | null> {
  const write = await db.ledgerTransaction.findUnique({
    where: { organizationId_idempotencyKey: { organizationId, idempotencyKey: key } },
    select: { id: true, lotId: true },
  });
  return write && { writeId: write.id, lotId: write.lotId, status: "PENDING" };
}

/**
 * Answers a write route: 202 `{ writeId, lotId, status: "PENDING" }` as soon as the write is in the
 * outbox. With an `Idempotency-Key` the write happens once per organisation and key: a repeat is
 * answered 200 with the first write, before any rule is checked again (the first write has changed
 * what the rules see), and one that raced past that check is rolled back by the unique key.
 * A refusal writes nothing, so the same key may be sent again after it.
 */
export async function respondToWrite(
  context: string,
  request: Request,
  scope: ApiKeyScope,
  write: (member: Member, key: string | undefined) => Promise<{ writeId: string; lotId?: string }>,
): Promise<Response> {
  try {
    const member = await authenticateRequest(request, { scope });
    const key = readIdempotencyKey(request);
    const db = getDb();
    const earlier = key ? await findKeyedWrite(db, member.organization.id, key) : null;
    if (earlier) return Response.json(earlier, { status: 200 });
    try {
      const { writeId, lotId } = await write(member, key);
      const answer: WriteAnswer = { writeId, lotId: lotId ?? null, status: "PENDING" };
      return Response.json(answer, { status: 202 });
    } catch (error) {
      const raced = key && isUniqueViolation(error);
      const first = raced ? await findKeyedWrite(db, member.organization.id, key) : null;
      if (first) return Response.json(first, { status: 200 });
      throw error;
    }
  } catch (error) {
    return respondFailure(error, context);
  }
}
