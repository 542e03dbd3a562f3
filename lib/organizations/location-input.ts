import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseGln } from "@/lib/gs1/keys";

/** A place as typed in a form or given on the command line; coordinates are optional. */
export const locationInput = z.object({
  name: z.string(),
  gln: z.string(),
  address: z.string(),
  latitude: z.union([z.string(), z.number()]).optional(),
  longitude: z.union([z.string(), z.number()]).optional(),
});

export type LocationInput = z.infer<typeof locationInput>;

export type ParsedLocation = {
  name: string;
  gln: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
};

/** Checks a location the FSMA way: its own GLN (check digit), a name and address, sane coordinates. */
export function parseLocation(input: LocationInput): ParsedLocation {
  const name = input.name.trim();
  if (!name) throw new AppError("INVALID_INPUT", "Enter the location's name.", { field: "name" });
  const gln = parseGln(input.gln);
  const address = input.address.trim();
  if (!address) {
    throw new AppError("INVALID_INPUT", "Enter the location's address.", { field: "address" });
  }
  const latitude = parseCoordinate(input.latitude, "latitude", 90);
  const longitude = parseCoordinate(input.longitude, "longitude", 180);
  if ((latitude === null) !== (longitude === null)) {
    throw new AppError("INVALID_INPUT", "Enter both latitude and longitude, or neither.", {
      field: latitude === null ? "latitude" : "longitude",
    });
  }
  return { name, gln, address, latitude, longitude };
}

function parseCoordinate(
  value: string | number | undefined,
  field: "latitude" | "longitude",
  limit: number,
): number | null {
  const text = String(value ?? "").trim();
  if (text === "") return null;
  const number = Number(text);
  if (!Number.isFinite(number) || Math.abs(number) > limit) {
    throw new AppError(
      "INVALID_INPUT",
      `The ${field} must be a number from -${limit} to ${limit}, such as ${field === "latitude" ? "36.6777" : "-121.6555"}.`,
      { field },
    );
  }
  return number;
}
