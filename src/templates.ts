import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Jurisdiction } from './domain/jurisdiction-rules.js';
import { emptyJurisdiction } from './domain/jurisdiction-rules.js';
import { ComplainError, UsageError } from './errors.js';
import { HOLIDAY_TABLE_DIR, publicHolidayLookup } from './holidays.js';
import type { LetterTemplate } from './letter/template.js';
import { t } from './i18n.js';

/** templates/ at the package root: two levels up from src/ or dist/. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url));

const cache = new Map<string, Jurisdiction>();

/** Reads a JSON file under templates/, with a clear error when it is broken. */
export function readTemplateJson<T>(relative: string): T {
  const file = TEMPLATES_DIR + relative;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new ComplainError(
      t('cli.template.unreadable', { file: relative, error: (error as Error).message }),
      { hint: t('cli.template.unreadableHint'), cause: error },
    );
  }
}

/** The rules of a jurisdiction (TR, GB, US, EU, KZ, IR…); an empty set where there is no data. */
export function loadJurisdiction(code: string): Jurisdiction {
  const known = cache.get(code);
  if (known) return known;
  const relative = `jurisdictions/${code}.json`;
  const data = existsSync(TEMPLATES_DIR + relative)
    ? readTemplateJson<Jurisdiction>(relative)
    : emptyJurisdiction(code);
  // The holiday library is read only when a working-day count first asks for a date.
  const country = data.holidayCountry === undefined ? code : data.holidayCountry;
  if (country) data.publicHolidays = publicHolidayLookup(country);
  cache.set(code, data);
  return data;
}

/**
 * What the dated rules were read from, as one string: each jurisdiction file and each file of
 * the holiday table the build computed, by name, size and modification time. Rows computed from
 * the rules are kept (the due cache) only while this stays the same: an upgrade or an edited
 * jurisdiction file makes them stale.
 */
export function rulesStamp(): string {
  const of = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => {
            const stat = statSync(dir + f);
            return `${f}:${stat.size}:${Math.round(stat.mtimeMs)}`;
          })
      : ['none'];
  return [...of(TEMPLATES_DIR + 'jurisdictions/'), ...of(HOLIDAY_TABLE_DIR)].join(',');
}

const letterCache = new Map<string, LetterTemplate>();

/** The languages complain writes letters in: the templates/letters/<lang>.json that exist. */
export function letterLanguages(): string[] {
  return readdirSync(TEMPLATES_DIR + 'letters')
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

/** The letter wording of a language (templates/letters/<lang>.json). */
export function loadLetterTemplate(language: string): LetterTemplate {
  const known = letterCache.get(language);
  if (known) return known;
  const relative = `letters/${language}.json`;
  if (!/^[a-z]{2,3}$/.test(language) || !existsSync(TEMPLATES_DIR + relative)) {
    throw new UsageError(
      t('cli.template.noLetter', { language }),
      t('cli.template.noLetterHint', {
        options: letterLanguages()
          .map((l) => `--lang ${l}`)
          .join(', '),
      }),
    );
  }
  const data = readTemplateJson<LetterTemplate>(relative);
  letterCache.set(language, data);
  return data;
}
