import { describe, expect, it } from 'vitest';
import { addPeriod, addWorkingDays } from '../../src/domain/working-days.js';
import { loadJurisdiction } from '../../src/templates.js';

const monFri = { weekend: [0, 6], holidays: [] };

describe('addWorkingDays', () => {
  it.each([
    ['2026-11-20', 1, '2026-11-23'], // Friday + 1 → Monday
    ['2026-11-21', 1, '2026-11-23'], // Saturday + 1 → Monday
    ['2026-11-23', 5, '2026-11-30'],
    ['2026-11-23', 0, '2026-11-23'],
    ['2026-01-30', 2, '2026-02-03'], // month end
    ['2028-02-28', 1, '2028-02-29'], // leap day is a Tuesday
  ])('%s + %i working days = %s', (start, n, expected) => {
    expect(addWorkingDays(start, n, monFri)).toBe(expected);
  });

  it('counts 30 Turkish working days for a repair demand, skipping 1 January', () => {
    const tr = loadJurisdiction('TR');
    expect(addWorkingDays('2026-11-23', 30, tr)).toBe('2027-01-05');
    // The case of issue 8: from 24 Nov 2026 it landed on 5 Jan because 1 Jan counted.
    expect(addWorkingDays('2026-11-24', 30, tr)).toBe('2027-01-06');
  });

  it('skips holidays and a Friday weekend', () => {
    expect(addWorkingDays('2026-12-30', 2, { weekend: [0, 6], holidays: ['2027-01-01'] })).toBe(
      '2027-01-04',
    );
    expect(addWorkingDays('2026-11-19', 1, { weekend: [5], holidays: [] })).toBe('2026-11-21'); // Thu → Sat in Iran
  });

  it('rejects a negative count', () => {
    expect(() => addWorkingDays('2026-11-23', -1, monFri)).toThrow(RangeError);
  });
});

describe('addPeriod', () => {
  it.each([
    ['2026-01-31', 1, 'months', '2026-02-28'],
    ['2028-01-31', 1, 'months', '2028-02-29'],
    ['2028-02-29', 1, 'years', '2029-02-28'],
    ['2026-11-23', 8, 'weeks', '2027-01-18'],
    ['2026-12-25', 14, 'calendar-days', '2027-01-08'],
  ] as const)('%s + %i %s = %s', (start, n, unit, expected) => {
    expect(addPeriod(start, n, unit, monFri)).toBe(expected);
  });
});
