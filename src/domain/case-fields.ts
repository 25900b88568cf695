import { ValidationError } from '../errors.js';
import type { Clock } from './dates.js';
import { localDateOf, parseLocalDate } from './dates.js';
import { parseJurisdiction } from './jurisdiction.js';
import type { CaseFields } from './model.js';
import { parseMoney } from './money.js';
import { sanitizeText } from './text.js';
import { REMEDIES, isOneOf } from './vocab.js';
import type { CardFieldKey } from './payment.js';
import { CARD_FIELD_KEYS, CARD_TYPES, PAYMENT_METHODS, looksLikeCardNumber } from './payment.js';
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
  /**
   * When the wizard asks it: `paid` once an amount was given (how it was paid), `card` for a
   * card payment only (the issuer, the last four digits, the statement); always when absent.
   */
  asked?: 'paid' | 'card';
}

/** Adds the words of a field, read in the interface language each time they are shown. */
function worded(
  spec: Omit<CaseFieldSpec, 'question' | 'help' | 'label'>,
  area = 'case',
): CaseFieldSpec {
  const lists = {
    remedies: REMEDIES.join(' | '),
    methods: PAYMENT_METHODS.join(' | '),
    types: CARD_TYPES.join(' | '),
  };
  return Object.defineProperties(spec, {
    question: { enumerable: true, get: () => t(`${area}.field.${spec.key}.question`) },
    help: {
      enumerable: true,
      get: () => t(`${area}.field.${spec.key}.help`, lists),
    },
    label: { enumerable: true, get: () => t(`${area}.field.${spec.key}.label`) },
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
  // How it was paid (schema 9): the card route needs the card's facts (src/domain/payment.ts).
  worded({ key: 'paidBy', flag: 'paid-by', required: false, asked: 'paid' }, 'card'),
  worded({ key: 'cardType', flag: 'card-type', required: false, asked: 'card' }, 'card'),
  worded({ key: 'cardIssuer', flag: 'card-issuer', required: false, asked: 'card' }, 'card'),
  worded({ key: 'cardLast4', flag: 'card-last4', required: false, asked: 'card' }, 'card'),
  worded({ key: 'statementDate', flag: 'statement-date', required: false, asked: 'card' }, 'card'),
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

/** Whether the wizard asks a field, given what the draft holds so far. */
export function isAsked(
  spec: CaseFieldSpec,
  fields: Partial<Record<CaseFieldKey, string>>,
): boolean {
  if (spec.asked === 'paid') return Boolean(fields.amount?.trim());
  if (spec.asked === 'card') return fields.paidBy?.trim().toLowerCase() === 'card';
  return true;
}

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
    case 'paidBy':
    case 'cardType': {
      const value = text.trim().toLowerCase();
      if (!value) return null;
      const list = key === 'paidBy' ? PAYMENT_METHODS : CARD_TYPES;
      if (!isOneOf(list, value))
        throw new ValidationError(
          spec.flag,
          t('card.error.notOneOf', { flag, text: text.trim() }),
          t('case.error.useOneOf', { values: list.join(', ') }),
        );
      return value;
    }
    case 'cardIssuer': {
      if (!text.trim()) return null;
      return requiredText(spec.flag, text, 120);
    }
    case 'cardLast4': {
      const value = text.trim();
      if (!value) return null;
      if (/^\d{4}$/.test(value)) return value;
      // Never echo what was typed: it may be the whole card number.
      throw new ValidationError(
        spec.flag,
        t(looksLikeCardNumber(value) ? 'card.error.last4Long' : 'card.error.last4', { flag }),
        t('card.error.last4Hint', { flag }),
      );
    }
    case 'statementDate': {
      if (!text.trim()) return null;
      const date = parseLocalDate(text, flag, clock);
      if (date > localDateOf(clock.now, clock.timeZone))
        throw new ValidationError(
          spec.flag,
          t('case.error.dateInFuture', { flag, date }),
          t('case.error.dateInFutureHint'),
        );
      return date;
    }
  }
}

/** The flags of the card facts: each needs `--paid-by card`. */
export function cardFlag(key: CardFieldKey): string {
  return `--${caseFieldSpec(key).flag}`;
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
  const card = CARD_FIELD_KEYS.find((k) => fields[k] != null);
  if (card && fields.paidBy !== 'card')
    throw new ValidationError(
      caseFieldSpec(card).flag,
      t('card.error.needsCard', { flag: cardFlag(card) }),
      t('card.error.needsCardHint', { flag: cardFlag(card) }),
    );
  if (fields.purchasedOn && fields.statementDate && fields.statementDate < fields.purchasedOn)
    throw new ValidationError(
      'statement-date',
      t('card.error.statementBeforePurchase', {
        statement: fields.statementDate,
        purchased: fields.purchasedOn,
      }),
      t('card.error.statementBeforePurchaseHint'),
    );
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
