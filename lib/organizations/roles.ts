import { AppError } from "@/lib/errors";

// Who may do what inside an organisation. Client components read this file too: it imports nothing
// that needs the server.

/** The roles of a person inside their organisation. */
export const MEMBER_ROLES = ["ADMIN", "STAFF", "READ_ONLY"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Each role in the words the members page uses. */
export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  ADMIN: "Admin",
  STAFF: "Staff",
  READ_ONLY: "Read-only",
};

/** What only an admin may do, completing "Only an admin of … can …". */
export const MANAGE_PEOPLE = "manage its people";
export const ADD_LOCATIONS = "add locations";

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
