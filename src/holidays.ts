/**
 * Public holidays from the `date-holidays` data (its per-country rules, moving lunar and solar
 * holidays included) through `date-holidays-parser`. Outside domain/: it reads files. Nothing is
 * loaded until a working-day count asks for a date; then only that country's rules are read, and
 * each year is computed once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localDateOf, zonedInstant } from './domain/dates.js';
import type { Holiday, HolidayLookup } from './domain/working-days.js';

const require = createRequire(import.meta.url);

interface LibraryHoliday {
  start: Date;
  end: Date;
  name: string;
  type: string;
  rule: string;
}

interface LibraryParser {
  getHolidays(year: number, language?: string): LibraryHoliday[];
}

interface CountryRules {
  zones?: string[];
  langs?: string[];
}

interface Country {
  parser: LibraryParser;
  zone: string;
  language: string | undefined;
  source: string;
}

let dataDir: string | undefined;
let names: unknown;
const countries = new Map<string, Country | null>();
const years = new Map<string, Map<string, Holiday>>();

function libraryDir(): string {
  dataDir ??= join(dirname(require.resolve('date-holidays/package.json')), 'data');
  return dataDir;
}

function readYaml(file: string): unknown {
  const yaml = require('js-yaml') as { load(text: string): unknown };
  return yaml.load(readFileSync(file, 'utf8'));
}

/** The library's rules for one country (ISO 3166-1 alpha-2), or null when it has none. */
function countryOf(code: string): Country | null {
  const known = countries.get(code);
  if (known !== undefined) return known;
  const file = join(libraryDir(), 'countries', `${code}.yaml`);
  if (!/^[A-Z]{2}$/.test(code) || !existsSync(file)) {
    countries.set(code, null);
    return null;
  }
  const data = readYaml(file) as { holidays: Record<string, CountryRules> };
  names ??= (readYaml(join(libraryDir(), 'names.yaml')) as { names: unknown }).names;
  const { default: HolidaysParser } = require('date-holidays-parser') as {
    default: new (
      data: unknown,
      country: string,
      opts: { types: string[]; timezone?: string },
    ) => LibraryParser;
  };
  const rules = data.holidays[code] ?? {};
  const zone = rules.zones?.[0] ?? 'UTC';
  const country: Country = {
    parser: new HolidaysParser({ holidays: data.holidays, names }, code, { types: ['public'] }),
    zone,
    language: rules.langs?.[0],
    source: `date-holidays ${libraryVersion()} (${code})`,
  };
  countries.set(code, country);
  return country;
}

/**
 * The days of a holiday that count as off: every local day whose noon falls inside it. An
 * Islamic holiday starts the evening before (Ramazan Bayramı 2027: 8 Mar 18:00 to 12 Mar 12:00
 * in Istanbul), so the eve's evening and the last morning do not make whole days off.
 */
function daysOff(h: LibraryHoliday, zone: string): string[] {
  const days: string[] = [];
  let day = localDateOf(h.start, zone);
  const last = localDateOf(h.end, zone);
  while (day <= last) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const noon = zonedInstant(zone, y, m, d, 12).getTime();
    if (noon >= h.start.getTime() && noon < h.end.getTime()) days.push(day);
    day = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  }
  return days;
}

/**
 * The holidays the build computed with the library (scripts/holiday-table.mjs writes
 * dist/holiday-table/<code>.json): loading the library and its rules costs a few hundred ms, and
 * `due`, `show` and `next` need only a few years of one or two countries. Each file names the
 * library's version; a file of another version, or none, leaves the library to compute.
 */
export const HOLIDAY_TABLE_DIR = fileURLToPath(new URL('../dist/holiday-table/', import.meta.url));

interface HolidayTable {
  version: string;
  from: number;
  to: number;
  /** Year → the year's holidays, in the order the library gives them. */
  years: Record<string, Holiday[]>;
}

const tables = new Map<string, HolidayTable | null>();
let version: string | undefined;

/**
 * The installed library's version. Its package.json is read where Node's resolution looks first
 * (this package's node_modules), which costs a read; resolving it through require walks the
 * search paths (3 ms of every `due`). require only where the library is installed elsewhere.
 */
function libraryVersion(): string {
  if (version !== undefined) return version;
  try {
    const file = fileURLToPath(
      new URL('../node_modules/date-holidays/package.json', import.meta.url),
    );
    version = (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    version = (require('date-holidays/package.json') as { version: string }).version;
  }
  return version;
}

function tableOf(code: string): HolidayTable | null {
  const known = tables.get(code);
  if (known !== undefined) return known;
  let table: HolidayTable | null = null;
  const file = join(HOLIDAY_TABLE_DIR, `${code}.json`);
  if (/^[A-Z]{2}$/.test(code) && existsSync(file)) {
    try {
      const read = JSON.parse(readFileSync(file, 'utf8')) as HolidayTable;
      if (read.version === libraryVersion()) table = read;
    } catch {
      table = null;
    }
  }
  tables.set(code, table);
  return table;
}

/** The public holidays of a country in the years [from, to], computed by the library. */
export function computeHolidayTable(code: string, from: number, to: number): HolidayTable {
  const out: HolidayTable = { version: libraryVersion(), from, to, years: {} };
  for (let year = from; year <= to; year++)
    out.years[String(year)] = [...computeYear(code, year).values()];
  return out;
}

/** The public holidays of a country in a year, by date (computed once, then cached). */
export function publicHolidaysIn(code: string, year: number): Map<string, Holiday> {
  const key = `${code}-${year}`;
  const cached = years.get(key);
  if (cached) return cached;
  const table = tableOf(code);
  const byDate =
    table && year >= table.from && year <= table.to
      ? new Map((table.years[String(year)] ?? []).map((h) => [h.date, h]))
      : computeYear(code, year);
  years.set(key, byDate);
  return byDate;
}

function computeYear(code: string, year: number): Map<string, Holiday> {
  const byDate = new Map<string, Holiday>();
  const country = countryOf(code);
  if (country) {
    const english = country.parser.getHolidays(year, 'en');
    const native =
      country.language && country.language !== 'en'
        ? country.parser.getHolidays(year, country.language)
        : [];
    english.forEach((h, i) => {
      const local = native[i]?.rule === h.rule ? native[i]?.name : undefined;
      const name = {
        en: h.name,
        ...(local && country.language ? { [country.language]: local } : {}),
      };
      for (const date of daysOff(h, country.zone)) {
        // The count is per year: a holiday spilling into the next year is found there.
        if (!date.startsWith(String(year)) || byDate.has(date)) continue;
        byDate.set(date, { date, name, source: country.source });
      }
    });
  }
  return byDate;
}

/** A lookup of a country's public holidays for working-day counts; loads nothing until used. */
export function publicHolidayLookup(code: string): HolidayLookup {
  return (date) => publicHolidaysIn(code, Number(date.slice(0, 4))).get(date);
}
