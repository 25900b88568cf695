import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOLIDAY_TABLE_DIR, computeHolidayTable, publicHolidaysIn } from '../../src/holidays.js';

// The build writes the holidays of the jurisdictions' countries into dist/holiday-table (one
// JSON per country), so that a run need not load the holiday library: the table must say what
// the library says, and years outside it must still come from the library.
describe('the holiday table the build writes', () => {
  it.each(['TR', 'GB', 'IR', 'KZ', 'US'])('%s: the same holidays as the library', (code) => {
    const file = join(HOLIDAY_TABLE_DIR, `${code}.json`);
    expect(existsSync(file)).toBe(true);
    const table = JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof computeHolidayTable>;
    // A control: the table has holidays, in every year it covers.
    expect(Object.keys(table.years)).toHaveLength(table.to - table.from + 1);
    expect(Object.values(table.years).every((y) => y.length > 0)).toBe(true);
    for (const year of [table.from, 2026, 2027, table.to])
      expect(table.years[String(year)]).toEqual(
        computeHolidayTable(code, year, year).years[String(year)],
      );
  });

  it('publicHolidaysIn reads the table inside its years and the library outside them', () => {
    const inside = publicHolidaysIn('TR', 2027);
    expect([...inside.values()]).toEqual(computeHolidayTable('TR', 2027, 2027).years['2027']);
    // Ramazan Bayramı 2027 (10–11 March, by the library's rules; the eve is a half day).
    expect(inside.get('2027-03-10')?.name.en).toMatch(/Ramadan|Feast/i);
    const outside = publicHolidaysIn('TR', 2090);
    expect(outside.get('2090-04-23')?.source).toMatch(/^date-holidays \S+ \(TR\)$/);
  });
});
