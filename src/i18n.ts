/**
 * The interface language: every word the user reads on the terminal comes from a catalogue in
 * `templates/messages/<lang>/<area>.json` (flat JSON: key → ICU MessageFormat string), read when
 * first used. JSON output, flag names, command names and exit codes never go through here.
 *
 * Parameters: pass ids and record numbers as strings (`String(id)`), so that they are not
 * grouped or localised ("#10000", not "#10,000"); pass counts as numbers for `plural`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';

/** The languages the interface speaks, English first (the reference catalogue). */
export const UI_LANGUAGES = ['en', 'tr', 'ru', 'kk', 'fa'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The locale each interface language formats numbers and dates with. */
export const UI_LOCALES: Record<UiLanguage, string> = {
  en: 'en-GB',
  tr: 'tr-TR',
  ru: 'ru-RU',
  kk: 'kk-KZ',
  fa: 'fa-IR',
};

/**
 * IntlMessageFormat resolves the locale of every message it compiles with
 * Intl.NumberFormat.supportedLocalesOf, and the first call starts ICU's number formatting
 * (17 ms, of which a DateTimeFormat made after would pay all but 1.5 ms): an interface locale
 * is one of UI_LOCALES, each known to ICU as it is, so it resolves to itself. Any other locale
 * goes the library's way.
 */
const resolveLocale = IntlMessageFormat.resolveLocale;
const resolvedLocales = new Map<string, Intl.Locale>();
IntlMessageFormat.resolveLocale = (locales) => {
  if (typeof locales !== 'string' || !(Object.values(UI_LOCALES) as string[]).includes(locales))
    return resolveLocale(locales);
  let locale = resolvedLocales.get(locales);
  if (!locale) resolvedLocales.set(locales, (locale = new Intl.Locale(locales)));
  return locale;
};

/** templates/messages at the package root: two levels up from src/ or dist/. */
export const MESSAGES_DIR = fileURLToPath(new URL('../templates/messages/', import.meta.url));

/** Parameters of a message: strings and numbers (plural and number arguments take numbers). */
export type MessageParams = Record<string, string | number | boolean | null | undefined>;

let current: UiLanguage = 'en';
let pinned = false;
/** Each area file read so far, by `lang/area` (a key's area is what comes before its first dot). */
const areas = new Map<string, Map<string, string>>();
const compiled = new Map<string, IntlMessageFormat>();

/** Whether `code` is an interface language. */
export function isUiLanguage(code: string): code is UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(code);
}

/** Languages written right to left. */
export function isRtlLanguage(language: string): boolean {
  return language === 'fa';
}

/** Sets the language of everything `t()` returns from now on (unless it was pinned). */
export function setUiLanguage(language: UiLanguage): void {
  if (!pinned) current = language;
}

/**
 * Fixes the language for the rest of the run: a `--json` run speaks English throughout, so that
 * the sentences inside the JSON are the same whatever the user's language.
 */
export function pinUiLanguage(language: UiLanguage): void {
  current = language;
  pinned = true;
}

/**
 * Runs `fn` with `t()` speaking `language` (a document written in the letter's language, such as
 * the bundle's timeline), then restores the interface language, pinned or not. `fn` must be
 * synchronous: the language is swapped for the duration of the call only.
 */
export function inLanguage<T>(language: UiLanguage, fn: () => T): T {
  const saved = current;
  current = language;
  try {
    return fn();
  } finally {
    current = saved;
  }
}

/** The interface language in use. */
export function uiLanguage(): UiLanguage {
  return current;
}

/** The locale of the interface language in use (for Intl formatters). */
export function uiLocale(): string {
  return UI_LOCALES[current];
}

/** The catalogue files of a language: one per area of the code. */
export function catalogueFiles(language: UiLanguage): string[] {
  const dir = MESSAGES_DIR + language;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/**
 * One area file of a language (`cli.json` holds the `cli.*` keys, a test keeps it so), read when
 * a key of it is first asked for: a run reads the few areas it speaks, not the whole catalogue.
 * An area the language lacks is empty (its keys fall back to English).
 */
function area(language: UiLanguage, name: string): Map<string, string> {
  const id = `${language}/${name}`;
  const known = areas.get(id);
  if (known) return known;
  const messages = new Map<string, string>();
  const path = `${MESSAGES_DIR}${id}.json`;
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    // Not a ComplainError: errors.ts would import this module. main.ts reports it as a bug.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new Error(
        `the message catalogue ${id}.json cannot be read (${(error as Error).message}): reinstall complain, or fix the file if you edited it`,
        { cause: error },
      );
  }
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string') messages.set(key, value);
  }
  areas.set(id, messages);
  return messages;
}

/** The text of `key` in `language` itself, without falling back. */
function lookup(language: UiLanguage, key: string): string | undefined {
  const dot = key.indexOf('.');
  return dot > 0 ? area(language, key.slice(0, dot)).get(key) : undefined;
}

