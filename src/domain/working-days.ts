/** Which days do not count: weekday numbers (0 = Sunday) and ISO dates. */
export interface WorkCalendar {
  weekend: readonly number[];
  holidays: readonly string[];
}

/** The units a time limit can be counted in. */
export const CLOCK_UNITS = ['calendar-days', 'working-days', 'weeks', 'months', 'years'] as const;
export type ClockUnit = (typeof CLOCK_UNITS)[number];

function parseDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// Arithmetic on UTC midnights by hand: date-fns adds months in the host's zone, which moved
// 31 Aug + 6 months to 1 Mar under TZ=America/New_York.
function addDays(date: Date, n: number): Date {
  return new Date(date.getTime() + n * 86_400_000);
}

function addMonths(date: Date, n: number): Date {
  const months = date.getUTCFullYear() * 12 + date.getUTCMonth() + n;
  const year = Math.floor(months / 12);
  const month = months - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
}

/** Whether a calendar date (YYYY-MM-DD) is a working day. */
export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  const day = parseDay(date).getUTCDay();
  return !calendar.weekend.includes(day) && !calendar.holidays.includes(date);
}

/**
 * Adds n working days to a calendar date: the start day does not count, weekends and holidays
 * are skipped. Pure date arithmetic on YYYY-MM-DD, so the host's zone cannot shift it.
 */
export function addWorkingDays(date: string, n: number, calendar: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  if (calendar.weekend.length >= 7)
    throw new RangeError('a calendar needs at least one working day');
  let current = parseDay(date);
  let left = n;
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(formatDay(current), calendar)) left -= 1;
  }
  return formatDay(current);
}

/**
 * Adds a time limit to a calendar date. Months and years end on the same day of the month, or
 * the month's last day when it has none (31 Jan + 1 month = 28/29 Feb; 29 Feb + 1 year = 28 Feb).
 */
export function addPeriod(
  date: string,
  amount: number,
  unit: ClockUnit,
  calendar: WorkCalendar,
): string {
  const start = parseDay(date);
  switch (unit) {
    case 'working-days':
      return addWorkingDays(date, amount, calendar);
    case 'calendar-days':
      return formatDay(addDays(start, amount));
    case 'weeks':
      return formatDay(addDays(start, amount * 7));
    case 'months':
      return formatDay(addMonths(start, amount));
    case 'years':
      return formatDay(addMonths(start, amount * 12));
  }
}
