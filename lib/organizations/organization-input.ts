import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseGln } from "@/lib/gs1/keys";
import type { OrganizationKind } from "@/lib/organizations/kinds";
import { locationInput, type ParsedLocation, parseLocation } from "./location-input";
import { parseEmail } from "./parse-person";

export const ORGANIZATION_KINDS = [
  "FARM",
  "PACKER",
  "PROCESSOR",
  "CARRIER",
  "RETAILER",
  "REGULATOR",
] as const satisfies readonly OrganizationKind[];

/** Everything but the address of the first location defaults to the organisation's own. */
export const createOrganizationInput = z.object({
  name: z.string(),
  kind: z.string(),
  gln: z.string(),
  location: locationInput.partial({ name: true, gln: true }),
  firstAdminEmail: z.string().optional(),
});

export type CreateOrganizationInput = z.infer<typeof createOrganizationInput>;

export type ParsedOrganization = {
  name: string;
  kind: OrganizationKind;
  gln: string;
  location: ParsedLocation;
  firstAdminEmail: string | null;
};

export function parseOrganization(input: CreateOrganizationInput): ParsedOrganization {
  const name = input.name.trim();
  if (!name)
    throw new AppError("INVALID_INPUT", "Enter the organisation's name.", { field: "name" });
  const kind = z.enum(ORGANIZATION_KINDS).safeParse(input.kind.trim().toUpperCase());
  if (!kind.success) {
    throw new AppError(
      "INVALID_INPUT",
      `Choose the organisation's kind: ${ORGANIZATION_KINDS.slice(0, -1).join(", ")} or ${ORGANIZATION_KINDS.at(-1)}.`,
      { field: "kind" },
    );
  }
  const gln = parseGln(input.gln);
  const location = parseLocation({
    ...input.location,
    name: input.location.name ?? name,
    gln: input.location.gln ?? gln,
  });
  const firstAdminEmail =
    input.firstAdminEmail === undefined ? null : parseEmail(input.firstAdminEmail);
  return { name, kind: kind.data, gln, location, firstAdminEmail };
}
