import { AppError } from "@/lib/errors";

type MemberLike = { role: string; organization: { name: string } };

export function isOrganizationAdmin(member: { role: string }): boolean {
  return member.role === "ADMIN";
}

/** The sentence a non-admin sees, on the page and from the action alike. */
export function adminOnlyMessage(member: MemberLike, what: string): string {
  return `Only an admin of ${member.organization.name} can ${what}: ask one of them.`;
}

/** Refuses anyone but an admin of their own organisation; `what` reads "manage its people". */
export function assertOrganizationAdmin(member: MemberLike, what: string): void {
  if (!isOrganizationAdmin(member)) {
    throw new AppError("FORBIDDEN", adminOnlyMessage(member, what));
  }
}

export const MANAGE_PEOPLE = "manage its people";
export const ADD_LOCATIONS = "add locations";
