import { ValidationError } from '../errors.js';
import { t, uiLocale } from '../i18n.js';
import type { Clock } from './dates.js';
import { localDateOf, parseLocalDate } from './dates.js';
import type { CaseRecord } from './model.js';
import { ACTIVE_STATUSES } from './vocab.js';
import type { Money } from './money.js';
import { formatMoneyShort, parseMoney } from './money.js';
import type { CaseStatus, CloseOutcome, Remedy } from './vocab.js';
import { CLOSE_OUTCOMES, MONEY_REMEDIES, labelOf } from './vocab.js';
import { parseChoice } from './contact-fields.js';
import { sanitizeText } from './text.js';

/** How a case was closed (schema 3), beside the fields of CaseRecord. */
export interface CaseClosure {
  closedAs: CloseOutcome;
  remedyReceived: string | null;
  remedyReceivedOn: string | null;
  remedyReceivedAmount: Money | null;
  escalatedTo: string | null;
  rating: number | null;
}

/** What schema 3 adds to a case: its sector and how it was closed. */
export interface CaseExtras {
  sector: string | null;
  closure: CaseClosure | null;
}

/**
 * Whether a case is over: closed by `close`, or (in files written before `edit` refused it) set
 * to resolved or abandoned. A closed case has nothing due: list, due, next, show and stats read it
 * from here so that they agree.
 */
export function isClosed(k: Pick<CaseRecord, 'status' | 'closedAt'>): boolean {
  return k.closedAt !== null || !ACTIVE_STATUSES.includes(k.status);
}

/** How a case counts in stats: its closing, else what its status says. */
export function closedAsOf(
  k: Pick<CaseRecord, 'status' | 'closedAt'>,
  closure: CaseClosure | null,
): CloseOutcome | null {
  if (closure) return closure.closedAs;
  if (k.status === 'resolved') return 'resolved';
  if (k.status === 'abandoned') return 'abandoned';
  return k.closedAt !== null ? 'escalated-elsewhere' : null;
}

/** A closing as typed. */
export interface RawClosure {
  as?: string | undefined;
  received?: string | undefined;
  receivedOn?: string | undefined;
  amount?: string | undefined;
  to?: string | undefined;
  rating?: string | undefined;
  note?: string | undefined;
}

/** Remedies that are money: a resolved case says how much arrived. */

/** The flags a closing still needs, given what was typed (for MissingFlagsError). */
export function missingCloseFlags(raw: RawClosure, remedy: Remedy): string[] {
  const missing: string[] = [];
  if (!raw.as) missing.push('--as');
  if (raw.as === 'resolved') {
    if (!raw.received) missing.push('--received');
    if (!raw.receivedOn) missing.push('--received-on');
    if (!raw.amount && MONEY_REMEDIES.includes(remedy)) missing.push('--amount');
  }
  if (raw.as === 'escalated-elsewhere' && !raw.to) missing.push('--to');
  if (!raw.rating) missing.push('--rating');
  return missing;
}

/** What a closing writes: the status, the closure and the outcome sentence. */
export interface ClosingPlan {
  status: CaseStatus;
  closure: CaseClosure;
  outcome: string;
}

/**
 * Validates a closing. "Resolved" only with the remedy that arrived: what, when (not in the
 * future) and, for money, how much; "escalated elsewhere" says where.
 */
export function parseClosure(raw: RawClosure, k: CaseRecord, clock: Clock): ClosingPlan {
  const as: CloseOutcome = parseChoice('as', CLOSE_OUTCOMES, raw.as ?? '');
  const ratingText = (raw.rating ?? '').trim();
  if (!/^[1-5]$/.test(ratingText))
    throw new ValidationError(
      'rating',
      t('agenda.close.error.rating', { value: raw.rating ?? '' }),
      t('agenda.close.error.rating.hint'),
    );
  const rating = Number(ratingText);
  const note = raw.note ? sanitizeText(raw.note) : '';
  const closure: CaseClosure = {
    closedAs: as,
    remedyReceived: null,
    remedyReceivedOn: null,
    remedyReceivedAmount: null,
    escalatedTo: null,
    rating,
  };
  let outcome: string;
  if (as === 'resolved') {
    const what = sanitizeText(raw.received ?? '');
    if (!what)
      throw new ValidationError(
        'received',
        t('agenda.close.error.received'),
        t('agenda.close.error.received.hint'),
      );
    const on = parseLocalDate(raw.receivedOn ?? '', '--received-on', clock);
    if (on > localDateOf(clock.now, clock.timeZone))
      throw new ValidationError(
        'received-on',
        t('agenda.close.error.future', { value: raw.receivedOn ?? '' }),
        t('agenda.close.error.future.hint'),
      );
    const amount = raw.amount ? parseMoney(raw.amount, '--amount', k.amount?.currency) : null;
    if (!amount && MONEY_REMEDIES.includes(k.remedy))
      throw new ValidationError(
        'amount',
        t('agenda.close.error.amount', {
          remedy: labelOf(k.remedy).toLocaleLowerCase(uiLocale()),
        }),
        t('agenda.close.error.amount.hint'),
      );
    closure.remedyReceived = what;
    closure.remedyReceivedOn = on;
    closure.remedyReceivedAmount = amount;
    outcome = amount
      ? t('agenda.close.outcome.resolved-amount', { what, amount: formatMoneyShort(amount), on })
      : t('agenda.close.outcome.resolved', { what, on });
  } else if (as === 'escalated-elsewhere') {
    const to = sanitizeText(raw.to ?? '');
    if (!to)
      throw new ValidationError('to', t('agenda.close.error.to'), t('agenda.close.error.to.hint'));
    closure.escalatedTo = to;
    outcome = t('agenda.close.outcome.escalated', { to });
  } else {
    outcome = t('agenda.close.outcome.abandoned');
  }
  if (note) outcome = t('agenda.close.outcome.note', { outcome, note });
  const status: CaseStatus =
    as === 'resolved' ? 'resolved' : as === 'abandoned' ? 'abandoned' : 'escalated';
  return { status, closure, outcome };
}
