import { ValidationError } from '../errors.js';
import type { Clock } from './dates.js';
import { localDateOf, parseLocalDate } from './dates.js';
import { parseJurisdiction } from './jurisdiction.js';
import type { CaseFields } from './model.js';
import { parseMoney } from './money.js';
import { sanitizeText } from './text.js';
import { REMEDIES, isOneOf } from './vocab.js';

/** The raw text of every case field, as typed on the command line or at a prompt. */
export type CaseFieldKey = keyof CaseFields;

/** How a case field is asked for and checked. Used by the flags, the wizard and the edit command. */
export interface CaseFieldSpec {
  key: CaseFieldKey;
  /** The flag, without the dashes. */
  flag: string;
  /** The question the wizard asks. */
  question: string;
  /** One line of help for the flag. */
  help: string;
  required: boolean;
}

export const CASE_FIELDS: readonly CaseFieldSpec[] = [
  {
    key: 'product',
    flag: 'product',
    question: 'Which product or service?',
    help: 'the product or service',
    required: true,
  },
  {
    key: 'title',
    flag: 'title',
    question: 'A short title for this case',
    help: 'a short title (default: from the product)',
    required: false,
  },
  {
    key: 'purchasedOn',
    flag: 'purchased',
    question: 'When did you buy it or sign up? (YYYY-MM-DD, optional)',
    help: 'purchase or contract date',
    required: false,
  },
  {
    key: 'orderRef',
    flag: 'order',
    question: 'Order number (optional)',
    help: 'order number',
    required: false,
  },
  {
    key: 'accountRef',
    flag: 'account',
    question: 'Customer or account number (optional)',
    help: 'customer/account number',
    required: false,
  },
  {
    key: 'amount',
    flag: 'amount',
    question: 'How much did you pay? e.g. "59.90 EUR" (optional)',
    help: 'amount paid with currency, e.g. "59.90 EUR"',
    required: false,
  },
  {
    key: 'occurredOn',
    flag: 'occurred',
    question: 'When did the problem start? (YYYY-MM-DD, optional)',
    help: 'the day the problem started',
    required: false,
  },
  {
    key: 'situation',
    flag: 'situation',
    question: 'The situation: what you bought or agreed, in one or two sentences',
    help: 'the situation (what was bought or agreed)',
    required: true,
  },
  {
    key: 'problem',
    flag: 'problem',
    question: 'The problem: what went wrong',
    help: 'the problem (what went wrong)',
    required: true,
  },
  {
    key: 'request',
    flag: 'request',
    question: 'Your request: what you want them to do',
    help: 'the request (what you want them to do)',
    required: true,
  },
  {
    key: 'remedy',
    flag: 'remedy',
    question: 'Which remedy do you want?',
    help: `the remedy: ${REMEDIES.join(' | ')}`,
    required: true,
  },
  {
    key: 'remedyDetail',
    flag: 'remedy-detail',
    question: 'Remedy detail (amount, item, what exactly)',
    help: 'the remedy precisely (required with --remedy other)',
    required: false,
  },
  {
    key: 'jurisdiction',
    flag: 'jurisdiction',
    question: "Which country's consumer law applies? (two-letter code)",
    help: "country code, e.g. TR, GB, US, KZ (default: your profile's country)",
    required: true,
  },
];

/** Returns the spec of a case field. */
export function caseFieldSpec(key: CaseFieldKey): CaseFieldSpec {
  const spec = CASE_FIELDS.find((f) => f.key === key);
  if (!spec) throw new Error(`unknown case field ${key}`);
  return spec;
}

function requiredText(flag: string, text: string, max = 4000): string {
  const value = sanitizeText(text);
  if (!value) throw new ValidationError(flag, `--${flag} is empty`, `give --${flag} some text`);
  if (value.length > max) {
    throw new ValidationError(
      flag,
      `--${flag} is longer than ${max} characters`,
      'shorten it: a letter must fit on one page',
    );
  }
  return value;
}

function optionalText(text: string): string | null {
  const value = sanitizeText(text);
  return value ? value : null;
}

/**
 * Parses one case field from its raw text. Throws a ValidationError naming the flag and the fix.
 * Optional fields return null for empty text.
 */
export function parseCaseField(
  key: CaseFieldKey,
  text: string,
  clock: Clock,
): CaseFields[CaseFieldKey] {
  const spec = caseFieldSpec(key);
  const flag = `--${spec.flag}`;
  switch (key) {
    case 'product':
    case 'situation':
    case 'problem':
    case 'request':
      return requiredText(spec.flag, text);
    case 'title':
      return requiredText(spec.flag, text, 120);
    case 'orderRef':
    case 'accountRef':
    case 'remedyDetail':
      return optionalText(text);
    case 'purchasedOn':
    case 'occurredOn': {
      if (!text.trim()) return null;
      const date = parseLocalDate(text, flag, clock);
      if (date > localDateOf(clock.now, clock.timeZone)) {
        throw new ValidationError(
          spec.flag,
          `${flag} ${date} is in the future`,
          'give the day it happened',
        );
      }
      return date;
    }
    case 'amount':
      return text.trim() ? parseMoney(text, flag) : null;
    case 'remedy': {
      const value = text.trim().toLowerCase();
      if (!isOneOf(REMEDIES, value)) {
        throw new ValidationError(
          spec.flag,
          `${flag} "${text}" is not a remedy`,
          `use one of: ${REMEDIES.join(', ')}`,
        );
      }
      return value;
    }
    case 'jurisdiction':
      return parseJurisdiction(text, flag);
  }
}

/** A short title from the product and the remedy when the user gives none. */
export function defaultTitle(product: string, remedy: string | undefined): string {
  const base = product.length > 60 ? product.slice(0, 57) + '…' : product;
  return remedy ? `${base}: ${remedy.replace('-', ' ')}` : base;
}

/** Cross-field rules: checked once every field has been parsed. */
export function checkCaseFields(fields: CaseFields): void {
  if (fields.remedy === 'other' && !fields.remedyDetail) {
    throw new ValidationError(
      'remedy-detail',
      '--remedy other needs --remedy-detail',
      'say exactly what you want, e.g. --remedy-detail "a written apology"',
    );
  }
  if (fields.purchasedOn && fields.occurredOn && fields.occurredOn < fields.purchasedOn) {
    throw new ValidationError(
      'occurred',
      `--occurred ${fields.occurredOn} is before --purchased ${fields.purchasedOn}`,
      'check both dates',
    );
  }
}
