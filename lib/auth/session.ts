import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findMember, getAuth } from "./auth";

export type Member = {
  userId: string;
  name: string;
  email: string;
  role: "ADMIN" | "STAFF" | "READ_ONLY";
  organization: {
    id: string;
    name: string;
    kind: string;
    gln: string;
    chainAddress: string;
    /** The IANA zone of its first place that has one: the clock its staff read times on. */
    timeZone?: string | null;
  };
  /** The API key the request came with (lib/auth/caller.ts), for the audit log. */
  apiKey?: { id: string; name: string };
};

/** The signed-in person and their organisation, or null. Read once per request. */
export const getMember = cache(async (): Promise<Member | null> => {
  // Read the request first: it marks the page dynamic before anything touches the configuration.
  const requestHeaders = await headers();
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  return findMember(getDb(), session.user.id);
});

/** For pages: the member, or a redirect to sign-in. */
export async function requireMember(): Promise<Member> {
  const member = await getMember();
  if (!member) redirect("/sign-in");
  return member;
}

/** For actions and route handlers: the member, or an UNAUTHENTICATED error. */
export async function authenticate(): Promise<Member> {
  const member = await getMember();
  if (!member)
    throw new AppError("UNAUTHENTICATED", "Your session has ended: sign in again to continue.");
  return member;
}
