import "server-only";
import { readIdempotencyKey, writeOnce } from "@/lib/api/idempotency";
import { respondFailure } from "@/lib/api/respond";
import type { ApiKeyScope } from "@/lib/auth/api-key-scopes";
import { authenticateRequest } from "@/lib/auth/caller";
import type { Member } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

/**
 * Answers a shipment route as every write route answers (lib/api/idempotency.ts: 202, exactly once
 * per Idempotency-Key), with the shipment's own fields beside the write's id: a repeat gets them
 * back from the first write's payload through `recall`.
 */
export async function respondToShipmentWrite<Extra extends object>(
  context: string,
  request: Request,
  scope: ApiKeyScope,
  write: (member: Member, key: string | undefined) => Promise<{ writeId: string } & Extra>,
  recall: (writeId: string) => Promise<Extra>,
): Promise<Response> {
  try {
    const member = await authenticateRequest(request, { scope });
    const key = readIdempotencyKey(request);
    let extra: Extra | null = null;
    const { status, answer } = await writeOnce({
      db: getDb(),
      member,
      key,
      write: async () => {
        const { writeId, ...rest } = await write(member, key);
        extra = rest as unknown as Extra;
        return { writeId };
      },
    });
    const fields = extra ?? (await recall(answer.writeId));
    return Response.json({ writeId: answer.writeId, ...fields, status: "PENDING" }, { status });
  } catch (error) {
    return respondFailure(error, context);
  }
}
