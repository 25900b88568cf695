import { TZDate } from '@date-fns/tz/date';
// eslint-disable-next-line no-restricted-imports -- the one place chrono is loaded, lazily (below)
import type * as ChronoModule from 'chrono-node';
import { createRequire } from 'node:module';
import { ValidationError } from '../errors.js';

type Chrono = typeof ChronoModule;
let chronoModule: Chrono | undefined;

/** chrono-node (all its locales) costs ~200 ms to load: only a phrase like "yesterday 3pm" pays it. */
function chrono(): Chrono {
  chronoModule ??= createRequire(import.meta.url)('chrono-node') as Chrono;
  return chronoModule;
}

/** What a date parser needs to know about the user's "now". */
export interface Clock {
  now: Date;
  timeZone: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function invalid(field: string, text: string, why: string, hint: string): never {
  throw new ValidationError(field, `${field} "${text}" ${why}`, hint);
}

function checkCalendarDate(field: string, text: string, y: number, m: number, d: number): void {
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    invalid(field, text, 'is not a date on the calendar', 'check the day and month (YYYY-MM-DD)');
  }
}

/** Offset of `timeZone` from UTC at `at`, in minutes (Istanbul: +180). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  return -new TZDate(at.getTime(), timeZone).getTimezoneOffset();
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDateOf(at: Date, timeZone: string): string {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    // en-CA writes dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormatters.set(timeZone, f);
  }
  return f.format(at);
}

/** The instant of a wall-clock time in a time zone. */
export function zonedInstant(
  timeZone: string,
  y: number,
  m: number,
  d: number,
  h = 0,
  min = 0,
  s = 0,
  ms = 0,
): Date {
  return new Date(new TZDate(y, m - 1, d, h, min, s, ms, timeZone).getTime());
}

/** The last millisecond of a calendar day in a time zone: a deadline "by 8 Oct" means this. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return zonedInstant(timeZone, y, m, d, 23, 59, 59, 999);
}

function runChrono(text: string, clock: Clock, forwardDate: boolean) {
  const results = chrono().parse(
    text,
    { instant: clock.now, timezone: zoneOffsetMinutes(clock.now, clock.timeZone) },
    { forwardDate },
  );
  const first = results[0];
  // The whole input must be the date: "call me today" is not a date.
  if (!first || results.length > 1 || first.text.trim().length !== text.trim().length)
    return undefined;
  return first;
}

/**
 * Parses the moment a contact happened: ISO ("2026-11-20T14:05", "2026-11-20 14:05", with or
 * without an offset) or everyday phrases ("today 14:05", "yesterday 3pm", "2h ago"). A wall-clock
 * time without an offset is in the user's time zone.
 */
export function parseInstant(text: string, field: string, clock: Clock): Date {
  const t = text.trim();
  const hint = 'use "2026-11-20 14:05", "today 14:05", "yesterday 3pm" or "2h ago"';
  if (ISO_ZONED.test(t)) {
    const [y, m, d] = t.slice(0, 10).split('-').map(Number) as [number, number, number];
    checkCalendarDate(field, text, y, m, d);
    const at = new Date(t);
    if (Number.isNaN(at.getTime())) invalid(field, text, 'is not a date and time', hint);
    return at;
  }
  const local = ISO_LOCAL.exec(t);
  if (local) {
    const [y, m, d, h, min, s] = local.slice(1).map((v) => Number(v ?? 0)) as number[];
    checkCalendarDate(field, text, y!, m!, d!);
    if (h! > 23 || min! > 59 || s! > 59) invalid(field, text, 'is not a time of day', hint);
    return zonedInstant(clock.timeZone, y!, m!, d!, h!, min!, s!);
  }
  const date = ISO_DATE.exec(t);
  if (date) {
    const [y, m, d] = date.slice(1).map(Number) as [number, number, number];
    checkCalendarDate(field, text, y, m, d);
    return zonedInstant(clock.timeZone, y, m, d, 12, 0, 0);
  }
  if (/^\d{4}-\d{1,2}-\d{1,2}/.test(t)) invalid(field, text, 'is not a date on the calendar', hint);
  const parsed = runChrono(t, clock, false);
  if (!parsed) invalid(field, text, 'is not a date and time I understand', hint);
  return parsed.start.date();
}

