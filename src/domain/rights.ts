import type { CaseSnapshot } from './clocks.js';
import { startDateOf } from './clocks.js';
import type {
  ClockStart,
  Jurisdiction,
  RightPeriod,
  RightRule,
  SaleChannel,
} from './jurisdiction-rules.js';
import { localDateOf } from './dates.js';
import { addPeriod } from './working-days.js';
import { cardRouteId } from './card-route.js';

/** What a right is on a given date: still open to the consumer, used in time, or run out. */
export type RightState = 'available' | 'exercised' | 'lapsed';

/** A period applied to a case: from its start to its last day (YYYY-MM-DD; null while unknown). */
export interface PeriodDates {
  event: ClockStart;
  start: string | null;
  end: string | null;
}

/** One right of the case's jurisdiction that applies to the case, evaluated on a date. */
export interface RightResult {
  rule: RightRule;
  state: RightState;
  /** The window the consumer has to act in; null when the right has none (held while the claim lives). */
  window: PeriodDates | null;
  /** The day the consumer exercised it (a recorded rejection, repair request, written claim…). */
  exercisedOn: string | null;
  /** For a right held after a failed repair: the day the repair failed or its time ran out. */
  heldSince: string | null;
  /** Once exercised: the time the company has to perform, and whether it has run out. */
  perform: (PeriodDates & { overdue: boolean }) | null;
}

/** The facts a right depends on that the snapshot does not carry. */
export interface RightFacts {
  /** How it was bought (schema 8), null when not recorded. */
  sale: SaleChannel | null;
  /** How it was paid ('card', 'cash', 'transfer'…), null or absent when not recorded. */
  paidBy?: string | null;
  /** The card route the case is on (src/domain/card-route.ts), null or absent when none. */
  cardRoute?: string | null;
}

/** Goods or services, from the sector: a case without one is a purchase of goods. */
export function supplyOf(sector: string | null): 'goods' | 'services' | null {
  if (sector === null || sector === 'goods') return 'goods';
  if (sector === 'other' || sector === 'housing') return null;
  return 'services';
}

function calendarFor(j: Jurisdiction, period: RightPeriod): Jurisdiction {
  return period.weekend ? { ...j, weekend: period.weekend } : j;
}

function clockPeriod(id: string | undefined, j: Jurisdiction): RightPeriod | null {
  const clock = id ? j.clocks.find((c) => c.id === id) : undefined;
  return clock
    ? {
        start: clock.start,
        amount: clock.amount,
        unit: clock.unit,
        ...(clock.weekend ? { weekend: clock.weekend } : {}),
      }
    : null;
}

/** The window of a right: its own, else that of the clock it names. */
export function windowOf(rule: RightRule, j: Jurisdiction): RightPeriod | null {
  return rule.window ?? clockPeriod(rule.clock, j);
}

function periodDates(
  period: RightPeriod,
  s: CaseSnapshot,
  j: Jurisdiction,
  tz: string,
): PeriodDates {
  const start = startDateOf(period.start, s, tz).on;
  return {
    event: period.start,
    start,
    end: start ? addPeriod(start, period.amount, period.unit, calendarFor(j, period)) : null,
  };
}

/** Whether the conditions of a right hold for the case (the failed-repair condition aside). */
function conditionsHold(rule: RightRule, s: CaseSnapshot, facts: RightFacts): boolean {
  if (rule.supply && supplyOf(s.sector) !== rule.supply) return false;
  // A right of one way of selling needs that way recorded: the letter never claims it on a guess.
  if (rule.sale && (facts.sale === null || !rule.sale.includes(facts.sale))) return false;
  if (rule.paidBy && (!facts.paidBy || !rule.paidBy.includes(facts.paidBy))) return false;
  if (rule.cardRoutes && (!facts.cardRoute || !rule.cardRoutes.includes(facts.cardRoute)))
    return false;
  if (rule.amount) {
    const a = s.case.amount;
    if (!a || a.currency !== rule.amount.currency) return false;
    if (rule.amount.minMinor !== undefined && a.minor < rule.amount.minMinor) return false;
    if (rule.amount.maxMinor !== undefined && a.minor > rule.amount.maxMinor) return false;
  }
  return true;
}

