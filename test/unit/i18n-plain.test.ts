import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES, UI_LOCALES, catalogue, translate } from '../../src/i18n.js';

// translate() writes a message whose arguments are all plain `{name}` given as text without
// the ICU formatter (start-up and thousands of agenda rows): every such message of every
// catalogue must read as the formatter writes it; numbers, plurals and missing arguments still
// go to the formatter.
describe('messages with plain text arguments', () => {
  it.each(UI_LANGUAGES)('%s: the same text as the ICU formatter', (language) => {
    let checked = 0;
    for (const [key, text] of catalogue(language)) {
      // Plain text (an apostrophe before a letter is text), or plain {name} arguments.
      if (!/^(?:[^{}']|'(?!['{}<>])|\{\s*[A-Za-z_]\w*\s*\})*$/.test(text)) continue;
      const names = [...text.matchAll(/\{\s*(\w+)\s*\}/g)].map((m) => m[1]!);
      const params = Object.fromEntries(names.map((n, i) => [n, `‹${n} ${i} ۱۲ é›`]));
      const expected = new IntlMessageFormat(text, UI_LOCALES[language], undefined, {
        ignoreTag: true,
      }).format(params);
      expect(translate(language, key, params)).toBe(String(expected));
      checked += 1;
    }
    // A control: most messages are of this kind, some with an apostrophe (English: "case's").
    expect(checked).toBeGreaterThan(300);
  });

  it("an apostrophe that quotes (''  '{') still goes to the formatter", () => {
    const quoting = [...catalogue('en')].filter(([, text]) => /'['{}<>]/.test(text));
    expect(quoting.length).toBeGreaterThan(0);
    for (const [key, text] of quoting) {
      const params = Object.fromEntries(
        [...text.matchAll(/\{\s*(\w+)/g)].map((m) => [m[1]!, `‹${m[1]}›`]),
      );
      const icu = new IntlMessageFormat(text, UI_LOCALES.en, undefined, { ignoreTag: true });
      expect(translate('en', key, params)).toBe(String(icu.format(params)));
    }
  });

  it('numbers, null and missing arguments behave as before', () => {
    const [key] = [...catalogue('en')].find(([, text]) => /^[^{}']*\{id\}[^{}']*$/.test(text))!;
    const text = catalogue('en').get(key)!;
    const icu = new IntlMessageFormat(text, UI_LOCALES.en, undefined, { ignoreTag: true });
    expect(translate('en', key, { id: 10000 })).toBe(String(icu.format({ id: 10000 })));
    expect(translate('en', key, { id: null })).not.toContain('{');
    expect(() => translate('en', key, {})).toThrow();
  });
});

describe('the locale of a message', () => {
  it.each(UI_LANGUAGES)('%s: resolves to what ICU supports, without asking it', (language) => {
    const locale = UI_LOCALES[language];
    // What the library resolved before src/i18n.ts answered for the interface locales.
    expect(IntlMessageFormat.resolveLocale(locale)?.toString()).toBe(
      Intl.NumberFormat.supportedLocalesOf(locale)[0],
    );
    expect(IntlMessageFormat.resolveLocale(locale)).toBe(IntlMessageFormat.resolveLocale(locale));
    // Another locale is resolved by the library, as before.
    expect(IntlMessageFormat.resolveLocale(['de-AT'])?.toString()).toBe('de-AT');
  });
});
