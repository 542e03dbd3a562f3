import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

function createAuth() {
  const env = getEnv();
  return betterAuth({
    database: prismaAdapter(getDb(), { provider: "postgresql" }),
    secret: env.AUTH_SECRET,
    baseURL: env.APP_URL,
    // Accounts are created by an organisation's admin (and the demo seed), never by self sign-up.
    emailAndPassword: { enabled: true, disableSignUp: true },
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
