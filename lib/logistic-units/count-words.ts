// Imported by the pallet builder in the browser too: nothing here needs the server.

/** Lots and cases, as a button and a unit's page say them: "3 lots, 48 cases". */
export function countWords(contents: readonly { packageCount: number }[]): string {
  const lots = contents.length;
  const cases = contents.reduce((sum, content) => sum + content.packageCount, 0);
  const lotWords = `${lots} ${lots === 1 ? "lot" : "lots"}`;
  return cases > 0 ? `${lotWords}, ${cases} ${cases === 1 ? "case" : "cases"}` : lotWords;
}
