import { t, translate, uiLanguage, uiLocale } from '../i18n.js';
import type { UiLanguage } from '../i18n.js';
import { endOfLocalDay, localDateOf } from './dates.js';
import type { ClockRule, ClockStart, Jurisdiction, Localized } from './jurisdiction-rules.js';
import { CARD_EVENTS, RIGHT_EVENTS, sectorApplies } from './jurisdiction-rules.js';
import { cardRouteId } from './card-route.js';
import type { CaseRecord, ContactRecord } from './model.js';
import type { ClockUnit, Holiday, WorkingDayCount } from './working-days.js';
import { lazyInLanguage, lazyText } from './lazy.js';
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
  /** complaint | final-notice | card-issuer (schema 7); absent: a complaint. */
  kind?: string;
}

/** The letters to the company: a dispute letter to the card issuer starts none of its clocks. */
export function merchantLetters<L extends { kind?: string }>(letters: readonly L[]): L[] {
  return letters.filter((l) => l.kind !== 'card-issuer');
}

/** A clock's start date the user recorded because the log cannot tell it (delivery, a bill…). */
export interface CaseEvent {
  event: ClockStart;
  onDate: string;
}

/**
 * What the clocks, the agenda, the ladder, the call sheet and the statistics read of a contact:
 * `due` and `stats` load only these columns for thousands of cases (a full ContactRecord fits).
 */
export type SnapshotContact = Pick<
  ContactRecord,
  | 'id'
  | 'caseId'
  | 'channel'
  | 'direction'
  | 'startedAt'
  | 'reference'
  | 'supervisor'
  | 'rude'
  | 'reps'
  | 'promises'
  | 'escalation'
>;

/** Everything the clocks, the agenda and the ladder read about one case. */
export interface CaseSnapshot {
  case: CaseRecord;
  /** Oldest first. */
  contacts: SnapshotContact[];
  /** Oldest first. */
  letters: LetterDates[];
  events: CaseEvent[];
  /** Finance, energy…: clocks and forums limited to sectors need it. */
  sector: string | null;
  /** Shop, distance or off-premises (schema 8); absent or null when not recorded. */
  sale?: string | null;
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
  owes: 'company' | 'consumer' | 'issuer';
  start: StartDate;
  /** YYYY-MM-DD, or null until the start event is known. */
  dueOn: string | null;
  /** The end of `dueOn` in the user's zone. */
  dueAt: Date | null;
  /** `exercised`: a right the consumer used before its last day (a recorded rejection…). */
  state: 'not-started' | 'running' | 'passed' | 'exercised';
  /** The day the consumer exercised the right this clock measures (YYYY-MM-DD). */
  exercisedOn?: string;
  /** Public holidays the count skipped (working-day clocks only), oldest first. */
  skippedHolidays: Holiday[];
  /** How the date was computed, in one sentence; or what to record to start the clock. */
  explanation: string;
}

/** "from delivery", "from the request": the phrase a period runs from, in the interface language. */
export function fromStart(event: ClockStart, language: UiLanguage = uiLanguage()): string {
  const area = (RIGHT_EVENTS as readonly string[]).includes(event)
    ? 'rights'
    : (CARD_EVENTS as readonly string[]).includes(event)
      ? 'card'
      : 'agenda.clock';
  return translate(language, `${area}.from.${event}`);
}

/** "30 working days", "1 year". */
export function periodText(
  amount: number,
  unit: ClockUnit,
  language: UiLanguage = uiLanguage(),
): string {
  return translate(language, `agenda.period.${unit}`, { count: amount });
}

/** "30 working days from the request". */
export function ruleText(rule: ClockRule, language: UiLanguage = uiLanguage()): string {
  return translate(language, 'agenda.clock.rule', {
    period: periodText(rule.amount, rule.unit, language),
    from: fromStart(rule.start, language),
  });
}

const weekendTexts = new Map<string, string>();

/** "Sat and Sun": the weekend days in the interface language (0 = Sunday). */
function weekendText(weekend: readonly number[]): string {
  // Thousands of clocks share a few weekends: the Intl formatters are built once per weekend.
  const key = `${uiLocale()}|${weekend.join(',')}`;
  let text = weekendTexts.get(key);
  if (text === undefined) weekendTexts.set(key, (text = formatWeekend(weekend)));
  return text;
}

