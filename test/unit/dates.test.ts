import { describe, expect, it } from 'vitest';
import {
  calendarDaysBetween,
  endOfLocalDay,
  parseDue,
  parseDuration,
  parseInstant,
  parseLocalDate,
} from '../../src/domain/dates.js';
import { ValidationError } from '../../src/errors.js';

// Monday 23 Nov 2026, 17:00 in Istanbul (UTC+3).
const clock = { now: new Date('2026-11-23T14:00:00Z'), timeZone: 'Europe/Istanbul' };

describe('parseInstant', () => {
  it.each([
    ['2026-11-20 14:05', '2026-11-20T11:05:00.000Z'],
    ['2026-11-20T14:05', '2026-11-20T11:05:00.000Z'],
    ['2026-11-20T14:05:00Z', '2026-11-20T14:05:00.000Z'],
    ['2026-11-20T14:05+01:00', '2026-11-20T13:05:00.000Z'],
    ['today 14:05', '2026-11-23T11:05:00.000Z'],
    ['yesterday 3pm', '2026-11-22T12:00:00.000Z'],
    ['2h ago', '2026-11-23T12:00:00.000Z'],
    ['30 min ago', '2026-11-23T13:30:00.000Z'],
    ['now', '2026-11-23T14:00:00.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(parseInstant(text, '--at', clock).toISOString()).toBe(iso);
  });

  it('reads a wall-clock time in the user zone, not the host zone', () => {
    const ny = { ...clock, timeZone: 'America/New_York' };
    expect(parseInstant('2026-11-20 14:05', '--at', ny).toISOString()).toBe(
      '2026-11-20T19:05:00.000Z',
    );
    const tehran = { ...clock, timeZone: 'Asia/Tehran' };
    expect(parseInstant('today 14:05', '--at', tehran).toISOString()).toBe(
      '2026-11-23T10:35:00.000Z',
    );
  });

  it.each([
    '2026-02-30 10:00',
    '2026-13-01',
    '2026-11-20 25:00',
    'sometime',
    'call me today',
    '2026-2-3',
  ])('refuses %s with the flag named', (text) => {
    expect(() => parseInstant(text, '--at', clock)).toThrow(ValidationError);
    expect(() => parseInstant(text, '--at', clock)).toThrow('--at');
  });
});

describe('parseDue', () => {
  it('takes a day as the end of that day in the user zone', () => {
    expect(parseDue('2026-12-01', '--due', clock).toISOString()).toBe('2026-12-01T20:59:59.999Z');
    expect(parseDue('friday', '--due', clock).toISOString()).toBe('2026-11-27T20:59:59.999Z');
    expect(parseDue('in 3 days', '--due', clock).toISOString()).toBe('2026-11-26T20:59:59.999Z');
  });
  it('keeps an explicit time', () => {
    expect(parseDue('2026-12-01 17:00', '--due', clock).toISOString()).toBe(
      '2026-12-01T14:00:00.000Z',
    );
    expect(parseDue('tomorrow 10am', '--due', clock).toISOString()).toBe(
      '2026-11-24T07:00:00.000Z',
    );
  });
  it('refuses an impossible date', () => {
    expect(() => parseDue('2026-02-29', '--due', clock)).toThrow('is not a date on the calendar');
    expect(parseDue('2028-02-29', '--due', clock).toISOString()).toBe('2028-02-29T20:59:59.999Z');
  });
});

describe('parseLocalDate and day arithmetic', () => {
  it('parses calendar dates', () => {
    expect(parseLocalDate('2026-10-02', '--purchased', clock)).toBe('2026-10-02');
    expect(parseLocalDate('yesterday', '--purchased', clock)).toBe('2026-11-22');
    expect(() => parseLocalDate('2026-04-31', '--purchased', clock)).toThrow('--purchased');
  });
  it('counts calendar days in the user zone', () => {
    const late = new Date('2026-11-23T22:30:00Z'); // already 24 Nov in Istanbul
    expect(calendarDaysBetween(clock.now, late, 'Europe/Istanbul')).toBe(1);
    expect(calendarDaysBetween(clock.now, late, 'UTC')).toBe(0);
    expect(endOfLocalDay('2026-03-29', 'Europe/London').toISOString()).toBe(
      '2026-03-29T22:59:59.999Z',
    );
  });
});

describe('parseDuration', () => {
  it.each([
    ['25m', 25],
    ['1h30m', 90],
    ['1h 30m', 90],
    ['90 min', 90],
    ['1:30', 90],
    ['45', 45],
    ['2 hours', 120],
  ])('%s → %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });
  it.each(['0m', 'soon', '25h', '1:75'])('refuses %s', (text) => {
    expect(() => parseDuration(text)).toThrow(ValidationError);
  });
});
