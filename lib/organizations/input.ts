import { z } from "zod";
import { passwordInput } from "@/lib/auth/auth";
import { parseGln } from "@/lib/gs1/keys";
import { parsedBy } from "@/lib/input";
import { ORGANIZATION_KINDS } from "./kinds";
import { MEMBER_ROLES } from "./roles";

// What people type about organisations, their places and their people, as zod schemas read through
// lib/input.ts's parseInput: each check carries the sentence a person sees, at its field.

const gln = parsedBy(parseGln);
const requiredText = (sentence: string) => z.string().trim().min(1, sentence);

/** Optional; text from a form or a number from code, within ±limit. */
function coordinate(name: "latitude" | "longitude", limit: number, example: string) {
  return z
    .union([z.string(), z.number()])
    .optional()
    .transform((value, context) => {
      const text = String(value ?? "").trim();
      if (text === "") return null;
      const number = Number(text);
      if (Number.isFinite(number) && Math.abs(number) <= limit) return number;
      context.addIssue({
        code: "custom",
        message: `The ${name} must be a number from -${limit} to ${limit}, such as ${example}.`,
      });
      return z.NEVER;
    });
}

/** A place the FSMA way: its own GLN (check digit), a name and address, sane coordinates. */
export const locationInput = z
  .object({
    name: requiredText("Enter the location's name."),
    gln,
    address: requiredText("Enter the location's address."),
    latitude: coordinate("latitude", 90, "36.6777"),
    longitude: coordinate("longitude", 180, "-121.6555"),
  })
  .superRefine(({ latitude, longitude }, context) => {
    if ((latitude === null) !== (longitude === null)) {
      context.addIssue({
        code: "custom",
        message: "Enter both latitude and longitude, or neither.",
        path: [latitude === null ? "latitude" : "longitude"],
      });
    }
  });
export type LocationInput = z.input<typeof locationInput>;

export const memberRoleInput = z.enum(MEMBER_ROLES, {
  error: "Choose a role: admin, staff or read-only.",
});

/** Emails are compared in lower case, as Better Auth stores them. */
export const emailInput = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter the person's email address.")
  .pipe(z.email({ error: (issue) => `"${issue.input}" is not an email address: check it.` }));

/** Everything but the address of the first location defaults to the organisation's own. */
export type CreateOrganizationInput = {
  name: string;
  kind: string;
  gln: string;
  location: Omit<LocationInput, "name" | "gln"> & Partial<Pick<LocationInput, "name" | "gln">>;
  firstAdminEmail?: string;
};

const kindSentence = `Choose the organisation's kind: ${ORGANIZATION_KINDS.slice(0, -1).join(", ")} or ${ORGANIZATION_KINDS.at(-1)}.`;

export const createOrganizationInput = z.preprocess(
  (input: CreateOrganizationInput) => ({
    ...input,
    location: {
      ...input.location,
      name: input.location.name ?? input.name,
      gln: input.location.gln ?? input.gln,
    },
  }),
  z.object({
    name: requiredText("Enter the organisation's name."),
    kind: z
      .string()
      .trim()
      .toUpperCase()
      .pipe(z.enum(ORGANIZATION_KINDS, { error: kindSentence })),
    gln,
    location: locationInput,
    firstAdminEmail: emailInput.optional().transform((email) => email ?? null),
  }),
);
export type ParsedOrganization = z.output<typeof createOrganizationInput>;

/** An admin's invitation of someone by email, with a role. */
export const inviteMemberInput = z.object({ email: emailInput, role: memberRoleInput });

/** The operator's invitation into the organisation with this GLN (the CLI's `org invite`). */
export const operatorInvitationInput = z.object({ gln, email: emailInput, role: memberRoleInput });

export const changeMemberRoleInput = z.object({ userId: z.string(), role: memberRoleInput });

/** What an invitee chooses when accepting: the name shown on what they record, and a password. */
export const acceptInvitationInput = z.object({
  name: requiredText("Enter your name.").transform((name) => name.slice(0, 120)),
  password: passwordInput,
});
