import "server-only";
import { z } from "zod";
import type { ApiKeyScope } from "@/lib/auth/api-key-scopes";
import { authenticateRequest } from "@/lib/auth/caller";
import type { Member } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
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

/** A write's outcome: 202 for a new write, 200 for the one an earlier request made under the key. */
export type WriteOutcome = { status: 200 | 202; answer: WriteAnswer };

/**
 * Makes a write at most once per organisation and key. A repeat is answered with the first write
 * before any rule is checked again (the first write has changed what the rules see). A repeat that
 * raced past that check fails — on the unique key, or on a rule the first write now trips — and is
 * answered with the first write too. A refusal writes nothing, so the same key may be sent again.
 */
export async function writeOnce({
  db,
  member,
  key,
  write,
}: {
  db: Db;
  member: Member;
  key: string | undefined;
  write: () => Promise<{ writeId: string; lotId?: string }>;
}): Promise<WriteOutcome> {
  const earlier = key ? await findKeyedWrite(db, member.organization.id, key) : null;
  if (earlier) return { status: 200, answer: earlier };
  try {
    const { writeId, lotId } = await write();
    return { status: 202, answer: { writeId, lotId: lotId ?? null, status: "PENDING" } };
  } catch (error) {
    const first = key ? await findKeyedWrite(db, member.organization.id, key) : null;
    if (first) return { status: 200, answer: first };
    throw error;
  }
}

/**
 * Answers a write route: 202 `{ writeId, lotId, status: "PENDING" }` as soon as the write is in the
 * outbox, exactly once per `Idempotency-Key` (writeOnce).
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
    const { status, answer } = await writeOnce({
      db: getDb(),
      member,
      key,
      write: () => write(member, key),
    });
    return Response.json(answer, { status });
  } catch (error) {
    return respondFailure(error, context);
  }
}
