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

/** Optional text: null when empty or left out. */
function optionalText(max: number, sentence: string) {
  return z
    .string()
    .trim()
    .max(max, sentence)
    .nullish()
    .transform((text) => text || null);
}

/** An optional check of an optional text: null when empty, else the text as `normalise` gives it. */
function optionalChecked(
  isValid: (text: string) => boolean,
  sentence: string,
  normalise = (t: string) => t,
) {
  return optionalText(80, sentence)
    .refine((text) => text === null || isValid(normalise(text)), sentence)
    .transform((text) => (text === null ? null : normalise(text)));
}

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/**
 * A place the FSMA way: its own GLN (check digit), a name, the location description FSMA 204 asks
 * for (street, city, state or region, postal code, country, phone), its time zone, sane coordinates.
 * The description's parts beyond the street line are optional, so a place can be added before all
 * of it is known; the FSMA export leaves out what is missing.
 */
export const locationInput = z
  .object({
    name: requiredText("Enter the location's name."),
    gln,
    address: requiredText("Enter the location's address."),
    city: optionalText(80, "The city is too long: at most 80 characters."),
    region: optionalText(80, "The state or region is too long: at most 80 characters."),
    postalCode: optionalText(20, "The postal code is too long: at most 20 characters."),
    countryCode: optionalChecked(
      (code) => /^[A-Z]{2}$/.test(code),
      "The country is two letters (ISO 3166), such as US.",
      (code) => code.toUpperCase(),
    ),
    phone: optionalChecked(
      (phone) => /^\+?[\d\s().-]{6,20}$/.test(phone),
      "The phone should be a phone number, such as +1 831 555 0142.",
    ),
    timeZone: optionalChecked(
      isTimeZone,
      "The time zone is an IANA name, such as America/Los_Angeles.",
    ),
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
