import { toNextJsHandler } from "better-auth/next-js";
import { readJson } from "@/lib/api/body";
import { respondFailure } from "@/lib/api/respond";
import { getAuth } from "@/lib/auth/auth";
import { limitSignIn } from "@/lib/auth/sign-in";

// Better Auth's endpoints (sign-in, sign-out, session) for API clients; pages use server actions.
export async function GET(request: Request): Promise<Response> {
  return toNextJsHandler(getAuth()).GET(request);
}

/** An answer Better Auth gave that counts as a failed sign-in. */
class Refused extends Error {
  constructor(readonly response: Response) {
    super("sign-in refused");
  }
}

export async function POST(request: Request): Promise<Response> {
  const handle = toNextJsHandler(getAuth()).POST;
  if (!new URL(request.url).pathname.endsWith("/sign-in/email")) return handle(request);
  // The sign-in page's limits, on the same counters: which door a guess comes through is no matter.
  try {
    const body = await readJson(request.clone(), { maxBytes: 10_000 });
    const email = (body as { email?: unknown } | null)?.email;
    return await limitSignIn(typeof email === "string" ? email : "", request.headers, async () => {
      const response = await handle(request);
      if (!response.ok) throw new Refused(response);
      return response;
    });
  } catch (error) {
    if (error instanceof Refused) return error.response;
    return respondFailure(error, "POST /api/auth/sign-in/email");
  }
}
