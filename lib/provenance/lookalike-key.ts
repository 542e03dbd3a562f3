/**
 * Characters a person copying a lot code off a package mixes up, and the one each stands for. Lot
 * codes are inkjet- or laser-printed on curved film and card, often in a narrow dot-matrix face where
 * these pairs differ by a stroke or two. The set is Crockford's Base32 decoding rule for codes people
 * type (I and L read as 1, O as 0; the L also catches a small l typed for a 1, since case is folded
 * first), which is a published convention for exactly this problem, plus
 * the two pairs printers' dot-matrix faces blur most (S and 5, B and 8). Left out on purpose: Z/2,
 * G/6, Q/0, U/V — each would match more real, distinct codes than it rescues typos, and every pair
 * added makes a "did you mean" point at more lots.
 */
export const LOOKALIKE_FROM = "OILSB";
export const LOOKALIKE_TO = "01158";

/** A lot code with case and look-alike characters folded: codes that differ only there share it. */
export function lookalikeKey(lotCode: string): string {
  let key = "";
  for (const character of lotCode.trim().toUpperCase()) {
    const at = LOOKALIKE_FROM.indexOf(character);
    key += at === -1 ? character : LOOKALIKE_TO[at];
  }
  return key;
}
