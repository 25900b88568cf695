import { ValidationError } from '../errors.js';
import type { Clock } from './dates.js';
import { localDateOf, parseLocalDate } from './dates.js';
import type { CaseRecord } from './model.js';
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
      `--rating "${raw.rating ?? ''}" is not 1 to 5`,
      'rate how the company handled it: 1 (very badly) to 5 (very well)',
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
        'a resolved case needs --received',
        'say what arrived, e.g. --received "full refund to my card"',
      );
    const on = parseLocalDate(raw.receivedOn ?? '', '--received-on', clock);
    if (on > localDateOf(clock.now, clock.timeZone))
      throw new ValidationError(
        'received-on',
        `--received-on "${raw.receivedOn}" is in the future`,
        'close the case once the remedy has arrived',
      );
    const amount = raw.amount ? parseMoney(raw.amount, '--amount', k.amount?.currency) : null;
    if (!amount && MONEY_REMEDIES.includes(k.remedy))
      throw new ValidationError(
        'amount',
        `a resolved ${labelOf(k.remedy).toLowerCase()} needs --amount`,
        'say how much arrived, e.g. --amount "12.400 TL"',
      );
    closure.remedyReceived = what;
    closure.remedyReceivedOn = on;
    closure.remedyReceivedAmount = amount;
    outcome = `Resolved: ${what}${amount ? ` (${formatMoneyShort(amount)})` : ''} received on ${on}`;
  } else if (as === 'escalated-elsewhere') {
    const to = sanitizeText(raw.to ?? '');
    if (!to)
      throw new ValidationError(
        'to',
        'say where it went with --to',
        'e.g. --to "consumer court, file 2026/123"',
      );
    closure.escalatedTo = to;
    outcome = `Escalated elsewhere: ${to}`;
  } else {
    outcome = 'Abandoned: the remedy did not arrive';
  }
  if (note) outcome += `. ${note}`;
  const status: CaseStatus =
    as === 'resolved' ? 'resolved' : as === 'abandoned' ? 'abandoned' : 'escalated';
  return { status, closure, outcome };
}
