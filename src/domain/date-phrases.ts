/**
 * Date phrases in the users' languages, as chrono-node custom parsers and refiners: chrono ships
 * English and Russian; Turkish, Kazakh and Persian (with Solar Hijri dates) are added here on
 * top of its day-first English configuration, so that "15:00", "8 Oct" and ISO dates keep
 * working inside them. The chrono module comes in as an argument: dates.ts loads it lazily.
 */
// eslint-disable-next-line no-restricted-imports -- types only; dates.ts loads chrono
import type * as ChronoModule from 'chrono-node';
// eslint-disable-next-line no-restricted-imports -- types only; dates.ts loads chrono
import type { Chrono, Parser, ParsingContext, Refiner } from 'chrono-node';
import type { WorkCalendar } from './working-days.js';
import { countWorkingDays } from './working-days.js';

type ChronoLib = typeof ChronoModule;

/** The languages whose phrases are understood, always all of them. */
export const PHRASE_LANGUAGES = ['en', 'tr', 'ru', 'kk', 'fa'] as const;
export type PhraseLanguage = (typeof PHRASE_LANGUAGES)[number];

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits to ASCII; Arabic yeh and kaf to Persian. */
export function normalizeDateText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/\u066B/g, '.') // Arabic decimal separator
    .replace(/\u066C|\u060C/g, ',')
    .replace(/ي/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The wall clock of the reference, read through UTC getters (the host's zone plays no part). */
function wall(context: ParsingContext): Date {
  const offset = context.reference.getTimezoneOffset();
  return new Date(context.reference.instant.getTime() + offset * 60_000);
}

/** The day `days` from the reference's day, at the reference's time of day (implied). */
function dayFromNow(context: ParsingContext, days: number) {
  const w = wall(context);
  const d = new Date(w.getTime() + days * 86_400_000);
  const c = context.createParsingComponents();
  c.assign('year', d.getUTCFullYear());
  c.assign('month', d.getUTCMonth() + 1);
  c.assign('day', d.getUTCDate());
  c.imply('hour', w.getUTCHours());
  c.imply('minute', w.getUTCMinutes());
  c.imply('second', w.getUTCSeconds());
  return c;
}

/** The nearest such weekday: today or later when looking forward, today or earlier otherwise. */
function weekdayNear(context: ParsingContext, weekday: number) {
  const w = wall(context);
  let diff = (weekday - w.getUTCDay() + 7) % 7;
  if (!context.option.forwardDate && diff !== 0) diff -= 7;
  const c = dayFromNow(context, diff);
  c.assign('weekday', weekday);
  return c;
}

type Unit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

interface Words {
  /** Day offsets of casual words ("dün" → -1). */
  days: Record<string, number>;
  /** Weekday names, 0 = Sunday; longest forms first where one contains another. */
  weekdays: [string, number][];
  /** Unit words (stems) to units. */
  units: [string, Unit][];
  /** "2 saat önce": number, unit, then a word that says past or future. */
  after: { past: string; future: string };
  /** Words before a number: "in 3 days". */
  before?: { future: string };
  /** The word before an hour: "saat 15", "сағат 15", "ساعت ۱۵". */
  hourWord?: string;
  /** Month names, January first, for "1 Nisan" and "1 Nisan 2026". */
  months?: string[];
}

// Letters, not ASCII \b: the words are Turkish, Kazakh and Persian.
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';

function alt(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).join('|');
}

function parser(pattern: RegExp, extract: Parser['extract']): Parser {
  return { pattern: () => pattern, extract };
}

function wordParsers(lib: ChronoLib, words: Words): Parser[] {
  const { ParsingComponents } = lib;
  const list: Parser[] = [];
  const dayWords = Object.keys(words.days);
  list.push(
    parser(new RegExp(`${START}(${alt(dayWords)})${END}`, 'iu'), (context, m) =>
      dayFromNow(context, words.days[m[1]!.toLocaleLowerCase()] ?? 0),
    ),
  );
  const weekdayNames = words.weekdays.map(([w]) => w);
  list.push(
    parser(new RegExp(`${START}(${alt(weekdayNames)})${END}`, 'iu'), (context, m) => {
      const found = words.weekdays.find(([w]) => w === m[1]!.toLocaleLowerCase());
      return found ? weekdayNear(context, found[1]) : null;
    }),
  );
  const unitAlt = alt(words.units.map(([u]) => u));
  const unitOf = (text: string): Unit | undefined =>
    words.units.find(([u]) => text.toLocaleLowerCase().startsWith(u))?.[1];
  const shift = (context: ParsingContext, amount: number, unit: Unit) => {
    return ParsingComponents.createRelativeFromReference(context.reference, { [unit]: amount });
  };
  list.push(
    parser(
      new RegExp(
        `${START}(\\d+)\\s*(${unitAlt})\\p{L}*\\s+(${words.after.past}|${words.after.future})${END}`,
        'iu',
      ),
      (context, m) => {
        const unit = unitOf(m[2]!);
        if (!unit) return null;
        const sign = new RegExp(`^(?:${words.after.past})$`, 'iu').test(m[3]!) ? -1 : 1;
        return shift(context, sign * Number(m[1]), unit);
      },
    ),
  );
  if (words.before) {
    list.push(
      parser(
        new RegExp(
          `${START}(?:${words.before.future})\\s+(\\d+)\\s*(${unitAlt})\\p{L}*${END}`,
          'iu',
        ),
        (context, m) => {
          const unit = unitOf(m[2]!);
          return unit ? shift(context, Number(m[1]), unit) : null;
        },
      ),
    );
  }
  if (words.hourWord) {
    list.push(
      parser(
        new RegExp(
          `${START}(?:${words.hourWord})\\s*(\\d{1,2})(?:[:.](\\d{2}))?(?:'?\\p{L}{1,3})?${END}`,
          'iu',
        ),
        (context, m) => {
          const hour = Number(m[1]);
          const minute = Number(m[2] ?? 0);
          if (hour > 23 || minute > 59) return null;
          const c = context.createParsingComponents();
          c.assign('hour', hour);
          c.assign('minute', minute);
          c.imply('second', 0);
          return c;
        },
      ),
    );
  }
  if (words.months) {
    const months = words.months;
    list.push(
      parser(
        new RegExp(
          `${START}(\\d{1,2})\\.?\\s*(${alt(months)})\\p{L}*(?:\\s+(\\d{4}))?${END}`,
          'iu',
        ),
        (context, m) => {
          const month = months.findIndex((n) => m[2]!.toLocaleLowerCase().startsWith(n)) + 1;
          const day = Number(m[1]);
          if (month < 1 || day < 1 || day > 31) return null;
          const c = context.createParsingComponents();
          c.assign('day', day);
          c.assign('month', month);
          if (m[3]) c.assign('year', Number(m[3]));
          else c.imply('year', wall(context).getUTCFullYear());
          c.imply('hour', 12);
          return c;
        },
      ),
    );
  }
  return list;
}

const TR: Words = {
  days: { bugün: 0, dün: -1, yarın: 1, şimdi: 0, 'önceki gün': -2, 'öbür gün': 2 },
  weekdays: [
    ['pazartesi', 1],
    ['salı', 2],
    ['çarşamba', 3],
    ['perşembe', 4],
    ['cumartesi', 6],
    ['cuma', 5],
    ['pazar', 0],
  ],
  units: [
    ['dakika', 'minute'],
    ['dk', 'minute'],
    ['saat', 'hour'],
    ['gün', 'day'],
    ['hafta', 'week'],
    ['ay', 'month'],
    ['yıl', 'year'],
  ],
  after: { past: 'önce', future: 'sonra|içinde' },
  hourWord: 'saat',
  months: [
    'ocak',
    'şubat',
    'mart',
    'nisan',
    'mayıs',
    'haziran',
    'temmuz',
    'ağustos',
    'eylül',
    'ekim',
    'kasım',
    'aralık',
  ],
};

const KK: Words = {
  days: { бүгін: 0, кеше: -1, ертең: 1, қазір: 0, 'алдыңғы күні': -2, бүрсігүні: 2 },
  weekdays: [
    ['дүйсенбі', 1],
    ['сейсенбі', 2],
    ['сәрсенбі', 3],
    ['бейсенбі', 4],
    ['жұма', 5],
    ['сенбі', 6],
    ['жексенбі', 0],
  ],
  units: [
    ['минут', 'minute'],
    ['сағат', 'hour'],
    ['күн', 'day'],
    ['апта', 'week'],
    ['ай', 'month'],
    ['жыл', 'year'],
  ],
  // "3 күннен кейін" (after 3 days), "2 сағат бұрын" (2 hours ago).
  after: { past: 'бұрын|бұрын\\.', future: 'кейін|соң|ішінде' },
  hourWord: 'сағат',
  months: [
    'қаңтар',
    'ақпан',
    'наурыз',
    'сәуір',
    'мамыр',
    'маусым',
    'шілде',
    'тамыз',
    'қыркүйек',
    'қазан',
    'қараша',
    'желтоқсан',
  ],
};

const FA: Words = {
  days: {
    امروز: 0,
    دیروز: -1,
    فردا: 1,
    الان: 0,
    اکنون: 0,
    پریروز: -2,
    'پس\u200cفردا': 2,
    'پس فردا': 2,
  },
  weekdays: [
    ['شنبه', 6],
    ['یکشنبه', 0],
    ['یک\u200cشنبه', 0],
    ['دوشنبه', 1],
    ['دو\u200cشنبه', 1],
    ['سه\u200cشنبه', 2],
    ['سه شنبه', 2],
    ['سه‌شنبه', 2],
    ['چهارشنبه', 3],
    ['چهار\u200cشنبه', 3],
    ['پنجشنبه', 4],
    ['پنج\u200cشنبه', 4],
    ['جمعه', 5],
  ],
  units: [
    ['دقیقه', 'minute'],
    ['ساعت', 'hour'],
    ['روز', 'day'],
    ['هفته', 'week'],
    ['ماه', 'month'],
    ['سال', 'year'],
  ],
  // "۳ روز دیگر" / "۳ روز بعد" (in 3 days), "۲ ساعت پیش" / "قبل" (2 hours ago).
  after: { past: 'پیش|قبل', future: 'دیگر|بعد' },
  hourWord: 'ساعت',
};

/** Gregorian Y-M-D of a Solar Hijri date, checked against ICU's Persian calendar. */
export function gregorianOfPersian(
  jy: number,
  jm: number,
  jd: number,
): [number, number, number] | undefined {
  if (jm < 1 || jm > 12 || jd < 1 || jd > 31) return undefined;
  const f = new Intl.DateTimeFormat('en-u-ca-persian', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  // 1 Farvardin is 20 or 21 March; then six months of 31 days and five of 30.
  const guess =
    Date.UTC(jy + 621, 2, 21) + ((jm - 1) * 31 - Math.max(0, jm - 7) + jd - 1) * 86_400_000;
  for (const delta of [0, -1, 1, -2, 2]) {
    const t = guess + delta * 86_400_000;
    const parts = Object.fromEntries(
      f.formatToParts(new Date(t)).map((p) => [p.type, p.value.replace(/\D/g, '')]),
    );
    if (Number(parts.year) === jy && Number(parts.month) === jm && Number(parts.day) === jd) {
      const d = new Date(t);
      return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    }
  }
  return undefined;
}

const SOLAR_HIJRI = /(?<!\d)(1[34]\d\d)[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)/g;

/**
 * Writes Solar Hijri dates ("1405/09/03", "1405-9-3", years 1300–1499) as Gregorian ISO dates,
 * so that every parser after this sees "2026-11-24". Undefined when one is not on the calendar.
 */
export function solarHijriToIso(text: string): string | undefined {
  let ok = true;
  const out = text.replace(SOLAR_HIJRI, (_, y: string, m: string, d: string) => {
    const g = gregorianOfPersian(Number(y), Number(m), Number(d));
    if (!g) ok = false;
    return g ? g.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-') : '';
  });
  return ok ? out : undefined;
}

/** "in 3 business days" in the five languages: the number, then the working-day count. */
export const BUSINESS_DAYS: RegExp[] = [
  /^(?:in|within)\s+(\d{1,3})\s+(?:business|working|work)\s+days?$/iu,
  /^(\d{1,3})\s+iş\s+günü\s+(?:içinde|sonra)$/iu,
  /^(?:через|в течение)\s+(\d{1,3})\s+рабоч(?:ий|их|его)\s+(?:день|дня|дней)$/iu,
  /^(\d{1,3})\s+жұмыс\s+күн\p{L}*\s+(?:ішінде|кейін|соң)$/iu,
  /^(\d{1,3})\s+روز\s+کاری\s+(?:دیگر|بعد)$/u,
];

/** A parser for "in N business days" that counts the given working calendar from today. */
export function businessDaysParser(calendar: WorkCalendar): Parser {
  const any = new RegExp(BUSINESS_DAYS.map((r) => r.source.slice(1, -1)).join('|'), 'iu');
  return parser(any, (context, m) => {
    const n = Number(m.slice(1).find((v) => v !== undefined));
    const w = wall(context);
    const today = w.toISOString().slice(0, 10);
    const end = countWorkingDays(today, n, calendar).date;
    const [y, mo, d] = end.split('-').map(Number) as [number, number, number];
    const c = context.createParsingComponents();
    c.assign('year', y);
    c.assign('month', mo);
    c.assign('day', d);
    c.imply('hour', 12);
    c.addTag('complain/businessDays');
    return c;
  });
}

/**
 * Dates of the past default to the past: a month and day without a year that lands in the
 * future is last year's; a weekday alone is the last one.
 */
export function pastRefiner(): Refiner {
  return {
    refine(context, results) {
      if (context.option.forwardDate) return results;
      const now = context.reference.instant.getTime();
      for (const r of results) {
        const s = r.start;
        if (s.date().getTime() <= now || s.isCertain('year')) continue;
        if (s.isCertain('month')) s.imply('year', (s.get('year') ?? 0) - 1);
        else if (s.isCertain('weekday') && !s.isCertain('day')) {
          const [y, m, d] = [s.get('year'), s.get('month'), s.get('day')] as [
            number,
            number,
            number,
          ];
          const back = new Date(Date.UTC(y, m - 1, d - 7));
          s.imply('year', back.getUTCFullYear());
          s.imply('month', back.getUTCMonth() + 1);
          s.imply('day', back.getUTCDate());
        }
      }
      return results;
    },
  };
}

/**
 * British English reads "December 24" as December 2024: a two-digit year after a month with no
 * day is not how anyone writes a date here, so that reading is dropped.
 */
export function monthYearFilter(): Refiner {
  return {
    refine(_context, results) {
      return results.filter(
        (r) =>
          r.start.isCertain('day') ||
          !r.start.isCertain('month') ||
          !r.start.isCertain('year') ||
          !/(?<!\d)\d{1,2}$/.test(r.text.trim()),
      );
    },
  };
}

/** One chrono instance per language (a reading of the text), built once. */
export function buildChronos(lib: ChronoLib): Record<PhraseLanguage, Chrono[]> {
  const dayFirst = () => lib.en.GB.clone();
  const withWords = (base: Chrono, words: Words | undefined) => {
    if (words) base.parsers.unshift(...wordParsers(lib, words));
    base.refiners.push(monthYearFilter(), pastRefiner());
    return base;
  };
  return {
    // American and British readings: "1/4/2027" differs between them, and must not be guessed.
    en: [withWords(lib.casual.clone(), undefined), withWords(lib.en.GB.clone(), undefined)],
    tr: [withWords(dayFirst(), TR)],
    ru: [withWords(lib.ru.casual.clone(), undefined)],
    kk: [withWords(dayFirst(), KK)],
    fa: [withWords(dayFirst(), FA)],
  };
}
