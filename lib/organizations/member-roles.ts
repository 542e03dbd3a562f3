/** The roles of a person inside their organisation (also read by client components: no imports). */
export const MEMBER_ROLES = ["ADMIN", "STAFF", "READ_ONLY"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Each role in the words the members page uses. */
export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  ADMIN: "Admin",
  STAFF: "Staff",
  READ_ONLY: "Read-only",
};
