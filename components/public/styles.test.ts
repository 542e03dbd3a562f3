import { describe, expect, it } from "vitest";
import { PUBLIC_CSS } from "./styles";

// Issue 15: "words break mid-word on error pages". `word-break: break-all` and
// `overflow-wrap: anywhere` cut any word at the line's end ("Chec|k"); break-word cuts only a word
// too long for a line of its own, such as a hash.
describe("the public pages' stylesheet", () => {
  it("never breaks a word that fits on a line", () => {
    expect(PUBLIC_CSS).not.toMatch(/break-all|overflow-wrap:\s*anywhere/);
    expect(PUBLIC_CSS).toMatch(/\.prose\{[^}]*hyphens:auto/);
  });
});