function formatWeekend(weekend: readonly number[]): string {
  const day = new Intl.DateTimeFormat(uiLocale(), { weekday: 'short', timeZone: 'UTC' });
  // 2023-01-01 was a Sunday.
  const names = [...weekend]
    .sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))
    .map((d) => day.format(Date.UTC(2023, 0, 1 + d)));
  return new Intl.ListFormat(uiLocale(), { type: 'conjunction' }).format(names);
}

/** "; public holidays skipped: 2027-01-01 New Year's Day, …", in the interface language. */
function skippedText(skipped: readonly Holiday[]): string {
  if (skipped.length === 0) return '';
  const language = uiLanguage();
  const list = skipped.map((h) => `${h.date} ${h.name[language] ?? h.name.en}`).join(', ');
  return t('dates.holidaysSkipped', { list });
}

/**
 * Whether a rule applies to a case: its remedies and sectors, when it names them; a card rule
 * only to a case on its card route (`route`: the case's route id, src/domain/card-route.ts).
 */
export function ruleApplies(
  rule: ClockRule,
  snapshot: CaseSnapshot,
  route: string | null = null,
): boolean {
  if (rule.cardRoutes && (!route || !rule.cardRoutes.includes(route))) return false;
  if (rule.remedies && !rule.remedies.includes(snapshot.case.remedy)) return false;
  if (!sectorApplies(rule, snapshot.sector)) return false;
  // A right of distance sales is no right for a purchase recorded as made in a shop.
  if (rule.sale && snapshot.sale && !(rule.sale as string[]).includes(snapshot.sale)) return false;
  return true;
}

function unknown(event: ClockStart): StartDate {
  return { event, on: null, basis: null, contactId: null, letterId: null };
}

function fromContact(
  event: ClockStart,
  c: SnapshotContact,
  what: 'first-contact' | 'application' | 'written',
  tz: string,
): StartDate {
  // The words are written when first read: `due` finds thousands of start dates, shows few.
  const start = {
    event,
    on: localDateOf(c.startedAt, tz),
    contactId: c.id,
    letterId: null,
  } as unknown as StartDate;
  lazyText(start, 'basis', `agenda.clock.basis.${what}`, { id: String(c.id), channel: c.channel });
  return start;
}

/**
 * The date a start event happened. A date the user recorded wins; otherwise it is read from the
 * case and the log. The request is the first contact the user made with the company (a letter
 * sent later repeats it and does not start the seller's period again), else the letter's
 * delivery, else its sending; `complain clock --request DATE` records another date.
 */
