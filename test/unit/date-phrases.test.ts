import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/domain/dates.js';
import { isBusinessDays, parseDue, parseInstant, parseLocalDate } from '../../src/domain/dates.js';
import { gregorianOfPersian, normalizeDateText } from '../../src/domain/date-phrases.js';
import { parseCaseField } from '../../src/domain/case-fields.js';
import { ValidationError } from '../../src/errors.js';
import { setUiLanguage } from '../../src/i18n.js';
import { loadJurisdiction } from '../../src/templates.js';

// Friday 20 Nov 2026, 12:00 in Istanbul (UTC+3). The host zone must not matter: the unit tests
// also run under TZ=Asia/Tehran, America/New_York and UTC.
const NOW = new Date('2026-11-20T09:00:00Z');
const clock = (timeZone: string, language?: string): Clock => ({
  now: NOW,
  timeZone,
  language,
  calendar: loadJurisdiction(timeZone === 'Asia/Tehran' ? 'IR' : 'TR'),
});

describe('date phrases in five languages', () => {
  // phrase, language, moment in Istanbul
  it.each([
    ['dün 15:00', 'tr', '2026-11-19T12:00:00.000Z'],
    ['Dün saat 15', 'tr', '2026-11-19T12:00:00.000Z'],
    ['bugün 14:05', 'tr', '2026-11-20T11:05:00.000Z'],
    ['2 saat önce', 'tr', '2026-11-20T07:00:00.000Z'],
    ['30 dakika önce', 'tr', '2026-11-20T08:30:00.000Z'],
    ['perşembe', 'tr', '2026-11-19T09:00:00.000Z'], // the last Thursday, at this time of day
    ['вчера 15:00', 'ru', '2026-11-19T12:00:00.000Z'],
    ['вчера в 15:00', 'ru', '2026-11-19T12:00:00.000Z'],
    ['2 часа назад', 'ru', '2026-11-20T07:00:00.000Z'],
    ['кеше 15:00', 'kk', '2026-11-19T12:00:00.000Z'],
    ['кеше сағат 15', 'kk', '2026-11-19T12:00:00.000Z'],
    ['2 сағат бұрын', 'kk', '2026-11-20T07:00:00.000Z'],
    ['دیروز ساعت ۱۵', 'fa', '2026-11-19T12:00:00.000Z'],
    ['دیروز ساعت ١٥', 'fa', '2026-11-19T12:00:00.000Z'], // Arabic-Indic digits
    ['۲ ساعت پیش', 'fa', '2026-11-20T07:00:00.000Z'],
    ['۱۴۰۵/۰۸/۲۸ ۱۵:۰۰', 'fa', '2026-11-19T12:00:00.000Z'], // Solar Hijri, Persian digits
    ['۱۴۰۵/۰۸/۲۸ ساعت ۱۵', 'fa', '2026-11-19T12:00:00.000Z'],
    ['yesterday 3pm', 'en', '2026-11-19T12:00:00.000Z'],
  ])('--at %s (%s)', (text, language, iso) => {
    // Read in the user's language and, just as well, with another interface language.
    expect(parseInstant(text, '--at', clock('Europe/Istanbul', language)).toISOString()).toBe(iso);
    expect(parseInstant(text, '--at', clock('Europe/Istanbul', 'en')).toISOString()).toBe(iso);
    expect(parseInstant(text, '--at', clock('Europe/Istanbul')).toISOString()).toBe(iso);
  });

  it.each([
    ['cuma', '2026-11-20'], // today is Friday
    ['pazartesi', '2026-11-23'],
    ['3 gün sonra', '2026-11-23'],
    ['через 3 дня', '2026-11-23'],
    ['3 күннен кейін', '2026-11-23'],
    ['۳ روز دیگر', '2026-11-23'],
    ['۱۴۰۵/۰۹/۰۳', '2026-11-24'],
    ['1405-09-03', '2026-11-24'],
    ['1 Nisan', '2027-04-01'], // a due date goes forward
    // Working days: Mon 23, Tue 24, Wed 25 (no holiday in Turkey that week).
    ['in 3 business days', '2026-11-25'],
    ['3 iş günü içinde', '2026-11-25'],
    ['через 3 рабочих дня', '2026-11-25'],
    ['3 жұмыс күні ішінде', '2026-11-25'],
    ['۳ روز کاری دیگر', '2026-11-25'],
  ])('--due %s is the end of %s in Istanbul', (text, day) => {
    const due = parseDue(text, '--due', clock('Europe/Istanbul'));
    expect(due.toISOString()).toBe(new Date(`${day}T20:59:59.999Z`).toISOString());
  });

  it('counts business days on the jurisdiction’s calendar: holidays and weekend', () => {
    const on = (text: string, c: Clock) => parseDue(text, '--due', c).toISOString().slice(0, 10);
    // Tue 29 Dec 2026 in Istanbul: Wed 30, Thu 31, (Fri 1 Jan is New Year's Day) Mon 4 Jan.
    const dec = { ...clock('Europe/Istanbul'), now: new Date('2026-12-29T09:00:00Z') };
    expect(on('in 3 business days', dec)).toBe('2027-01-04');
    expect(on('3 iş günü içinde', dec)).toBe('2027-01-04');
    // Iran: Friday off, and Nowruz 1406 (21–24 March 2027). From Wed 17 March 2027 in Tehran:
    // Thu 18, Thu 25, Sat 27.
    const tehran: Clock = {
      ...clock('Asia/Tehran', 'fa'),
      now: new Date('2027-03-17T08:00:00Z'),
    };
    expect(parseDue('۳ روز کاری دیگر', '--due', tehran).toISOString()).toBe(
      '2027-03-27T20:29:59.999Z',
    );
    expect(isBusinessDays('in 3 business days')).toBe(true);
    expect(isBusinessDays('in 3 days')).toBe(false);
  });

  it('refuses a date that two languages read differently, unless it is the user’s language', () => {
    // 1/4/2027 is 4 January in the US and 1 April in Britain and Turkey.
    expect(() => parseDue('1/4/2027', '--due', clock('Europe/Istanbul', 'en'))).toThrow(
      /more than one date \(2027-01-04, 2027-04-01\)/,
    );
    expect(parseLocalDate('1/4/2027', '--purchased', clock('Europe/Istanbul', 'tr'))).toBe(
      '2027-04-01',
    );
  });

  it('says what to type in the user’s language', () => {
    setUiLanguage('tr');
    try {
      expect(() => parseInstant('bir ara', '--at', clock('Europe/Istanbul', 'tr'))).toThrow(
        ValidationError,
      );
      try {
        parseInstant('bir ara', '--at', clock('Europe/Istanbul', 'tr'));
      } catch (e) {
        expect((e as ValidationError).message).toBe(
          '--at "bir ara" anlayabildiğim bir tarih ve saat değil',
        );
        expect((e as ValidationError).hint).toContain('"dün 15:00"');
      }
    } finally {
      setUiLanguage('en');
    }
  });

  it('converts Solar Hijri dates through ICU’s Persian calendar', () => {
    expect(gregorianOfPersian(1406, 1, 1)).toEqual([2027, 3, 21]);
    expect(gregorianOfPersian(1405, 8, 29)).toEqual([2026, 11, 20]);
    expect(gregorianOfPersian(1405, 12, 30)).toBeUndefined(); // 1405 is not a leap year
    expect(normalizeDateText('۱۴۰۵/۰۹/۰۳')).toBe('1405/09/03');
    expect(() => parseLocalDate('۱۴۰۵/۱۳/۰۱', '--purchased', clock('Asia/Tehran'))).toThrow(
      /not a date on the calendar/,
    );
  });
});

describe('dates of the past default to the past (issue 11, defect 9)', () => {
  it.each([
    ['April 1', '2026-04-01'],
    ['1 Nisan', '2026-04-01'],
    ['1 апреля', '2026-04-01'],
    ['1 сәуір', '2026-04-01'],
    ['December 24', '2025-12-24'],
    ['Nov 20', '2026-11-20'], // today is not the future
    ['wednesday', '2026-11-18'],
  ])('%s is %s', (text, day) => {
    expect(parseLocalDate(text, '--purchased', clock('Europe/Istanbul'))).toBe(day);
  });

  it('--purchased "April 1" and --occurred "1 Nisan" are not refused as future dates', () => {
    // Today's code read "April 1" as 1 April 2027 (the nearest one) and refused it.
    const c = clock('Europe/Istanbul');
    expect(parseCaseField('purchasedOn', 'April 1', c)).toBe('2026-04-01');
    expect(parseCaseField('occurredOn', '1 Nisan', c)).toBe('2026-04-01');
  });
});
