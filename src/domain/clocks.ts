import { endOfLocalDay, localDateOf } from './dates.js';
import type { ClockRule, ClockStart, Jurisdiction } from './jurisdiction-rules.js';
import type { CaseRecord, ContactRecord } from './model.js';
import type { ClockUnit, Holiday } from './working-days.js';
import { countPeriod } from './working-days.js';

/** What the agenda needs of a letter row: its response deadline and when it went out and arrived. */
export interface LetterDates {
  id: number;
  createdAt: Date;
  /** The response deadline, a calendar date (YYYY-MM-DD). */
  deadlineOn: string;
  sentAt: Date | null;
  sentVia: string | null;
  deliveredAt: Date | null;
}

/** A clock's start date the user recorded because the log cannot tell it (delivery, a bill…). */
export interface CaseEvent {
  event: ClockStart;
  onDate: string;
}

/** Everything the clocks, the agenda and the ladder read about one case. */
export interface CaseSnapshot {
  case: CaseRecord;
  /** Oldest first. */
  contacts: ContactRecord[];
  /** Oldest first. */
  letters: LetterDates[];
  events: CaseEvent[];
  /** Finance, energy…: clocks and forums limited to sectors need it. */
  sector: string | null;
}

/** When a clock's start event happened, and how that is known. */
export interface StartDate {
  event: ClockStart;
  /** YYYY-MM-DD in the user's zone, or null when unknown. */
  on: string | null;
  /** "recorded", "purchase date", "first contact #1 (phone)", "letter #2 delivered"… */
  basis: string | null;
  contactId: number | null;
  letterId: number | null;
}

/** A legal clock applied to a case: the rule, its start and the date it runs out. */
export interface ClockResult {
  rule: ClockRule;
  owes: 'company' | 'consumer';
  start: StartDate;
  /** YYYY-MM-DD, or null until the start event is known. */
  dueOn: string | null;
  /** The end of `dueOn` in the user's zone. */
  dueAt: Date | null;
  state: 'not-started' | 'running' | 'passed';
  /** Public holidays the count skipped (working-day clocks only), oldest first. */
  skippedHolidays: Holiday[];
  /** How the date was computed, in one sentence; or what to record to start the clock. */
  explanation: string;
}

/** Human names of the start events (English UI). */
export const START_LABELS: Record<ClockStart, string> = {
  request: 'the request',
  delivery: 'delivery',
  purchase: 'the purchase',
  complaint: 'the complaint',
  withdrawal: 'the withdrawal notice',
  'final-response': "the company's final response",
  bill: 'the bill',
  'decision-notified': 'notification of the decision',
  'regulator-filed': 'the complaint to the regulator',
  'letter-delivered': 'delivery of the letter',
};

