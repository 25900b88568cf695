import { TZDate } from '@date-fns/tz/date';
// eslint-disable-next-line no-restricted-imports -- the one place chrono is loaded, lazily (below)
import type * as ChronoModule from 'chrono-node';
import { createRequire } from 'node:module';
import { ValidationError } from '../errors.js';
import { t } from '../i18n.js';
import type { PhraseLanguage } from './date-phrases.js';
import {
  BUSINESS_DAYS,
  PHRASE_LANGUAGES,
  buildChronos,
  businessDaysParser,
  normalizeDateText,
  solarHijriToIso,
} from './date-phrases.js';
import type { WorkCalendar } from './working-days.js';

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
  /** The user's language: its reading of a phrase is tried first (all five are understood). */
  language?: string | undefined;
  /** The working days of the case's jurisdiction, for "in 3 business days" (else Mon–Fri). */
  calendar?: WorkCalendar | undefined;
}

let chronos: ReturnType<typeof buildChronos> | undefined;

const MON_FRI: WorkCalendar = { weekend: [0, 6], holidays: [] };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
// Digits shaped like an ISO date that the patterns above refused: a wrong day, not a phrase.
const LOOKS_ISO = /^\d{4}-\d{1,2}-\d{1,2}(?:[T ][\d:.]+)?$/;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Throws the one-line error of a date that cannot be read (`key` in dates.json). */
function invalid(field: string, text: string, key: string, hint: string, days?: string): never {
  throw new ValidationError(field, t(key, { field, text, days: days ?? '' }), hint);
}

function checkCalendarDate(field: string, text: string, y: number, m: number, d: number): void {
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    invalid(field, text, 'dates.notOnCalendar', t('dates.hintCalendar'));
  }
}

/** Offset of `timeZone` from UTC at `at`, in minutes (Istanbul: +180). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  return -new TZDate(at.getTime(), timeZone).getTimezoneOffset();
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDateOf(at: Date, timeZone: string): string {
  // UTC needs no formatter: the agenda asks this tens of thousands of times on a large file.
  if (timeZone === 'UTC') return at.toISOString().slice(0, 10);
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
  // A function of its two strings: thousands of deadlines share a few hundred days.
  const key = `${timeZone}|${date}`;
  const known = dayEnds.get(key);
  if (known !== undefined) return new Date(known);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const end =
    timeZone === 'UTC' && y >= 1000
      ? new Date(Date.UTC(y, m - 1, d, 23, 59, 59, 999))
      : zonedInstant(timeZone, y, m, d, 23, 59, 59, 999);
  if (dayEnds.size > 100_000) dayEnds.clear();
  dayEnds.set(key, end.getTime());
  return end;
}

const dayEnds = new Map<string, number>();

type Reading = ReturnType<Chrono['parse']>[number];

/** The languages to read a phrase in: the user's first, then the others. */
function readingOrder(language: string | undefined): PhraseLanguage[] {
  const first = PHRASE_LANGUAGES.find((l) => l === language);
  return first ? [first, ...PHRASE_LANGUAGES.filter((l) => l !== first)] : [...PHRASE_LANGUAGES];
}

function readingKey(r: Reading): string {
  return `${r.start.date().getTime()}|${r.start.isCertain('hour')}`;
}

/**
 * Reads a phrase in every language. The user's language wins when it reads the whole text;
 * otherwise every reading must agree: "1/4/2027" (4 January or 1 April) is refused, not guessed.
 */
function runChrono(text: string, field: string, clock: Clock, forwardDate: boolean, hint: string) {
  chronos ??= buildChronos(chrono());
  const ref = { instant: clock.now, timezone: zoneOffsetMinutes(clock.now, clock.timeZone) };
  const readings: Reading[] = [];
  for (const language of readingOrder(clock.language)) {
    const found: Reading[] = [];
    for (const base of chronos[language]) {
      let instance = base;
      if (forwardDate) {
        instance = base.clone();
        instance.parsers.unshift(businessDaysParser(clock.calendar ?? MON_FRI));
      }
      const results = instance.parse(text, ref, { forwardDate });
      const first = results[0];
      // The whole input must be the date: "call me today" is not a date.
      if (first && results.length === 1 && first.text.trim().length === text.trim().length)
        found.push(first);
    }
    if (found.length === 0) continue;
    if (language === clock.language && new Set(found.map(readingKey)).size === 1) return found[0];
    readings.push(...found);
  }
  const distinct = [...new Map(readings.map((r) => [readingKey(r), r])).values()];
  if (distinct.length > 1) {
    const days = distinct.map((r) => localDateOf(r.start.date(), clock.timeZone)).join(', ');
    invalid(field, text, 'dates.ambiguous', `${t('dates.hintAmbiguous')}; ${hint}`, days);
  }
  return distinct[0];
}

/** The text with its digits in ASCII and its Solar Hijri dates in ISO; refused when off the calendar. */
function prepare(text: string, field: string): string {
  const input = solarHijriToIso(normalizeDateText(text));
  if (input === undefined) invalid(field, text, 'dates.notOnCalendar', t('dates.hintPersian'));
  return input;
}

