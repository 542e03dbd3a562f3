// lib/organizations, the one door to organisations, their places and their people. Other domains,
// app/, tools/ and workers/ import from here. Client components import "./roles" and
// "./invitation-message" instead: those two need no server.
import "server-only";

export {
  acceptInvitation,
  createMemberAccount,
  getOpenInvitation,
  type OpenInvitation,
} from "./accept-invitation";
export {
  type CreatedOrganization,
  createOrganization,
  type OrganizationLedger,
} from "./create-organization";
export {
  addLocation,
  findShippingParties,
  getOrganization,
  getPlaceDirectory,
  type Place,
  type PlaceDirectory,
  postalAddress,
  siteName,
} from "./directory";
export type { CreateOrganizationInput, LocationInput } from "./input";
export { emailInvitationTransport, invitationTransportFor } from "./invitation-email";
export {
  formatInvitationDate,
  type InvitationDelivery,
  type InvitationMessage,
  type InvitationTransport,
  invitationSentence,
  logInvitationTransport,
} from "./invitation-message";
export {
  type CreatedInvitation,
  hashInvitationToken,
  INVITATION_TTL_MS,
  invitationUrl,
  inviteByOperator,
  inviteMember,
  revokeInvitation,
} from "./invitations";
export { ORGANIZATION_KINDS, type OrganizationKind, roleForOrganizationKind } from "./kinds";
export {
  changeMemberRole,
  getPeople,
  type PendingInvitation,
  type Person,
  removeMember,
} from "./members";
export {
  ADD_LOCATIONS,
  adminOnlyMessage,
  assertOrganizationAdmin,
  isOrganizationAdmin,
  MANAGE_PEOPLE,
  MEMBER_ROLE_LABELS,
  MEMBER_ROLES,
  type MemberRole,
} from "./roles";
export {
  createSignerLookup,
  createSigningKey,
  decryptSigningKey,
  encryptSigningKey,
} from "./signing-key";