/** The day after `date` (YYYY-MM-DD). */
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function evaluateOne(
  rule: RightRule,
  s: CaseSnapshot,
  j: Jurisdiction,
  on: string,
  tz: string,
  failedOn: string | null,
): RightResult {
  const period = windowOf(rule, j);
  const window = period ? periodDates(period, s, j, tz) : null;
  const done = rule.exercisedBy ? startDateOf(rule.exercisedBy, s, tz).on : null;
  // Exercised in time stays exercised: a rejection on day 20 still counts on day 40.
  const exercisedOn = done && done <= on && (!window?.end || done <= window.end) ? done : null;
  const state: RightState = exercisedOn
    ? 'exercised'
    : window?.end && window.end < on
      ? 'lapsed'
      : 'available';
  let perform: RightResult['perform'] = null;
  const performPeriod = clockPeriod(rule.performClock, j);
  if (exercisedOn && performPeriod) {
    const dates = periodDates(performPeriod, s, j, tz);
    perform = { ...dates, overdue: dates.end !== null && dates.end < on };
  }
  return { rule, state, window, exercisedOn, heldSince: failedOn, perform };
}

/**
 * The rights of the case's jurisdiction that apply to the case, each with its state on `on`
 * (YYYY-MM-DD, the letter's date or today). Pure: the letter, `clock`, `next` and `show` read the
 * same answer. A right held only after a failed repair appears once a repair failed (recorded with
 * `--repair-failed`) or a repair period ran out without the repair.
 */
export function evaluateRights(
  s: CaseSnapshot,
  j: Jurisdiction,
  facts: RightFacts,
  on: string,
  tz: string,
): RightResult[] {
  const rules = (j.rights ?? []).filter((r) => conditionsHold(r, s, facts));
  const first = rules.filter((r) => !r.requires).map((r) => evaluateOne(r, s, j, on, tz, null));
  const recordedFailure = s.events.find((e) => e.event === 'repair-failed')?.onDate ?? null;
  const lapsedRepair = first
    .filter((r) => r.perform?.overdue && r.perform.end)
    .map((r) => dayAfter(r.perform!.end!))
    .sort()[0];
  const failedOn =
    recordedFailure && recordedFailure <= on ? recordedFailure : (lapsedRepair ?? null);
  const second = failedOn
    ? rules
        .filter((r) => r.requires === 'repair-failed')
        .map((r) => evaluateOne(r, s, j, on, tz, failedOn))
    : [];
  return [...first, ...second];
}

/**
 * The right a letter cites: of the rights held (available or exercised) that a seller owes, the
 * strongest that gives the remedy asked for, else the strongest held at all.
 */
export function strongestRight(
  results: readonly RightResult[],
  remedy: string,
): RightResult | undefined {
  const held = results
    .filter((r) => r.state !== 'lapsed' && r.rule.remedies.length > 0)
    .sort((a, b) => b.rule.rank - a.rule.rank);
  return held.find((r) => r.rule.remedies.includes(remedy)) ?? held[0];
}

/** The rights of a case on the day of `now` in the user's zone: what `clock`, `show` and `next` list. */
export function rightsOf(
  s: CaseSnapshot,
  j: Jurisdiction,
  now: Date,
  tz: string,
  paidBy?: string | null,
): RightResult[] {
  const sale = (s.sale ?? null) as SaleChannel | null;
  // How it was paid is on the case (schema 9); `paidBy` overrides it (tests).
  const paid = paidBy ?? s.case.paidBy ?? null;
  const cardRoute = paid === 'card' ? cardRouteId({ ...s.case, paidBy: 'card' }, j) : null;
  return evaluateRights(s, j, { sale, paidBy: paid, cardRoute }, localDateOf(now, tz), tz);
}
