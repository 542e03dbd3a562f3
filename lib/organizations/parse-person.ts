import { z } from "zod";
import { AppError } from "@/lib/errors";
import { MEMBER_ROLES, type MemberRole } from "./member-roles";

export function parseMemberRole(value: string): MemberRole {
  const role = z.enum(MEMBER_ROLES).safeParse(value);
  if (!role.success) {
    throw new AppError("INVALID_INPUT", "Choose a role: admin, staff or read-only.", {
      field: "role",
    });
  }
  return role.data;
}

/** Emails are compared in lower case, as Better Auth stores them. */
export function parseEmail(value: string): string {
  const email = value.trim().toLowerCase();
  if (!email) {
    throw new AppError("INVALID_INPUT", "Enter the person's email address.", { field: "email" });
  }
  if (!z.email().safeParse(email).success) {
    throw new AppError("INVALID_INPUT", `"${email}" is not an email address: check it.`, {
      field: "email",
    });
  }
  return email;
}

// Better Auth's own limits (emailAndPassword.minPasswordLength is set from this in lib/auth/auth.ts).
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

export function parsePassword(password: string): string {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      "INVALID_INPUT",
      `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`,
      { field: "password" },
    );
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new AppError(
      "INVALID_INPUT",
      `Choose a password of at most ${MAX_PASSWORD_LENGTH} characters.`,
      { field: "password" },
    );
  }
  return password;
}

export function parsePersonName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new AppError("INVALID_INPUT", "Enter your name.", { field: "name" });
  return trimmed.slice(0, 120);
}
