import { ValidationError } from '../errors.js';
import { numberFormat, supportedCurrencies } from './intl.js';
import type { MessageParams } from '../i18n.js';
import { t, uiLocale } from '../i18n.js';

/** An amount of money in integer minor units (cents, kuruş) with its ISO 4217 currency. */
export interface Money {
  minor: number;
  currency: string;
}

/** Symbols and everyday words people type for a currency. */
const CURRENCY_WORDS: Record<string, string> = {
  '€': 'EUR',
  $: 'USD',
  US$: 'USD',
  '£': 'GBP',
  '₺': 'TRY',
  TL: 'TRY',
  '₸': 'KZT',
  ТГ: 'KZT',
  ТЕНГЕ: 'KZT',
  '₽': 'RUB',
  РУБ: 'RUB',
  'РУБ.': 'RUB',
  '﷼': 'IRR',
  ریال: 'IRR',
  تومان: 'IRT',
};

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** How many minor-unit digits a currency has (EUR 2, JPY 0, IRR 0 in practice). */
export function minorDigits(currency: string): number {
  if (currency === 'IRT') return 0;
  try {
    return (
      numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

function isKnownCurrency(code: string): boolean {
  if (code === 'IRT') return true;
  return supportedCurrencies().includes(code);
}

function toLatinDigits(text: string): string {
  return text.replace(/[۰-۹٠-٩]/g, (d) => {
    const p = PERSIAN_DIGITS.indexOf(d);
    return String(p >= 0 ? p : ARABIC_DIGITS.indexOf(d));
  });
}

/**
 * Parses "59.90 EUR", "€59.90", "12.400 TL", "1 234,56 TRY", "12,400.50 USD".
 * A lone separator followed by exactly three digits groups thousands ("12.400" is 12400);
 * with both separators the last one is the decimal mark.
 */
export function parseMoney(text: string, field = '--amount', fallbackCurrency?: string): Money {
  const fail = (why: string, params: MessageParams = {}): never => {
    throw new ValidationError(
      field,
      t('case.money.invalid', { field, text, why, ...params }),
      t('case.money.invalidHint'),
    );
  };
  const cleaned = toLatinDigits(text.normalize('NFC'))
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim();
  const match = /^([^\d\s.,-]*)\s*(-?[\d][\d\s.,'’]*)\s*([^\d\s.,-]*)$/u.exec(cleaned);
  if (!match) return fail('notAmount');
  const [, before = '', numberPart = '', after = ''] = match;
  if (before && after) return fail('twoCurrencies');
  const word = (before || after).toLocaleUpperCase('en-US');
  let currency = CURRENCY_WORDS[word] ?? CURRENCY_WORDS[before || after] ?? word;
  if (!currency) {
    if (!fallbackCurrency) return fail('noCurrency');
    currency = fallbackCurrency;
  }
  if (!/^[A-Z]{3}$/.test(currency) || !isKnownCurrency(currency)) {
    return fail('unknownCurrency', { currency: before || after });
  }
  if (numberPart.startsWith('-')) return fail('negative');
  const digitsOnly = numberPart.replace(/[\s'’]/g, '');
  const lastDot = digitsOnly.lastIndexOf('.');
  const lastComma = digitsOnly.lastIndexOf(',');
  let integer = digitsOnly;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalMark = lastDot > lastComma ? '.' : ',';
    const thousands = decimalMark === '.' ? ',' : '.';
    const at = digitsOnly.lastIndexOf(decimalMark);
    integer = digitsOnly.slice(0, at);
    fraction = digitsOnly.slice(at + 1);
    if (integer.includes(decimalMark)) return fail('twoDecimalMarks');
    if (!/^\d{1,3}([.,]\d{3})*$/.test(integer) || integer.includes(decimalMark)) {
      return fail('misplacedThousands');
    }
    integer = integer.split(thousands).join('');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const parts = digitsOnly.split(mark);
    const tail = parts[parts.length - 1] ?? '';
    if (parts.length > 2 || tail.length === 3) {
      if (
        !parts.slice(1).every((p) => p.length === 3) ||
        (parts[0] ?? '').length > 3 ||
        parts[0] === ''
      ) {
        return fail('misplacedThousands');
      }
      integer = parts.join('');
    } else {
      integer = parts[0] ?? '';
      fraction = tail;
    }
  }
  if (!/^\d+$/.test(integer) || !/^\d*$/.test(fraction)) return fail('notNumber');
  const digits = minorDigits(currency);
  if (fraction.length > digits) {
    return fail('tooManyDecimals', { digits, currency });
  }
  const minor = Number(integer) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return fail('tooLarge');
  if (minor === 0) return fail('zero');
  return { minor, currency };
}

/** "59.90 EUR": plain, locale-free, the form the flags take back. */
export function formatMoneyPlain(money: Money): string {
  const digits = minorDigits(money.currency);
  const whole = Math.floor(money.minor / 10 ** digits);
  const fraction = digits > 0 ? '.' + String(money.minor % 10 ** digits).padStart(digits, '0') : '';
  return `${whole}${fraction} ${money.currency}`;
}

/** The amount as a reader of `locale` writes it ("12.400,00 ₺" in tr, "€59.90" in en). */
export function formatMoney(money: Money, locale: string): string {
  if (money.currency === 'IRT') {
    return `${numberFormat(locale).format(money.minor)} تومان`;
  }
  const digits = minorDigits(money.currency);
  return numberFormat(locale, { style: 'currency', currency: money.currency }).format(
    money.minor / 10 ** digits,
  );
}

/** How a currency is written after an amount in short English sentences ("12,400 TL"). */
const SHORT_CURRENCY: Record<string, string> = { TRY: 'TL' };

/**
 * "12,400 TL", "59.90 EUR": grouped, decimals only when there are some, in the interface
 * language's digits and separators ("12.400 TL" in Turkish, "12 400 TL" in Russian).
 */
export function formatMoneyShort(money: Money, locale: string = uiLocale()): string {
  const digits = minorDigits(money.currency);
  const value = money.minor / 10 ** digits;
  const text = numberFormat(locale, {
    minimumFractionDigits: Number.isInteger(value) ? 0 : digits,
    maximumFractionDigits: digits,
  }).format(value);
  return `${text} ${SHORT_CURRENCY[money.currency] ?? money.currency}`;
}
