import { ValidationError } from '../errors.js';
import { t, uiLocale } from '../i18n.js';

/** Aliases people type for a jurisdiction code. */
const ALIASES: Record<string, string> = { UK: 'GB', TURKEY: 'TR', TÜRKİYE: 'TR', TURKIYE: 'TR' };

let names: Intl.DisplayNames | undefined;

/** The region names (built when first asked: its ICU data costs ~20 ms at start-up). */
function regionNames(): Intl.DisplayNames {
  names ??= new Intl.DisplayNames(['en'], { type: 'region' });
  return names;
}

/**
 * Normalises a jurisdiction: an ISO 3166-1 alpha-2 country code (UK is accepted for GB) or EU.
 */
export function parseJurisdiction(text: string, field = '--jurisdiction'): string {
  const raw = text.trim().toLocaleUpperCase('en-US');
  const code = ALIASES[raw] ?? raw;
  if (code === 'EU') return code;
  if (/^[A-Z]{2}$/.test(code)) {
    const name = regionNames().of(code);
    if (name && name !== code) return code;
  }
  throw new ValidationError(
    field,
    t('case.error.notCountry', { field, text }),
    t('case.error.notCountryHint'),
  );
}

/** The English name of a jurisdiction code ("TR" → "Türkiye"). */
export function jurisdictionName(code: string): string {
  return regionNames().of(code) ?? code;
}

const localNames = new Map<string, Intl.DisplayNames>();

/**
 * A jurisdiction's name as a reader of the interface language writes it ("US" → "United States",
 * "Amerika Birleşik Devletleri"); the code when the locale has no name for it (EU).
 */
export function countryName(code: string, locale: string = uiLocale()): string {
  if (code === 'EU') return code;
  let n = localNames.get(locale);
  if (!n) {
    n = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
    localNames.set(locale, n);
  }
  try {
    return n.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The currency most people in a jurisdiction pay in, for a bare amount's default. */
export function defaultCurrency(code: string): string | undefined {
  const map: Record<string, string> = {
    TR: 'TRY',
    GB: 'GBP',
    US: 'USD',
    KZ: 'KZT',
    IR: 'IRR',
    RU: 'RUB',
    EU: 'EUR',
    DE: 'EUR',
    FR: 'EUR',
    NL: 'EUR',
    ES: 'EUR',
    IT: 'EUR',
    AT: 'EUR',
    BE: 'EUR',
    IE: 'EUR',
  };
  return map[code];
}
