/**
 * Intl formatters, built once per locale and options: building one costs far more than using it
 * (a letter formats hundreds of dates, counts and sentences; a first DateTimeFormat of a locale
 * takes milliseconds). The objects are immutable, so sharing them changes no result.
 */
const built = new Map<string, unknown>();

function once<T>(kind: string, locale: string, options: object | undefined, make: () => T): T {
  const key = `${kind}\u0000${locale}\u0000${options === undefined ? '' : JSON.stringify(options)}`;
  let found = built.get(key) as T | undefined;
  if (found === undefined) {
    found = make();
    built.set(key, found);
  }
  return found;
}

export function dateTimeFormat(
  locale: string,
  options?: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return once('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormat(
  locale: string,
  options?: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  return once('number', locale, options, () => new Intl.NumberFormat(locale, options));
}

export function pluralRules(locale: string, options?: Intl.PluralRulesOptions): Intl.PluralRules {
  return once('plural', locale, options, () => new Intl.PluralRules(locale, options));
}

export function listFormat(locale: string, options?: Intl.ListFormatOptions): Intl.ListFormat {
  return once('list', locale, options, () => new Intl.ListFormat(locale, options));
}

export function segmenter(locale: string, options?: Intl.SegmenterOptions): Intl.Segmenter {
  return once('segmenter', locale, options, () => new Intl.Segmenter(locale, options));
}

/** The ISO 4217 codes the runtime knows (Intl.supportedValuesOf('currency')), read once. */
let currencies: readonly string[] | undefined;
export function supportedCurrencies(): readonly string[] {
  return (currencies ??= Intl.supportedValuesOf('currency'));
}
