import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  formatMoneyPlain,
  formatMoneyShort,
  parseMoney,
} from '../../src/domain/money.js';
import { inLanguage } from '../../src/i18n.js';
import { ValidationError } from '../../src/errors.js';

describe('parseMoney', () => {
  it.each([
    ['59.90 EUR', 5990, 'EUR'],
    ['€59.90', 5990, 'EUR'],
    ['59,90 €', 5990, 'EUR'],
    ['12.400 TL', 1240000, 'TRY'],
    ['12,400 TL', 1240000, 'TRY'],
    ['59.901 EUR', 5990100, 'EUR'], // a lone separator before three digits groups thousands
    ['1.249,90 TL', 124990, 'TRY'],
    ['12,400.50 USD', 1240050, 'USD'],
    ['1 234,56 TRY', 123456, 'TRY'],
    ['₺1.000.000', 100000000, 'TRY'],
    ['$5', 500, 'USD'],
    ['£0.5', 50, 'GBP'],
    ['15000 ₸', 1500000, 'KZT'],
    ['۱۲۰۰۰۰۰ ریال', 1200000, 'IRR'],
    ['100 jpy', 100, 'JPY'],
  ])('%s → %i %s', (text, minor, currency) => {
    expect(parseMoney(text)).toEqual({ minor, currency });
  });

  it.each([
    ['59.90', 'has no currency'],
    ['abc', 'is not an amount of money'],
    ['5.9012 EUR', 'more than 2 decimal places'],
    ['1234.567,00 EUR', 'has misplaced thousands separators'],
    ['1,2,3 EUR', 'has misplaced thousands separators'],
    ['59.9.0 EUR', 'has misplaced thousands separators'],
    ['100.5 JPY', 'more than 0 decimal places'],
    ['0 EUR', 'is zero'],
    ['-5 EUR', 'is negative'],
    ['5 XYZ', 'unknown currency'],
    ['$5 EUR', 'has two currencies'],
  ])('refuses %s', (text, why) => {
    expect(() => parseMoney(text)).toThrow(ValidationError);
    expect(() => parseMoney(text)).toThrow(why);
  });

  it('uses a fallback currency when one is given', () => {
    expect(parseMoney('59.90', '--amount', 'EUR')).toEqual({ minor: 5990, currency: 'EUR' });
  });

  it('formats plain and per locale', () => {
    expect(formatMoneyPlain({ minor: 1240000, currency: 'TRY' })).toBe('12400.00 TRY');
    expect(formatMoneyPlain({ minor: 100, currency: 'JPY' })).toBe('100 JPY');
    expect(formatMoney({ minor: 1240000, currency: 'TRY' }, 'tr-TR')).toBe('₺12.400,00');
    expect(formatMoney({ minor: 5990, currency: 'EUR' }, 'en-GB')).toBe('€59.90');
  });
});

describe('formatMoneyShort', () => {
  const claim = { minor: 1_240_000, currency: 'TRY' };
  it.each([
    ['en', '12,400 TL'],
    ['tr', '12.400 TL'],
    ['ru', '12\u00a0400 TL'],
    ['fa', '۱۲٬۴۰۰ TL'],
  ] as const)('writes amounts as a %s reader does', (language, expected) => {
    expect(inLanguage(language, () => formatMoneyShort(claim))).toBe(expected);
  });
  it('keeps the decimals only when there are some', () => {
    expect(formatMoneyShort({ minor: 5990, currency: 'EUR' }, 'en-GB')).toBe('59.90 EUR');
  });
});