export function startDateOf(event: ClockStart, s: CaseSnapshot, timeZone: string): StartDate {
  const recorded = s.events.find((e) => e.event === event);
  if (recorded)
    return {
      event,
      on: recorded.onDate,
      basis: t('agenda.clock.basis.recorded'),
      contactId: null,
      letterId: null,
    };
  const firstOutbound = s.contacts.find((c) => c.direction === 'outbound');
  const toCompany = merchantLetters(s.letters);
  const delivered = toCompany.find((l) => l.deliveredAt);
  const sent = toCompany.find((l) => l.sentAt);
  const letterStart = (l: LetterDates, at: Date, what: 'sent' | 'delivered'): StartDate => {
    const start = {
      event,
      on: localDateOf(at, timeZone),
      contactId: null,
      letterId: l.id,
    } as unknown as StartDate;
    lazyText(start, 'basis', `agenda.clock.basis.letter-${what}`, { id: String(l.id) });
    return start;
  };
  switch (event) {
    case 'purchase':
      return s.case.purchasedOn
        ? {
            event,
            on: s.case.purchasedOn,
            basis: t('agenda.clock.basis.purchase'),
            contactId: null,
            letterId: null,
          }
        : unknown(event);
    case 'request':
      // The first request starts the seller's period; a later letter repeating it does not give
      // the seller the period again (a letter comes first only when nothing was logged before).
      if (firstOutbound) return fromContact(event, firstOutbound, 'first-contact', timeZone);
      if (delivered) return letterStart(delivered, delivered.deliveredAt!, 'delivered');
      return sent ? letterStart(sent, sent.sentAt!, 'sent') : unknown(event);
    case 'complaint':
      if (firstOutbound) return fromContact(event, firstOutbound, 'first-contact', timeZone);
      return sent ? letterStart(sent, sent.sentAt!, 'sent') : unknown(event);
    case 'written-claim': {
      // Only the written claim starts this clock, never a call: the letter's receipt, else its
      // sending, else a letter the user logged sending.
      if (delivered) return letterStart(delivered, delivered.deliveredAt!, 'delivered');
      if (sent) return letterStart(sent, sent.sentAt!, 'sent');
      const written = s.contacts.find((c) => c.direction === 'outbound' && c.channel === 'letter');
      return written ? fromContact(event, written, 'written', timeZone) : unknown(event);
    }
    case 'repair-requested':
      // A repair case: the request that reported the fault asked for the repair.
      return s.case.remedy === 'repair'
        ? { ...startDateOf('request', s, timeZone), event }
        : unknown(event);
    case 'letter-delivered':
      return delivered
        ? letterStart(delivered, delivered.deliveredAt!, 'delivered')
        : unknown(event);
    case 'card-statement':
      return s.case.statementDate
        ? {
            event,
            on: s.case.statementDate,
            basis: t('card.basis.statement'),
            contactId: null,
            letterId: null,
          }
        : unknown(event);
    case 'card-dispute': {
      // The issuer's receipt of the dispute letter: its delivery, else its sending.
      const toIssuer = s.letters.filter((l) => l.kind === 'card-issuer');
      const got = toIssuer.find((l) => l.deliveredAt);
      if (got) return letterStart(got, got.deliveredAt!, 'delivered');
      const out = toIssuer.find((l) => l.sentAt);
      return out ? letterStart(out, out.sentAt!, 'sent') : unknown(event);
    }
    case 'regulator-filed': {
      const filed = s.contacts.find((c) => c.escalation?.kind === 'regulator');
      return filed ? fromContact(event, filed, 'application', timeZone) : unknown(event);
    }
    default:
      return unknown(event);
  }
}

/** Which dated contacts the clocks of a jurisdiction may start from (see startDateOf). */
export interface ContactNeeds {
  /** The first outbound contact: the request, the complaint, a repair's request. */
  firstOutbound: boolean;
  /** The first outbound letter: a written claim. */
  written: boolean;
  /** The first application to a regulator. */
  regulator: boolean;
}

/**
 * What `startDateOf` may read of the log for the clocks of a jurisdiction (every clock's start,
 * and the event that exercises a right measured by a clock), whether or not a case meets a
 * clock's conditions: `due` reads only those contacts of each case.
 */
export function contactNeeds(jurisdiction: Jurisdiction): ContactNeeds {
  const events = new Set<ClockStart>([
    ...jurisdiction.clocks.map((c) => c.start),
    ...(jurisdiction.rights ?? []).flatMap((r) =>
      r.clock && r.exercisedBy ? [r.exercisedBy] : [],
    ),
  ]);
  return {
    firstOutbound: ['request', 'complaint', 'repair-requested'].some((e) =>
      events.has(e as ClockStart),
    ),
    written: events.has('written-claim'),
    regulator: events.has('regulator-filed'),
  };
}

/** The command that records a start event the log cannot tell. */
export function recordHint(caseId: number, event: ClockStart): string {
  // A command line, the same in every language.
  if (event === 'card-statement')
    return ['complain', 'edit', String(caseId), '--statement-date', 'YYYY-MM-DD'].join(' ');
  if (event === 'card-dispute')
    return ['complain', 'letter', String(caseId), '--to', 'card-issuer', '-o', 'card.docx'].join(
      ' ',
    );
  return ['complain', 'clock', String(caseId), `--${event}`, 'YYYY-MM-DD'].join(' ');
}

/**
 * The day the consumer exercised the right a clock measures (jurisdiction `rights` naming the
 * clock), when it was on or before the clock's last day: such a clock is exercised, not passed.
 */