/** One language's whole catalogue, every area file in one map. */
export function catalogue(language: UiLanguage): Map<string, string> {
  const messages = new Map<string, string>();
  for (const file of catalogueFiles(language))
    for (const [key, value] of area(language, file.slice(0, -'.json'.length)))
      messages.set(key, value);
  return messages;
}

/** The raw ICU text of a message in a language, falling back to English; undefined when unknown. */
export function messageText(key: string, language: UiLanguage = current): string | undefined {
  return lookup(language, key) ?? (language === 'en' ? undefined : lookup('en', key));
}

/** Whether a message exists (in English, the reference catalogue). */
export function hasMessage(key: string): boolean {
  return lookup('en', key) !== undefined;
}

/**
 * The message `key` in the interface language, formatted with `params` (ICU MessageFormat:
 * `{name}`, `{count, plural, one {# day} other {# days}}`, `{kind, select, …}`). A key missing in
 * the language falls back to English; a key missing in English is a bug and throws.
 */
export function t(key: string, params?: MessageParams): string {
  return translate(current, key, params);
}

/** `t()` in a given language (letters and exports are written in the letter's language). */
export function translate(language: UiLanguage, key: string, params?: MessageParams): string {
  let lang = language;
  let text = lookup(lang, key);
  if (text === undefined && lang !== 'en') {
    lang = 'en';
    text = lookup('en', key);
  }
  if (text === undefined) throw new Error(`unknown message "${key}" (a bug: add it to en)`);
  // Most messages are plain text: skip the formatter. An apostrophe is ICU syntax only before
  // another one ('' is an escaped apostrophe), a brace or an angle bracket ("a case's facts" is
  // plain text).
  if (!text.includes('{') && !text.includes('}') && !QUOTING.test(text)) return text;
  const simple = substitute(text, params);
  if (simple !== undefined) return simple;
  const id = `${lang}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    format = new IntlMessageFormat(text, UI_LOCALES[lang], undefined, { ignoreTag: true });
    compiled.set(id, format);
  }
  const values: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(params ?? {})) values[k] = v ?? '';
  return String(format.format(values));
}

const QUOTING = /'['{}<>]/;
const SIMPLE = /^(?:[^{}']|'(?!['{}<>])|\{\s*[A-Za-z_][\w]*\s*\})*$/;
const ARGUMENT = /\{\s*([A-Za-z_][\w]*)\s*\}/g;

/**
 * A message whose arguments are all plain `{name}` given as text, written without the
 * formatter (which ICU would print as the text itself); undefined for anything else — a number
 * (formatted by locale), plural, select, a quoting apostrophe or a missing argument (the
 * formatter's error) — which goes to the formatter.
 */
function substitute(text: string, params: MessageParams | undefined): string | undefined {
  if (!params || !SIMPLE.test(text)) return undefined;
  let ok = true;
  const out = text.replace(ARGUMENT, (_, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) {
      ok = false;
      return '';
    }
    const v = params[name];
    if (v === null || v === undefined) return '';
    if (typeof v !== 'string') ok = false;
    return String(v);
  });
  return ok ? out : undefined;
}

/** The country's main language, when the locale says nothing. */
export const COUNTRY_LANGUAGES: Record<string, UiLanguage> = {
  TR: 'tr',
  IR: 'fa',
  KZ: 'kk',
  RU: 'ru',
  GB: 'en',
  US: 'en',
};

/** "tr_TR.UTF-8" → "tr"; "C", "POSIX" and unknown languages → undefined. */
export function languageOfLocale(locale: string | undefined): UiLanguage | undefined {
  if (!locale) return undefined;
  const m = /^([a-zA-Z]{2,3})(?:[_-]|\.|@|$)/.exec(locale.trim());
  if (!m) return undefined;
  const code = m[1]!.toLowerCase();
  return isUiLanguage(code) ? code : undefined;
}

/**
 * The interface language: `COMPLAIN_LANG`, else the profile's interface language, else the locale
 * (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them), else the country's main
 * language, else English.
 */
export function resolveUiLanguage(input: {
  env: Record<string, string | undefined>;
  profileLanguage?: string | null | undefined;
  country?: string | null | undefined;
}): UiLanguage {
  const { env } = input;
  const explicit = env.COMPLAIN_LANG?.trim().toLowerCase();
  if (explicit && isUiLanguage(explicit)) return explicit;
  if (input.profileLanguage && isUiLanguage(input.profileLanguage)) return input.profileLanguage;
  // The first locale variable that is set decides, even when it names a language we lack.
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v && v.trim() !== '');
  const fromLocale = languageOfLocale(locale);
  if (fromLocale) return fromLocale;
  const saysNothing = !locale || /^(C|POSIX)([._@]|$)/i.test(locale);
  if (saysNothing && input.country) {
    const byCountry = COUNTRY_LANGUAGES[input.country.toUpperCase()];
    if (byCountry) return byCountry;
  }
  return 'en';
}
