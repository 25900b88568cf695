import { tz } from '@date-fns/tz/tz';
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { addYears } from 'date-fns/addYears';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOfLocalDay, localDateOf, zonedInstant } from '../../src/domain/dates.js';
import { addCalendarPeriodUtc } from '../../src/domain/working-days.js';

// The clocks count calendar periods in plain UTC arithmetic (fast on thousands of cases): it
// must give what date-fns gives in UTC, month ends and leap days included.
const utc = { in: tz('UTC') };
const add = { 'calendar-days': addDays, weeks: addWeeks, months: addMonths, years: addYears };
const day = (d: Date) => d.toISOString().slice(0, 10);

describe('calendar periods in UTC arithmetic', () => {
  it.each(Object.keys(add) as (keyof typeof add)[])('%s: the same day as date-fns', (unit) => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2090-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: unit === 'calendar-days' ? 4000 : 130 }),
        (at, amount) => {
          const start = day(at);
          const [y, m, d] = start.split('-').map(Number) as [number, number, number];
          const expected = day(add[unit](new Date(Date.UTC(y, m - 1, d)), amount, utc));
          expect(addCalendarPeriodUtc(start, amount, unit)).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('month ends and leap days (examples)', () => {
    expect(addCalendarPeriodUtc('2027-01-31', 1, 'months')).toBe('2027-02-28');
    expect(addCalendarPeriodUtc('2028-01-31', 1, 'months')).toBe('2028-02-29');
    expect(addCalendarPeriodUtc('2028-02-29', 1, 'years')).toBe('2029-02-28');
    expect(addCalendarPeriodUtc('2026-12-25', 14, 'calendar-days')).toBe('2027-01-08');
  });

  it('the end of a day in UTC is the same instant either way', () => {
    for (const date of ['2026-03-29', '2026-10-25', '2028-02-29', '2026-12-31'])
      expect(endOfLocalDay(date, 'UTC').getTime()).toBe(
        zonedInstant(
          'UTC',
          ...(date.split('-').map(Number) as [number, number, number]),
          23,
          59,
          59,
          999,
        ).getTime(),
      );
  });

  it('the day of an instant in UTC is what Intl says', () => {
    const f = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2090-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (at) => {
          expect(localDateOf(at, 'UTC')).toBe(f.format(at));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