export function exercisedWithin(
  clockId: string,
  dueOn: string,
  s: CaseSnapshot,
  jurisdiction: Jurisdiction,
  timeZone: string,
): string | null {
  const right = (jurisdiction.rights ?? []).find((r) => r.clock === clockId && r.exercisedBy);
  if (!right?.exercisedBy) return null;
  const done = startDateOf(right.exercisedBy, s, timeZone).on;
  return done && done <= dueOn ? done : null;
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
  // The explanation is written when first read: `due` computes thousands of clocks, prints few.
  const params = () => ({
    period: periodText(rule.amount, rule.unit),
    from: fromStart(rule.start),
    source: rule.source,
    trust: t(rule.verified ? 'agenda.clock.verified' : 'agenda.clock.unverified'),
  });
  if (!start.on) {
    const result = {
      rule,
      owes,
      start,
      dueOn: null,
      dueAt: null,
      state: 'not-started',
      skippedHolidays: [],
    } as unknown as ClockResult;
    lazyInLanguage(result, 'explanation', () =>
      t('agenda.clock.explain.not-started', {
        ...params(),
        command: recordHint(s.case.id, rule.start),
      }),
    );
    return result;
  }
  const calendar = rule.weekend ? { ...jurisdiction, weekend: rule.weekend } : jurisdiction;
  const count = countOf(start.on, rule, jurisdiction, calendar);
  const dueOn = count.date;
  const dueAt = endOfLocalDay(dueOn, timeZone);
  const exercisedOn = exercisedWithin(rule.id, dueOn, s, jurisdiction, timeZone);
  const how =
    rule.unit === 'working-days'
      ? jurisdiction.holidays.length || jurisdiction.publicHolidays
        ? 'working'
        : 'working-no-holidays'
      : rule.unit === 'calendar-days'
        ? 'calendar'
        : 'monthly';
  const result = {
    rule,
    owes,
    start,
    dueOn,
    dueAt,
    state: exercisedOn ? 'exercised' : dueAt.getTime() < now.getTime() ? 'passed' : 'running',
    ...(exercisedOn ? { exercisedOn } : {}),
    skippedHolidays: [...count.skipped],
  } as unknown as ClockResult;
  lazyInLanguage(
    result,
    'explanation',
    () =>
      t(`agenda.clock.explain.${how}`, {
        ...params(),
        weekend: rule.unit === 'working-days' ? weekendText(calendar.weekend) : '',
        on: start.on,
        basis: start.basis ?? '',
        due: dueOn,
        zone: timeZone,
      }) + skippedText(count.skipped),
  );
  return result;
}

/** Counts of a jurisdiction's periods, by start day, rule and language (holiday names). */
const counts = new WeakMap<Jurisdiction, Map<string, WorkingDayCount>>();

/**
 * `countPeriod` remembered for the run: thousands of cases start their clocks on a few hundred
 * days, and a working-day count walks the calendar day by day.
 */
function countOf(
  on: string,
  rule: ClockRule,
  jurisdiction: Jurisdiction,
  calendar: Jurisdiction,
): WorkingDayCount {
  let known = counts.get(jurisdiction);
  if (!known) counts.set(jurisdiction, (known = new Map()));
  const key = `${uiLanguage()}|${rule.weekend?.join(',') ?? ''}|${rule.unit}|${rule.amount}|${on}`;
  let count = known.get(key);
  if (!count) known.set(key, (count = countPeriod(on, rule.amount, rule.unit, calendar)));
  return count;
}

/** A company's statutory period that ran out before the letter, with the sentence stating it. */
export interface LapsedPeriod {
  id: string;
  text: Localized;
  start: string;
  end: string;
  source: string;
  verified: boolean;
}

/** The company's periods with a letter sentence that ran out before `now`, earliest end first. */
export function lapsedDuties(clocks: readonly ClockResult[]): LapsedPeriod[] {
  return clocks
    .filter((c) => c.owes === 'company' && c.state === 'passed' && c.rule.lapsed && c.start.on)
    .sort((a, b) => (a.dueOn! < b.dueOn! ? -1 : 1))
    .map((c) => ({
      id: c.rule.id,
      text: c.rule.lapsed!,
      start: c.start.on!,
      end: c.dueOn!,
      source: c.rule.source,
      verified: c.rule.verified,
    }));
}

/** Every clock of the case's jurisdiction that applies to it. */
export function clocksFor(
  s: CaseSnapshot,
  jurisdiction: Jurisdiction,
  now: Date,
  timeZone: string,
): ClockResult[] {
  const route = cardRouteId(s.case, jurisdiction);
  return jurisdiction.clocks
    .filter((rule) => ruleApplies(rule, s, route))
    .map((rule) => computeClock(rule, s, jurisdiction, now, timeZone));
}
