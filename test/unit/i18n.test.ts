import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import {
  MESSAGES_DIR,
  UI_LANGUAGES,
  catalogueFiles,
  languageOfLocale,
  resolveUiLanguage,
  translate,
} from '../../src/i18n.js';
// @ts-expect-error a plain .mjs script without types
import { englishInSrc } from '../../scripts/find-english.mjs';

type Found = { file: string; line: number; text: string };

function readArea(lang: string, file: string): Record<string, string> {
  return JSON.parse(readFileSync(join(MESSAGES_DIR, lang, file), 'utf8')) as Record<string, string>;
}

/** The argument names a message uses, and the plural categories of each plural argument. */
function shape(message: string, locale: string) {
  const args = new Set<string>();
  const plurals: string[][] = [];
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if ('value' in el && el.type !== TYPE.literal) args.add(String(el.value));
      if (el.type === TYPE.plural) plurals.push(Object.keys(el.options));
      if (el.type === TYPE.plural || el.type === TYPE.select)
        for (const o of Object.values(el.options)) walk(o.value);
    }
  };
  walk(parse(message, { ignoreTag: true, locale: new Intl.Locale(locale) }));
  return { args: [...args].sort(), plurals };
}

const en = new Map<string, string>();
for (const file of catalogueFiles('en'))
  for (const [k, v] of Object.entries(readArea('en', file))) en.set(k, v);

describe('interface catalogues', () => {
  it('has an English catalogue', () => {
    expect(en.size).toBeGreaterThan(50);
  });

  for (const lang of UI_LANGUAGES) {
    it(`${lang}: every area file holds only its own keys, once, and parses`, () => {
      const seen = new Set<string>();
      for (const file of catalogueFiles(lang)) {
        const area = file.slice(0, -'.json'.length);
        for (const [key, value] of Object.entries(readArea(lang, file))) {
          expect(key.startsWith(`${area}.`), `${lang}/${file}: ${key}`).toBe(true);
          expect(seen.has(key), `${lang}: ${key} twice`).toBe(false);
          seen.add(key);
          expect(typeof value, `${lang}: ${key}`).toBe('string');
          expect(
            () => shape(value, lang),
            `${lang}: ${key} is not ICU MessageFormat`,
          ).not.toThrow();
        }
      }
    });
  }

  for (const lang of UI_LANGUAGES.filter((l) => l !== 'en')) {
    it(`${lang}: has every key of en, no others, with the same arguments`, () => {
      const mine = new Map<string, string>();
      for (const file of catalogueFiles(lang))
        for (const [k, v] of Object.entries(readArea(lang, file))) mine.set(k, v);
      const missing = [...en.keys()].filter((k) => !mine.has(k));
      const extra = [...mine.keys()].filter((k) => !en.has(k));
      expect(missing, `${lang} lacks these keys of en`).toEqual([]);
      expect(extra, `${lang} has keys that en does not`).toEqual([]);
      const differ = [...en.keys()].filter(
        (k) =>
          mine.has(k) &&
          shape(mine.get(k)!, lang).args.join() !== shape(en.get(k)!, 'en').args.join(),
      );
      expect(differ, `${lang}: arguments differ from en`).toEqual([]);
    });
  }

  it('ru: every plural has the forms one, few, many and other', () => {
    const bad: string[] = [];
    for (const file of catalogueFiles('ru'))
      for (const [k, v] of Object.entries(readArea('ru', file)))
        for (const cats of shape(v, 'ru').plurals)
          if (!['one', 'few', 'many', 'other'].every((c) => cats.includes(c))) bad.push(k);
    expect(bad).toEqual([]);
  });

  it('formats plurals by the language rules (CLDR), not by count === 1', () => {
    const days = (lang: 'ru' | 'en', n: number) =>
      translate(lang, 'cli.days', { count: n }).replace(/\s/g, ' ');
    expect(days('ru', 1)).toBe('1 день');
    expect(days('ru', 3)).toBe('3 дня');
    expect(days('ru', 5)).toBe('5 дней');
    expect(days('ru', 21)).toBe('21 день');
    expect(days('en', 1)).toBe('1 day');
    expect(days('en', 2)).toBe('2 days');
  });
});

describe('every key the code asks for exists in en', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
    });
  it('t("…") and translate(lang, "…") literals', () => {
    const unknown: string[] = [];
    for (const file of files(join(MESSAGES_DIR, '../../src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(?:t|translate)\(\s*(?:[\w.]+,\s*)?'([a-z][\w.-]+)'/g))
        if (!en.has(m[1]!)) unknown.push(`${file}: ${m[1]}`);
    }
    expect(unknown).toEqual([]);
  });
});

describe('no user-facing English written in src/', () => {
  it('every prose string literal comes from a catalogue', () => {
    const found = (englishInSrc() as Found[]).map((f) => `${f.file}:${f.line}: ${f.text}`);
    expect(found).toEqual([]);
  });
});

describe('choosing the interface language', () => {
  const env = (e: Record<string, string>) => e;
  it.each([
    [{ COMPLAIN_LANG: 'fa', LANG: 'tr_TR.UTF-8' }, 'ru', 'TR', 'fa'],
    [{ LANG: 'tr_TR.UTF-8' }, 'ru', 'TR', 'ru'],
    [{ LC_ALL: 'kk_KZ.UTF-8', LANG: 'ru_RU.UTF-8' }, null, 'KZ', 'kk'],
    [{ LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' }, null, 'KZ', 'ru'],
    [{ LANG: 'tr_TR.UTF-8' }, null, 'GB', 'tr'],
    [{ LANG: 'C.UTF-8' }, null, 'IR', 'fa'],
    [{}, null, 'TR', 'tr'],
    [{ LANG: 'de_DE.UTF-8' }, null, 'TR', 'en'],
    [{}, null, null, 'en'],
    [{ COMPLAIN_LANG: 'xx' }, null, null, 'en'],
  ] as const)('%j, profile %s, country %s → %s', (e, profile, country, expected) => {
    expect(resolveUiLanguage({ env: env({ ...e }), profileLanguage: profile, country })).toBe(
      expected,
    );
  });
  it('reads a locale name', () => {
    expect(languageOfLocale('fa_IR.UTF-8')).toBe('fa');
    expect(languageOfLocale('ru')).toBe('ru');
    expect(languageOfLocale('POSIX')).toBeUndefined();
    expect(languageOfLocale('')).toBeUndefined();
  });
});
