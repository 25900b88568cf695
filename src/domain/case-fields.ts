import { ValidationError } from '../errors.js';
import type { Clock } from './dates.js';
import { localDateOf, parseLocalDate } from './dates.js';
import { parseJurisdiction } from './jurisdiction.js';
import type { CaseFields } from './model.js';
import { parseMoney } from './money.js';
import { sanitizeText } from './text.js';
import { REMEDIES, isOneOf } from './vocab.js';
import { t } from '../i18n.js';

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
  /** Its name on the summary screen. */
  label: string;
  required: boolean;
}

/** Adds the words of a field, read in the interface language each time they are shown. */
function worded(spec: Omit<CaseFieldSpec, 'question' | 'help' | 'label'>): CaseFieldSpec {
  return Object.defineProperties(spec, {
    question: { enumerable: true, get: () => t(`case.field.${spec.key}.question`) },
    help: {
      enumerable: true,
      get: () => t(`case.field.${spec.key}.help`, { remedies: REMEDIES.join(' | ') }),
    },
    label: { enumerable: true, get: () => t(`case.field.${spec.key}.label`) },
  }) as CaseFieldSpec;
}

export const CASE_FIELDS: readonly CaseFieldSpec[] = [
  worded({
    key: 'product',
    flag: 'product',
    required: true,
  }),
  worded({
    key: 'title',
    flag: 'title',
    required: false,
  }),
  worded({
    key: 'purchasedOn',
    flag: 'purchased',
    required: false,
  }),
  worded({
    key: 'orderRef',
    flag: 'order',
    required: false,
  }),
  worded({
    key: 'accountRef',
    flag: 'account',
    required: false,
  }),
  worded({
    key: 'amount',
    flag: 'amount',
    required: false,
  }),
  worded({
    key: 'occurredOn',
    flag: 'occurred',
    required: false,
  }),
  worded({
    key: 'situation',
    flag: 'situation',
    required: true,
  }),
  worded({
    key: 'problem',
    flag: 'problem',
    required: true,
  }),
  worded({
    key: 'request',
    flag: 'request',
    required: true,
  }),
  worded({
    key: 'remedy',
    flag: 'remedy',
    required: true,
  }),
  worded({
    key: 'remedyDetail',
    flag: 'remedy-detail',
    required: false,
  }),
  worded({
    key: 'jurisdiction',
    flag: 'jurisdiction',
    required: true,
  }),
];

/** Returns the spec of a case field. */
export function caseFieldSpec(key: CaseFieldKey): CaseFieldSpec {
  const spec = CASE_FIELDS.find((f) => f.key === key);
  if (!spec) throw new Error(`unknown case field ${key}`);
  return spec;
}

function requiredText(flag: string, text: string, max = 4000): string {
  const value = sanitizeText(text);
  if (!value)
    throw new ValidationError(
      flag,
      t('case.error.empty', { flag: `--${flag}` }),
      t('case.error.emptyHint', { flag: `--${flag}` }),
    );
  if (value.length > max) {
    throw new ValidationError(
      flag,
      t('case.error.tooLong', { flag: `--${flag}`, max: String(max) }),
      t('case.error.tooLongHint'),
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
          t('case.error.dateInFuture', { flag, date }),
          t('case.error.dateInFutureHint'),
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
          t('case.error.notRemedy', { flag, text }),
          t('case.error.useOneOf', { values: REMEDIES.join(', ') }),
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
      t('case.error.remedyDetailMissing'),
      t('case.error.remedyDetailMissingHint'),
    );
  }
  if (fields.purchasedOn && fields.occurredOn && fields.occurredOn < fields.purchasedOn) {
    throw new ValidationError(
      'occurred',
      t('case.error.occurredBeforePurchased', {
        occurred: fields.occurredOn,
        purchased: fields.purchasedOn,
      }),
      t('case.error.occurredBeforePurchasedHint'),
    );
  }
}
