import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/organizations/parse-person";

function createAuth() {
  const env = getEnv();
  return betterAuth({
    database: prismaAdapter(getDb(), { provider: "postgresql" }),
    secret: env.AUTH_SECRET,
    baseURL: env.APP_URL,
    // Accounts are created by accepting an admin's invitation (lib/organizations/accept-invitation.ts)
    // and by the demo seed, never by self sign-up.
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    user: {
      additionalFields: {
        organizationId: { type: "string", required: false, input: false },
        role: { type: "string", required: false, input: false },
      },
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const holder = globalThis as { lotledgerAuth?: Auth };

export function getAuth(): Auth {
  holder.lotledgerAuth ??= createAuth();
  return holder.lotledgerAuth;
}
