import { ValidationError } from '../errors.js';
import { parseJurisdiction } from './jurisdiction.js';
import type { Profile } from './model.js';
import { parseAddress, sanitizeText } from './text.js';
import { LANGUAGES, isOneOf } from './vocab.js';
import { UI_LANGUAGES, isUiLanguage, t } from '../i18n.js';

/** A profile field with its flag and the question the wizard asks (in the interface language). */
export interface ProfileFieldSpec {
  key: keyof Profile;
  flag: string;
  question: string;
  required: boolean;
}

function worded(spec: Omit<ProfileFieldSpec, 'question'>): ProfileFieldSpec {
  return Object.defineProperty(spec, 'question', {
    enumerable: true,
    get: () => t(`case.profile.field.${spec.key}.question`),
  }) as ProfileFieldSpec;
}

/** The profile's fields with their flags and questions, in the order the wizard asks. */
export const PROFILE_FIELDS: readonly ProfileFieldSpec[] = [
  worded({
    key: 'fullName',
    flag: 'name',
    required: true,
  }),
  worded({
    key: 'address',
    flag: 'address',
    required: false,
  }),
  worded({ key: 'phone', flag: 'phone', required: false }),
  worded({ key: 'email', flag: 'email', required: false }),
  worded({
    key: 'country',
    flag: 'country',
    required: true,
  }),
  worded({ key: 'language', flag: 'language', required: true }),
  worded({
    key: 'timeZone',
    flag: 'time-zone',
    required: true,
  }),
  worded({
    key: 'interfaceLanguage',
    flag: 'interface-language',
    required: false,
  }),
];

/** Checks an IANA time zone name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return /\//.test(name) || name === 'UTC';
  } catch {
    return false;
  }
}

/** Parses one profile field from its raw text. */
export function parseProfileField(key: keyof Profile, text: string): string {
  const spec = PROFILE_FIELDS.find((f) => f.key === key)!;
  const flag = `--${spec.flag}`;
  const value = sanitizeText(text);
  switch (key) {
    case 'fullName':
      if (!value)
        throw new ValidationError(
          spec.flag,
          t('case.error.empty', { flag }),
          t('case.profile.error.nameEmptyHint'),
        );
      return value;
    case 'country':
      return parseJurisdiction(value, flag);
    case 'language': {
      const v = value.toLowerCase();
      if (!isOneOf(LANGUAGES, v)) {
        throw new ValidationError(
          spec.flag,
          t('case.profile.error.notLetterLanguage', { flag, text }),
          t('case.error.useOneOf', { values: LANGUAGES.join(', ') }),
        );
      }
      return v;
    }
    case 'timeZone':
      if (!isTimeZone(value)) {
        throw new ValidationError(
          spec.flag,
          t('case.profile.error.notTimeZone', { flag, text }),
          t('case.profile.error.notTimeZoneHint'),
        );
      }
      return value;
    case 'email':
      if (value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
        throw new ValidationError(
          spec.flag,
          t('case.profile.error.notEmail', { flag, text }),
          t('case.profile.error.notEmailHint'),
        );
      }
      return value;
    case 'interfaceLanguage': {
      const v = value.toLowerCase();
      if (v === '' || v === 'auto') return '';
      if (!isUiLanguage(v)) {
        throw new ValidationError(
          spec.flag,
          t('case.profile.error.notUiLanguage', { flag, text }),
          t('case.profile.error.notUiLanguageHint', { values: UI_LANGUAGES.join(', ') }),
        );
      }
      return v;
    }
    case 'address':
      return parseAddress(value);
    default:
      return value;
  }
}

/**
 * The time zone of a country that has only one. Kazakhstan has been one UTC+5 zone since
 * 1 March 2024; the tz database keeps its older zones for history, and Node's ICU data (tz 2025c)
 * gives Asia/Almaty UTC+5 now, so Asia/Almaty names it. Countries with several zones (US, RU,
 * ES with the Canaries…) get none: the computer's zone stands.
 */
export const COUNTRY_TIME_ZONES: Readonly<Record<string, string>> = {
  TR: 'Europe/Istanbul',
  IR: 'Asia/Tehran',
  KZ: 'Asia/Almaty',
  GB: 'Europe/London',
  IE: 'Europe/Dublin',
  DE: 'Europe/Berlin',
  FR: 'Europe/Paris',
  IT: 'Europe/Rome',
  NL: 'Europe/Amsterdam',
  BE: 'Europe/Brussels',
  AT: 'Europe/Vienna',
  PL: 'Europe/Warsaw',
  AZ: 'Asia/Baku',
  GE: 'Asia/Tbilisi',
};

/** The country's zone when it has one, else undefined. */
export function defaultTimeZoneFor(country: string | null | undefined): string | undefined {
  return country ? COUNTRY_TIME_ZONES[country.toUpperCase()] : undefined;
}

/** A sensible language for a country: the letter's default. */
export function defaultLanguageFor(country: string): string {
  const map: Record<string, string> = { TR: 'tr', IR: 'fa', KZ: 'kk', RU: 'ru' };
  return map[country] ?? 'en';
}
