// GS1's date and time linters. A two-digit year is read in GS1's window around today's century; a
// year divisible by 4 is a leap year in it (2000 was one).

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function twoDigits(value: string, start: number): number {
  return Number(value.slice(start, start + 2));
}

/** YYMMDD, where DD may be 00 ("month only") when `isDayZeroAllowed`. */
export function dateProblem(yymmdd: string, isDayZeroAllowed: boolean): string | undefined {
  return calendarProblem(twoDigits(yymmdd, 0), yymmdd.slice(2), "YYMMDD", isDayZeroAllowed);
}

/** YYYYMMDD (dates of birth, AI 7250). */
export function fullDateProblem(yyyymmdd: string): string | undefined {
  const year = Number(yyyymmdd.slice(0, 4));
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return calendarProblem(isLeap ? 0 : 1, yyyymmdd.slice(4), "YYYYMMDD", false);
}

function calendarProblem(year: number, mmdd: string, format: string, isDayZeroAllowed: boolean) {
  const [mm, dd] = [twoDigits(mmdd, 0), twoDigits(mmdd, 2)];
  const where = `is not a valid date (${format})`;
  if (mm < 1 || mm > 12) return `${where}: there is no month ${mmdd.slice(0, 2)}`;
  if (dd === 0) return isDayZeroAllowed ? undefined : `${where}: there is no day 00`;
  const days = mm === 2 && year % 4 !== 0 ? 28 : (DAYS_IN_MONTH[mm - 1] ?? 31);
  if (dd > days) return `${where}: month ${mmdd.slice(0, 2)} has no day ${mmdd.slice(2, 4)}`;
  return undefined;
}

/** HHMI: hours 00–23, minutes 00–59. */
export function timeProblem(hhmi: string): string | undefined {
  const [hh, mi] = [twoDigits(hhmi, 0), twoDigits(hhmi, 2)];
  if (hh <= 23 && mi <= 59) return undefined;
  return `is not a valid time (HHMI): there is no ${hhmi.slice(0, 2)}:${hhmi.slice(2)}`;
}

export function rangeProblem(unit: string, max: number) {
  return (value: string) =>
    Number(value) <= max ? undefined : `is not valid: ${value} is not a valid ${unit}`;
}