const UNIT_LABELS: Record<ClockUnit, [string, string]> = {
  'calendar-days': ['calendar day', 'calendar days'],
  'working-days': ['working day', 'working days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
  years: ['year', 'years'],
};

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "30 working days", "1 year". */
export function periodText(amount: number, unit: ClockUnit): string {
  const [one, many] = UNIT_LABELS[unit];
  return `${amount} ${amount === 1 ? one : many}`;
}

/** "; skipped: 2027-01-01 New Year's Day, 2027-03-09 Ramadan Feast" — or nothing. */
function skippedText(skipped: readonly Holiday[]): string {
  if (skipped.length === 0) return '; none fell in this period';
  return `; skipped: ${skipped.map((h) => `${h.date} ${h.name.en}`).join(', ')}`;
}

/** Whether a rule applies to a case: its remedies and sectors, when it names them. */
export function ruleApplies(rule: ClockRule, snapshot: CaseSnapshot): boolean {
  if (rule.remedies && !rule.remedies.includes(snapshot.case.remedy)) return false;
  if (rule.sectors && !(snapshot.sector && rule.sectors.includes(snapshot.sector))) return false;
  return true;
}

function unknown(event: ClockStart): StartDate {
  return { event, on: null, basis: null, contactId: null, letterId: null };
}

function fromContact(event: ClockStart, c: ContactRecord, what: string, tz: string): StartDate {
  return {
    event,
    on: localDateOf(c.startedAt, tz),
    basis: `${what} #${c.id} (${c.channel})`,
    contactId: c.id,
    letterId: null,
  };
}

/**
 * The date a start event happened. A date the user recorded wins; otherwise it is read from the
 * case and the log. The request is the provable one when there is a letter (its delivery, else
 * its sending), else the first contact the user made.
 */
export function startDateOf(event: ClockStart, s: CaseSnapshot, timeZone: string): StartDate {
  const recorded = s.events.find((e) => e.event === event);
  if (recorded)
    return { event, on: recorded.onDate, basis: 'recorded', contactId: null, letterId: null };
  const firstOutbound = s.contacts.find((c) => c.direction === 'outbound');
  const delivered = s.letters.find((l) => l.deliveredAt);
  const sent = s.letters.find((l) => l.sentAt);
  const letterStart = (l: LetterDates, at: Date, what: string): StartDate => ({
    event,
    on: localDateOf(at, timeZone),
    basis: `letter #${l.id} ${what}`,
    contactId: null,
    letterId: l.id,
  });
  switch (event) {
    case 'purchase':
      return s.case.purchasedOn
        ? { event, on: s.case.purchasedOn, basis: 'purchase date', contactId: null, letterId: null }
        : unknown(event);
    case 'request':
      if (delivered) return letterStart(delivered, delivered.deliveredAt!, 'delivered');
      if (sent) return letterStart(sent, sent.sentAt!, 'sent');
      return firstOutbound
        ? fromContact(event, firstOutbound, 'first contact', timeZone)
        : unknown(event);
    case 'complaint':
      if (firstOutbound) return fromContact(event, firstOutbound, 'first contact', timeZone);
      return sent ? letterStart(sent, sent.sentAt!, 'sent') : unknown(event);
    case 'letter-delivered':
      return delivered
        ? letterStart(delivered, delivered.deliveredAt!, 'delivered')
        : unknown(event);
    case 'regulator-filed': {
      const filed = s.contacts.find((c) => c.escalation?.kind === 'regulator');
      return filed ? fromContact(event, filed, 'application, contact', timeZone) : unknown(event);
    }
    default:
      return unknown(event);
  }
}

/** The command that records a start event the log cannot tell. */
export function recordHint(caseId: number, event: ClockStart): string {
  return `complain clock ${caseId} --${event} YYYY-MM-DD`;
}

/** Applies one rule to a case at `now`. */
export function computeClock(
  rule: ClockRule,
  s: CaseSnapshot,
  jurisdiction: Jurisdiction,
  now: Date,
  timeZone: string,
): ClockResult {
  const owes = rule.owes ?? 'company';
  const start = startDateOf(rule.start, s, timeZone);
  const period = periodText(rule.amount, rule.unit);
  const trust = rule.verified ? 'verified' : 'UNVERIFIED: check it before relying on it';
  if (!start.on) {
    return {
      rule,
      owes,
      start,
      dueOn: null,
      dueAt: null,
      state: 'not-started',
      skippedHolidays: [],
      explanation: `${period} from ${START_LABELS[rule.start]}, which is not known yet: record it with \`${recordHint(s.case.id, rule.start)}\` (${rule.source}; ${trust})`,
    };
  }
  const count = countPeriod(start.on, rule.amount, rule.unit, jurisdiction);
  const dueOn = count.date;
  const dueAt = endOfLocalDay(dueOn, timeZone);
  const weekend = [...jurisdiction.weekend]
    .sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))
    .map((d) => WEEKDAYS[d])
    .join(' and ');
  const how =
    rule.unit === 'working-days'
      ? ` (not counting the start day, ${weekend} or public holidays${skippedText(count.skipped)})`
      : rule.unit === 'calendar-days'
        ? ''
        : ' (same day of the month, or its last day)';
  return {
    rule,
    owes,
    start,
    dueOn,
    dueAt,
    state: dueAt.getTime() < now.getTime() ? 'passed' : 'running',
    skippedHolidays: count.skipped,
    explanation: `${period}${how} from ${START_LABELS[rule.start]} on ${start.on} (${start.basis}) = ${dueOn}, end of day ${timeZone}; ${rule.source}; ${trust}`,
  };
}

/** Every clock of the case's jurisdiction that applies to it. */
export function clocksFor(
  s: CaseSnapshot,
  jurisdiction: Jurisdiction,
  now: Date,
  timeZone: string,
): ClockResult[] {
  return jurisdiction.clocks
    .filter((rule) => ruleApplies(rule, s))
    .map((rule) => computeClock(rule, s, jurisdiction, now, timeZone));
}
