import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { mailConfigOf } from "@/lib/mail/send-mail";
import { deliverPasswordReset, RESET_LINK_SECONDS, resetPasswordUrl } from "./password-reset-email";
import type { Member } from "./session";

// Better Auth's own limits, which a new password is checked against before Better Auth sees it.
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

/** A password someone chooses for their account, refused in the sentence the form shows. */
export const passwordInput = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Choose a password of at most ${MAX_PASSWORD_LENGTH} characters.`);

function createAuth() {
  const env = getEnv();
  return betterAuth({
    database: prismaAdapter(getDb(), { provider: "postgresql" }),
    secret: env.AUTH_SECRET,
    baseURL: env.APP_URL,
    // Accounts are created by accepting an admin's invitation (lib/organizations) and by the demo
    // seed, never by self sign-up.
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      // "Forgot password": the link goes to our own page (app/sign-in/reset-password), and a new
      // password signs the account out everywhere else.
      resetPasswordTokenExpiresIn: RESET_LINK_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        void deliverPasswordReset(
          mailConfigOf(env),
          user.email,
          resetPasswordUrl(env.APP_URL, token),
        );
      },
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

/**
 * A user as a member of their organisation, or null when they belong to none (e.g. removed). Here,
 * not in session.ts, so that scripts and tests without a request (seed, CLI, fixtures) can use it.
 */
export async function findMember(db: Db, userId: string): Promise<Member | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      organization: {
        select: {
          id: true,
          name: true,
          kind: true,
          gln: true,
          chainAddress: true,
          locations: {
            where: { timeZone: { not: null } },
            orderBy: { createdAt: "asc" },
            take: 1,
            select: { timeZone: true },
          },
        },
      },
    },
  });
  if (!user?.organization) return null;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organization: {
      id: user.organization.id,
      name: user.organization.name,
      kind: user.organization.kind,
      gln: user.organization.gln,
      chainAddress: user.organization.chainAddress,
      timeZone: user.organization.locations[0]?.timeZone ?? null,
    },
  };
}
