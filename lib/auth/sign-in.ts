import "server-only";
import { auditSignIn } from "@/lib/audit";
import { getDb } from "@/lib/db";
import {
  clientAddressOfRequest,
  LIMITS,
  type RateLimit,
  withFailureLimits,
} from "@/lib/rate-limit";
import { getAuth } from "./auth";

/**
 * Runs a sign-in `attempt` under LotLedger's limits, which Better Auth's calls from the server do
 * not pass through: failures per account (the e-mail address as typed, in any case) and per client
 * address, counted in PostgreSQL for every app instance. Over a limit, the password is not checked
 * and the AppError says "Too many sign-in attempts: try again in N minutes." Each password checked
 * is written in the audit log, signed in or failed.
 */
export function limitSignIn<T>(email: string, headers: Headers, attempt: () => Promise<T>) {
  const limits: [RateLimit, string][] = [
    [LIMITS.signInAccount, email.trim().toLowerCase()],
    [LIMITS.signInAddress, clientAddressOfRequest(headers)],
  ];
  return withFailureLimits(getDb(), limits, () =>
    auditSignIn(getDb(), { email, headers }, attempt),
  );
}

/** The sign-in page: Better Auth checks the password and sets the session cookie. */
export async function signInWithPassword(input: {
  email: string;
  password: string;
  headers: Headers;
}): Promise<void> {
  const { email, password, headers } = input;
  await limitSignIn(email, headers, () =>
    getAuth().api.signInEmail({ body: { email, password }, headers }),
  );
}
