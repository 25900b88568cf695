import { ValidationError } from '../errors.js';
import { parseJurisdiction } from './jurisdiction.js';
import type { Profile } from './model.js';
import { parseAddress, sanitizeText } from './text.js';
import { LANGUAGES, isOneOf } from './vocab.js';
import { UI_LANGUAGES, isUiLanguage } from '../i18n.js';

/** The profile's fields with their flags and questions, in the order the wizard asks. */
export const PROFILE_FIELDS: readonly {
  key: keyof Profile;
  flag: string;
  question: string;
  required: boolean;
}[] = [
  {
    key: 'fullName',
    flag: 'name',
    question: 'Your full name (as you sign letters)',
    required: true,
  },
  {
    key: 'address',
    flag: 'address',
    question: 'Your postal address (use ", " between lines)',
    required: false,
  },
  { key: 'phone', flag: 'phone', question: 'Your phone number', required: false },
  { key: 'email', flag: 'email', question: 'Your e-mail address', required: false },
  {
    key: 'country',
    flag: 'country',
    question: 'Your country (two-letter code, e.g. TR, GB, US, KZ)',
    required: true,
  },
  { key: 'language', flag: 'language', question: 'Language of your letters', required: true },
  {
    key: 'timeZone',
    flag: 'time-zone',
    question: 'Your time zone (e.g. Europe/Istanbul)',
    required: true,
  },
  {
    key: 'interfaceLanguage',
    flag: 'interface-language',
    question: 'Language of this program',
    required: false,
  },
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
          `${flag} is empty`,
          'give your full name as you sign letters',
        );
      return value;
    case 'country':
      return parseJurisdiction(value, flag);
    case 'language': {
      const v = value.toLowerCase();
      if (!isOneOf(LANGUAGES, v)) {
        throw new ValidationError(
          spec.flag,
          `${flag} "${text}" is not a language complain writes`,
          `use one of: ${LANGUAGES.join(', ')}`,
        );
      }
      return v;
    }
    case 'timeZone':
      if (!isTimeZone(value)) {
        throw new ValidationError(
          spec.flag,
          `${flag} "${text}" is not a time zone`,
          'use a name like Europe/Istanbul, Asia/Almaty, America/New_York',
        );
      }
      return value;
    case 'email':
      if (value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
        throw new ValidationError(
          spec.flag,
          `${flag} "${text}" is not an e-mail address`,
          'write it like name@example.com',
        );
      }
      return value;
    case 'interfaceLanguage': {
      const v = value.toLowerCase();
      if (v === '' || v === 'auto') return '';
      if (!isUiLanguage(v)) {
        throw new ValidationError(
          spec.flag,
          `${flag} "${text}" is not a language complain speaks`,
          `use one of: ${UI_LANGUAGES.join(', ')}, or auto (the computer's language)`,
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

/** A sensible language for a country: the letter's default. */
export function defaultLanguageFor(country: string): string {
  const map: Record<string, string> = { TR: 'tr', IR: 'fa', KZ: 'kk', RU: 'ru' };
  return map[country] ?? 'en';
}
