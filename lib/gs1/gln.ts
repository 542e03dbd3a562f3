import { parseGs1Key } from "./gs1-key";

/** Parses a GLN (Global Location Number, 13 digits) of a farm, packhouse, warehouse or store. */
export function parseGln(input: string): string {
  return parseGs1Key(input, {
    name: "GLN",
    noun: "A GLN",
    length: 13,
    field: "gln",
    emptyMessage: "Enter the GLN, the 13-digit Global Location Number of the place.",
  });
}