/**
 * Parses the moment a contact happened: ISO ("2026-11-20T14:05", "2026-11-20 14:05", with or
 * without an offset), a Solar Hijri date ("۱۴۰۵/۰۹/۰۳") or everyday phrases in any of the five
 * languages ("today 14:05", "dün 15:00", "вчера 15:00", "2 saat önce", "دیروز ساعت ۱۵"). A
 * wall-clock time without an offset is in the user's time zone; a day without a year is in the
 * past.
 */
export function parseInstant(text: string, field: string, clock: Clock): Date {
  const input = prepare(text, field);
  const hint = t('dates.hintInstant');
  if (ISO_ZONED.test(input)) {
    const [y, m, d] = input.slice(0, 10).split('-').map(Number) as [number, number, number];
    checkCalendarDate(field, text, y, m, d);
    const at = new Date(input);
    if (Number.isNaN(at.getTime())) invalid(field, text, 'dates.notDateTime', hint);
    return at;
  }
  const local = ISO_LOCAL.exec(input);
  if (local) {
    const [y, m, d, h, min, s] = local.slice(1).map((v) => Number(v ?? 0)) as number[];
    checkCalendarDate(field, text, y!, m!, d!);
    if (h! > 23 || min! > 59 || s! > 59) invalid(field, text, 'dates.notTime', hint);
    return zonedInstant(clock.timeZone, y!, m!, d!, h!, min!, s!);
  }
  const day = ISO_DATE.test(input) ? input : undefined;
  if (day) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    checkCalendarDate(field, text, y, m, d);
    return zonedInstant(clock.timeZone, y, m, d, 12, 0, 0);
  }
  if (LOOKS_ISO.test(input)) invalid(field, text, 'dates.notOnCalendar', hint);
  const parsed = runChrono(input, field, clock, false, hint);
  if (!parsed) invalid(field, text, 'dates.notDateTime', hint);
  return parsed.start.date();
}

/**
 * Parses a due date for a promise or a deadline: a date ("2026-12-01", "friday", "8 Oct",
 * "in 3 days", "cuma", "через 3 дня", "in 3 business days" counted on `clock.calendar`) means
 * the end of that day in the user's zone; a time makes it exact.
 */
export function parseDue(text: string, field: string, clock: Clock): Date {
  const input = prepare(text, field);
  const hint = t('dates.hintDue');
  const day = ISO_DATE.test(input) ? input : undefined;
  if (day) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    checkCalendarDate(field, text, y, m, d);
    return endOfLocalDay(day, clock.timeZone);
  }
  if (ISO_LOCAL.test(input) || ISO_ZONED.test(input)) return parseInstant(input, field, clock);
  if (LOOKS_ISO.test(input)) invalid(field, text, 'dates.notOnCalendar', hint);
  const parsed = runChrono(input, field, clock, true, hint);
  if (!parsed) invalid(field, text, 'dates.notDate', hint);
  const at = parsed.start.date();
  if (parsed.start.isCertain('hour')) return at;
  return endOfLocalDay(localDateOf(at, clock.timeZone), clock.timeZone);
}

/** Whether a text is "in N business days" in one of the five languages. */
export function isBusinessDays(text: string): boolean {
  const input = normalizeDateText(text);
  return BUSINESS_DAYS.some((r) => r.test(input));
}

/**
 * Parses a calendar date (purchase date, the day the problem started) to "YYYY-MM-DD". A day
 * without a year ("April 1", "1 Nisan") is the latest such day not in the future.
 */
export function parseLocalDate(text: string, field: string, clock: Clock): string {
  const input = prepare(text, field);
  const hint = t('dates.hintDay');
  const day = ISO_DATE.test(input) ? input : undefined;
  if (day) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    checkCalendarDate(field, text, y, m, d);
    return day;
  }
  if (LOOKS_ISO.test(input)) invalid(field, text, 'dates.notOnCalendar', hint);
  const parsed = runChrono(input, field, clock, false, hint);
  if (!parsed) invalid(field, text, 'dates.notDate', hint);
  return localDateOf(parsed.start.date(), clock.timeZone);
}

/** Parses "25m", "1h30m", "1h 30m", "90 min", "1:30", "45" (minutes) into minutes. */
export function parseDuration(text: string, field = '--duration'): number {
  const input = normalizeDateText(text).toLowerCase();
  const hint = t('dates.hintDuration');
  let minutes: number | undefined;
  const clock = /^(\d{1,2}):(\d{2})$/.exec(input);
  if (clock) {
    minutes = Number(clock[1]) * 60 + Number(clock[2]);
    if (Number(clock[2]) > 59) minutes = undefined;
  } else if (/^\d+$/.test(input)) {
    minutes = Number(input);
  } else {
    const m = /^(?:(\d+)\s*(?:h|hr|hrs|hours?))?\s*(?:(\d+)\s*(?:m|min|mins|minutes?))?$/.exec(
      input,
    );
    if (m && (m[1] || m[2])) minutes = Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  }
  if (minutes === undefined) invalid(field, text, 'dates.notDuration', hint);
  if (minutes <= 0) invalid(field, text, 'dates.durationZero', hint);
  if (minutes > 24 * 60) invalid(field, text, 'dates.durationLong', hint);
  return minutes;
}

/** Whole calendar days from `from` to `to` in a time zone (negative when `to` is earlier). */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  const a = Date.parse(localDateOf(from, timeZone) + 'T00:00:00Z');
  const b = Date.parse(localDateOf(to, timeZone) + 'T00:00:00Z');
  return Math.round((b - a) / 86_400_000);
}
