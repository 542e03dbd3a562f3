import "server-only";
import type { Db } from "@/lib/db/client";
import { originOf, type RequestOrigin } from "./record";

/**
 * Runs one password check (`attempt`, which throws when it fails) and records how it went, on the
 * account the address names when there is one, so its organisation's admins see the failures too.
 * lib/auth calls it inside its rate limits: an attempt refused by them checks no password and
 * leaves no entry, so a flood of guesses cannot flood the log either.
 */
export async function auditSignIn<T>(
  db: Db,
  { email, headers }: { email: string; headers: Headers },
  attempt: () => Promise<T>,
): Promise<T> {
  const origin = originOf(headers);
  let result: T;
  try {
    result = await attempt();
  } catch (error) {
    await recordSignIn(db, email, false, origin);
    throw error;
  }
  await recordSignIn(db, email, true, origin);
  return result;
}

async function recordSignIn(db: Db, email: string, isSignedIn: boolean, origin: RequestOrigin) {
  const typed = email.trim().slice(0, 200);
  const user = await db.user.findFirst({
    where: { email: { equals: typed, mode: "insensitive" } },
    select: { id: true, name: true, organization: { select: { id: true, name: true } } },
  });
  await db.auditEntry.create({
    data: {
      action: isSignedIn ? "SIGNED_IN" : "SIGN_IN_FAILED",
      summary: isSignedIn
        ? `Signed in as ${typed}`
        : `Failed to sign in as ${typed}: wrong email or password`,
      userId: user?.id,
      actorName: user?.name ?? typed,
      organizationId: user?.organization?.id,
      organizationName: user?.organization?.name,
      subjectId: user?.id,
      ...origin,
    },
    select: { id: true },
  });
}
