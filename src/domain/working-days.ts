import { tz } from '@date-fns/tz';
import { addDays, addMonths, addWeeks, addYears } from 'date-fns';

// Calendar dates are UTC midnights: date-fns must count in UTC, or the host's zone moves them
// (31 Jan + 1 month was 1 March under TZ=America/New_York).
const IN_UTC = { in: tz('UTC') };

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
    current = addDays(current, 1, IN_UTC);
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
      return formatDay(addDays(start, amount, IN_UTC));
    case 'weeks':
      return formatDay(addWeeks(start, amount, IN_UTC));
    case 'months':
      return formatDay(addMonths(start, amount, IN_UTC));
    case 'years':
      return formatDay(addYears(start, amount, IN_UTC));
  }
}