/**
 * Parses a due date for a promise or a deadline: a date ("2026-12-01", "friday", "8 Oct",
 * "in 3 days") means the end of that day in the user's zone; a time makes it exact.
 */
export function parseDue(text: string, field: string, clock: Clock): Date {
  const t = text.trim();
  const hint = 'use "2026-12-01", "2026-12-01 17:00", "friday" or "in 3 days"';
  const date = ISO_DATE.exec(t);
  if (date) {
    const [y, m, d] = date.slice(1).map(Number) as [number, number, number];
    checkCalendarDate(field, text, y, m, d);
    return endOfLocalDay(t, clock.timeZone);
  }
  if (ISO_LOCAL.test(t) || ISO_ZONED.test(t)) return parseInstant(t, field, clock);
  if (/^\d{4}-\d{1,2}-\d{1,2}/.test(t)) invalid(field, text, 'is not a date on the calendar', hint);
  const parsed = runChrono(t, clock, true);
  if (!parsed) invalid(field, text, 'is not a date I understand', hint);
  const at = parsed.start.date();
  if (parsed.start.isCertain('hour')) return at;
  return endOfLocalDay(localDateOf(at, clock.timeZone), clock.timeZone);
}

/** Parses a calendar date (purchase date, the day the problem started) to "YYYY-MM-DD". */
export function parseLocalDate(text: string, field: string, clock: Clock): string {
  const t = text.trim();
  const date = ISO_DATE.exec(t);
  if (date) {
    const [y, m, d] = date.slice(1).map(Number) as [number, number, number];
    checkCalendarDate(field, text, y, m, d);
    return t;
  }
  if (/^\d{4}-\d{1,2}-\d{1,2}/.test(t)) {
    invalid(field, text, 'is not a date on the calendar', 'use YYYY-MM-DD, e.g. 2026-10-02');
  }
  const parsed = runChrono(t, clock, false);
  if (!parsed)
    invalid(field, text, 'is not a date I understand', 'use YYYY-MM-DD, e.g. 2026-10-02');
  return localDateOf(parsed.start.date(), clock.timeZone);
}

/** Parses "25m", "1h30m", "1h 30m", "90 min", "1:30", "45" (minutes) into minutes. */
export function parseDuration(text: string, field = '--duration'): number {
  const t = text.trim().toLowerCase();
  const hint = 'use "25m", "1h30m" or "1:30"';
  let minutes: number | undefined;
  const clock = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (clock) {
    minutes = Number(clock[1]) * 60 + Number(clock[2]);
    if (Number(clock[2]) > 59) minutes = undefined;
  } else if (/^\d+$/.test(t)) {
    minutes = Number(t);
  } else {
    const m = /^(?:(\d+)\s*(?:h|hr|hrs|hours?))?\s*(?:(\d+)\s*(?:m|min|mins|minutes?))?$/.exec(t);
    if (m && (m[1] || m[2])) minutes = Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  }
  if (minutes === undefined) invalid(field, text, 'is not a duration', hint);
  if (minutes <= 0) invalid(field, text, 'must be longer than zero', hint);
  if (minutes > 24 * 60) invalid(field, text, 'is longer than a day', hint);
  return minutes;
}

/** Whole calendar days from `from` to `to` in a time zone (negative when `to` is earlier). */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  const a = Date.parse(localDateOf(from, timeZone) + 'T00:00:00Z');
  const b = Date.parse(localDateOf(to, timeZone) + 'T00:00:00Z');
  return Math.round((b - a) / 86_400_000);
}
