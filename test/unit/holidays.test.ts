import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Jurisdiction } from '../../src/domain/jurisdiction-rules.js';
import { countWorkingDays, holidayOn, isWorkingDay } from '../../src/domain/working-days.js';
import { publicHolidaysIn } from '../../src/holidays.js';
import { loadJurisdiction } from '../../src/templates.js';
import { ROOT } from '../support/cli.js';

/**
 * Working-day counts across 1 January 2027, Ramazan Bayramı 2027 (9–11 March) and Nowruz 1406
 * (21–24 March 2027). The unit tests run under TZ=Asia/Tehran, America/New_York and UTC
 * (`npm run test:zones`): the dates must be the same in each.
 */
describe('working days skip public holidays', () => {
  it.each([
    // code, start, working days, end, holidays skipped on weekdays
    ['TR', '2026-12-31', 1, '2027-01-04', ['2027-01-01']], // Thu → Fri 1 Jan is off → Mon
    ['TR', '2026-11-24', 30, '2027-01-06', ['2027-01-01']], // issue 8: was 5 Jan
    ['TR', '2027-03-08', 1, '2027-03-12', ['2027-03-09', '2027-03-10', '2027-03-11']],
    ['TR', '2027-03-05', 3, '2027-03-15', ['2027-03-09', '2027-03-10', '2027-03-11']],
    // Iran: Friday weekend; 29 Esfand (oil nationalisation) and Nowruz 1–4 Farvardin 1406.
    [
      'IR',
      '2027-03-19',
      1,
      '2027-03-25',
      ['2027-03-20', '2027-03-21', '2027-03-22', '2027-03-23', '2027-03-24'],
    ],
    [
      'IR',
      '2027-03-17',
      3,
      '2027-03-27',
      ['2027-03-20', '2027-03-21', '2027-03-22', '2027-03-23', '2027-03-24'],
    ],
    ['IR', '2026-12-31', 1, '2027-01-02', []], // 1 January is no holiday in Iran; Friday is
    ['KZ', '2027-03-19', 1, '2027-03-24', ['2027-03-22', '2027-03-23']], // Nauryz, 21 Mar a Sunday
    ['KZ', '2026-12-31', 1, '2027-01-05', ['2027-01-01', '2027-01-04']], // 2 Jan moved to Monday
    ['GB', '2026-12-24', 3, '2026-12-31', ['2026-12-25', '2026-12-28']], // Boxing Day substitute
    ['US', '2026-12-31', 1, '2027-01-04', ['2027-01-01']],
    ['DE', '2026-12-31', 1, '2027-01-04', ['2027-01-01']], // an EU country without a data file
    ['EU', '2026-12-31', 1, '2027-01-01', []], // the EU itself has no public holidays
  ] as const)('%s: %s + %i working days = %s', (code, start, n, end, skipped) => {
    const count = countWorkingDays(start, n, loadJurisdiction(code));
    expect(count.date).toBe(end);
    expect(count.skipped.map((h) => h.date)).toEqual(skipped);
  });

  it('names the holidays in English and in the country’s language', () => {
    const tr = loadJurisdiction('TR');
    expect(holidayOn('2027-03-10', tr)?.name).toEqual({
      en: 'End of Ramadan (Eid al-Fitr)',
      tr: 'Ramazan Bayramı',
    });
    expect(holidayOn('2027-03-21', loadJurisdiction('IR'))?.name.fa).toBe('نوروز');
    expect(holidayOn('2027-03-10', tr)?.source).toMatch(/^date-holidays \d+\.\d+\.\d+ \(TR\)$/);
    // The eve of a bayram (from 18:00) and its last morning are not whole days off.
    expect(isWorkingDay('2027-03-08', tr)).toBe(true);
    expect(isWorkingDay('2027-03-12', tr)).toBe(true);
    // Kurban Bayramı 2027 is four days.
    expect(
      ['2027-05-16', '2027-05-17', '2027-05-18', '2027-05-19'].map((d) => !!holidayOn(d, tr)),
    ).toEqual([true, true, true, true]);
  });

  it('agrees with a second source: ICU’s Umm al-Qura and Persian calendars, 2025–2032', () => {
    const hijri = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    const persian = new Intl.DateTimeFormat('en-u-ca-persian', {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    for (let year = 2025; year <= 2032; year += 1) {
      const tr = publicHolidaysIn('TR', year);
      const ir = publicHolidaysIn('IR', year);
      for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
        const day = new Date(t).toISOString().slice(0, 10);
        const h = hijri.format(new Date(t));
        // 1 Shawwal (Ramazan Bayramı) and 10 Dhu al-Hijjah (Kurban Bayramı) are off in Turkey.
        if (h.startsWith('10/1/') || h.startsWith('12/10/')) expect(tr.has(day), day).toBe(true);
        // 1 Farvardin (Nowruz) is off in Iran.
        if (persian.format(new Date(t)).startsWith('1/1/')) expect(ir.has(day), day).toBe(true);
      }
    }
  });

  it('lets a jurisdiction add a day (a half-day eve it counts as off) or remove one', () => {
    const tr = loadJurisdiction('TR');
    const adjusted: Jurisdiction = {
      ...tr,
      holidays: [
        {
          date: '2027-03-08',
          name: { en: 'Eve of Ramazan Bayramı (half day)', tr: 'Ramazan Bayramı arifesi' },
          source: 'test data',
        },
        { date: '2027-01-01', holiday: false, source: 'test data' },
      ],
    };
    expect(countWorkingDays('2027-03-05', 1, adjusted)).toMatchObject({
      date: '2027-03-12',
      skipped: [{ date: '2027-03-08', source: 'test data' }, {}, {}, {}],
    });
    expect(countWorkingDays('2026-12-31', 1, adjusted).date).toBe('2027-01-01');
    // The shipped data is untouched.
    expect(countWorkingDays('2026-12-31', 1, tr).date).toBe('2027-01-04');
  });

  it('loads the holiday library only when a count needs a year the build did not table', () => {
    // 2026 is in the build's table (dist/holiday-table/TR.json, 2015–2045): read, no library;
    // 2090 is not: the library computes it.
    const script = `
      import { createRequire } from 'node:module';
      import { loadJurisdiction } from './dist/templates.js';
      import { addWorkingDays } from './dist/domain/working-days.js';
      const require = createRequire(import.meta.url);
      const loaded = () =>
        Object.keys(require.cache).some((k) => k.includes('date-holidays') && !k.endsWith('package.json'));
      const tr = { ...loadJurisdiction('TR'), weekend: [0, 6] };
      const before = loaded();
      const tabled = addWorkingDays('2026-12-30', 3, tr);
      const afterTabled = loaded();
      const computed = addWorkingDays('2090-12-29', 3, tr);
      console.log(JSON.stringify([before, tabled, afterTabled, computed, loaded()]));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    // New Year's Day is skipped either way.
    expect(JSON.parse(r.stdout)).toEqual([false, '2027-01-05', false, '2091-01-04', true]);
  });
});
