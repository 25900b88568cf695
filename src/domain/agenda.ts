import type { CaseSnapshot, ClockResult, SnapshotContact } from './clocks.js';
import { t, uiLanguage, uiLocale } from '../i18n.js';
import type { ServiceStandard, StandardCheck } from './standards.js';
import { checkStandards, withinSpec, withinText } from './standards.js';
import { labelOf } from './vocab.js';
import { clocksFor, periodText, fromStart } from './clocks.js';
import { calendarDaysBetween, endOfLocalDay, localDateOf } from './dates.js';
import type { Jurisdiction } from './jurisdiction-rules.js';
import { localize } from './jurisdiction-rules.js';
import type { PromiseRecord } from './model.js';
import type { PromiseStanding } from './promises.js';
import { promiseStanding } from './promises.js';
import { lazyInLanguage, lazyText } from './lazy.js';

/** What a row of the agenda is about. */
export const AGENDA_KINDS = ['promise', 'letter-deadline', 'legal-clock', 'standard'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/** One dated thing the user must watch. */
export interface AgendaItem {
  kind: AgendaKind;
  caseId: number;
  company: string;
  caseTitle: string;
  /** One line: what is due, from whom. */
  what: string;
  dueOn: string;
  dueAt: Date;
  overdue: boolean;
  /** Whole days late (0 when due today or later). */
  daysLate: number;
  /** Whole days left (0 when due today or overdue). */
  daysLeft: number;
  /** The contact it dates from, when there is one. */
  sinceContactId: number | null;
  /** When it started (the contact, the letter's sending), when an instant is known. */
  sinceAt: Date | null;
  /** The day it started in the user's zone: the contact, the letter's sending, the clock's start. */
  sinceOn: string | null;
  promise?: { id: number; standing: PromiseStanding; madeBy: string[] };
  letterId?: number;
  clock?: ClockResult;
  /** The company's own standard the contact is held to, and where it was published. */
  standard?: { id: number; within: string; source: string; state: StandardCheck['state'] };
}

/** The agenda: overdue first (most days late first), then what is due in the window. */
export interface Agenda {
  overdue: AgendaItem[];
  upcoming: AgendaItem[];
  windowDays: number;
  /** How many rows each list has, when it holds only the most urgent of them (`due` on a terminal). */
  totals?: { overdue: number; upcoming: number };
}

function repNames(c: SnapshotContact | undefined): string[] {
  return c
    ? c.reps.map((r) => (r.repId ? t('agenda.item.rep-id', { name: r.name, id: r.repId }) : r.name))
    : [];
}

/** An agenda row before the window is applied: its words are written when first read. */
export type Item = Omit<AgendaItem, 'overdue' | 'daysLate' | 'daysLeft'>;

/** "promised on 6 Oct to call back by 8 Oct; no call came" reads from these. */
function promiseItem(s: CaseSnapshot, p: PromiseRecord, now: Date, tz: string): Item {
  const made = s.contacts.find((c) => c.id === p.contactId);
  const by = repNames(made);
  const standing = promiseStanding(p, s.contacts, now);
  const from = by.length ? by.join(', ') : s.case.company.name;
  const key =
    standing === 'broken-by-default'
      ? 'agenda.item.promise-broken'
      : standing === 'overdue'
        ? 'agenda.item.promise-overdue'
        : 'agenda.item.promise';
  const item = {
    kind: 'promise',
    caseId: s.case.id,
    company: s.case.company.name,
    caseTitle: s.case.title,
    dueOn: localDateOf(p.dueAt, tz),
    dueAt: p.dueAt,
    sinceContactId: p.contactId,
    sinceAt: made ? made.startedAt : null,
    sinceOn: made ? localDateOf(made.startedAt, tz) : null,
    promise: { id: p.id, standing, madeBy: by },
  } as Item;
  lazyText(item, 'what', key, { id: String(p.id), text: p.text, from });
  return item;
}

/** Whether the company was in touch after an instant (a letter answered). */
export function heardFromAfter(
  contacts: readonly SnapshotContact[],
  at: Date,
): SnapshotContact | undefined {
  return contacts.find((c) => c.direction === 'inbound' && c.startedAt.getTime() > at.getTime());
}

/** The dated items of one case, before the window is applied. */
export function caseItems(
  s: CaseSnapshot,
  jurisdiction: Jurisdiction,
  now: Date,
  tz: string,
  standards: readonly ServiceStandard[] = [],
): Item[] {
  const items: Item[] = [];
  const calendar = { weekend: jurisdiction.weekend, holidays: jurisdiction.holidays };
  for (const check of checkStandards(s.contacts, standards, calendar, now, tz)) {
    // Kept, or answered late: nothing left to watch (the letter and stats still count a miss).
    if (check.state === 'kept' || check.answer) continue;
    const std = check.standard;
    items.push({
      kind: 'standard',
      caseId: s.case.id,
      company: s.case.company.name,
      caseTitle: s.case.title,
      what: t(check.state === 'missed' ? 'agenda.item.standard-missed' : 'agenda.item.standard', {
        contact: String(check.contact.id),
        channel: labelOf(std.channel).toLocaleLowerCase(uiLocale()),
        within: withinText(std),
        source: std.source,
        company: s.case.company.name,
      }),
      dueOn: localDateOf(check.dueAt, tz),
      dueAt: check.dueAt,
      sinceContactId: check.contact.id,
      sinceAt: check.contact.startedAt,
      sinceOn: localDateOf(check.contact.startedAt, tz),
      standard: { id: std.id, within: withinSpec(std), source: std.source, state: check.state },
    });
  }
  for (const c of s.contacts)
    for (const p of c.promises) if (p.state === 'pending') items.push(promiseItem(s, p, now, tz));
  for (const l of s.letters) {
    if (!l.sentAt) continue;
    const toIssuer = l.kind === 'card-issuer';
    // The merchant's answer does not answer the card issuer (nor the other way round).
    if (!toIssuer && heardFromAfter(s.contacts, l.sentAt)) continue;
    const item = {
      kind: 'letter-deadline',
      caseId: s.case.id,
      company: s.case.company.name,
      caseTitle: s.case.title,
      dueOn: l.deadlineOn,
      dueAt: endOfLocalDay(l.deadlineOn, tz),
      sinceContactId: null,
      sinceAt: l.sentAt,
      sinceOn: localDateOf(l.sentAt, tz),
      letterId: l.id,
    } as Item;
    if (toIssuer)
      lazyText(item, 'what', 'card.item.letter', {
        id: String(l.id),
        sent: localDateOf(l.sentAt, tz),
        issuer: s.case.cardIssuer ?? '',
      });
    else
      lazyText(
        item,
        'what',
        l.deliveredAt ? 'agenda.item.letter-delivered' : 'agenda.item.letter',
        {
          id: String(l.id),
          sent: localDateOf(l.sentAt, tz),
          delivered: l.deliveredAt ? localDateOf(l.deliveredAt, tz) : '',
          company: s.case.company.name,
        },
      );
    items.push(item);
  }
  for (const clock of clocksFor(s, jurisdiction, now, tz)) {
    if (!clock.dueOn || !clock.dueAt) continue;
    // A right of the consumer's that has lapsed is history, not something due.
    if (clock.owes === 'consumer' && (clock.state === 'passed' || clock.state === 'exercised'))
      continue;
    const label = () => localize(clock.rule.label, uiLanguage());
    const item = {
      kind: 'legal-clock',
      caseId: s.case.id,
      company: s.case.company.name,
      caseTitle: s.case.title,
      dueOn: clock.dueOn,
      dueAt: clock.dueAt,
      sinceContactId: clock.start.contactId,
      sinceAt: null,
      sinceOn: clock.start.on,
      clock,
    } as Item;
    lazyInLanguage(item, 'what', () =>
      clock.owes === 'issuer'
        ? t('card.item.clock', {
            label: label(),
            issuer: s.case.cardIssuer ?? '',
            verified: clock.rule.verified ? 'yes' : 'no',
          })
        : clock.owes === 'company'
          ? t('agenda.item.clock', {
              label: label(),
              period: periodText(clock.rule.amount, clock.rule.unit),
              from: fromStart(clock.rule.start),
              verified: clock.rule.verified ? 'yes' : 'no',
            })
          : t('agenda.item.your-clock', {
              label: label(),
              verified: clock.rule.verified ? 'yes' : 'no',
            }),
    );
    items.push(item);
  }
  return items;
}

/**
 * Completes a row at `now` (late or left, in whole days of the zone) and says which list it
 * goes in: overdue, upcoming (within `windowDays` days) or neither.
 */
export function placeItem(
  item: Item,
  now: Date,
  tz: string,
  windowDays: number,
): { item: AgendaItem; list: 'overdue' | 'upcoming' | null } {
  const days = calendarDaysBetween(now, item.dueAt, tz);
  const isOverdue = item.dueAt.getTime() < now.getTime();
  // Completed in place, not spread: a spread would write every row's words now.
  const full = item as AgendaItem;
  full.overdue = isOverdue;
  full.daysLate = isOverdue ? Math.max(0, -days) : 0;
  full.daysLeft = isOverdue ? 0 : Math.max(0, days);
  return { item: full, list: isOverdue ? 'overdue' : days <= windowDays ? 'upcoming' : null };
}

/** The upcoming list's order: due first, then the case. */
export const byDueDate = (a: AgendaItem, b: AgendaItem): number =>
  a.dueAt.getTime() - b.dueAt.getTime() || a.caseId - b.caseId;

/** The overdue list's order: most days late first, then due, then the case. */
export const byLateness = (a: AgendaItem, b: AgendaItem): number =>
  b.daysLate - a.daysLate || byDueDate(a, b);

/** Builds the agenda across cases: overdue first, then due within `windowDays` days. */
export function buildAgenda(
  snapshots: Iterable<CaseSnapshot>,
  jurisdictionOf: (code: string) => Jurisdiction,
  now: Date,
  tz: string,
  windowDays = 14,
  standardsOf: (companyId: number) => readonly ServiceStandard[] = () => [],
): Agenda {
  const overdue: AgendaItem[] = [];
  const upcoming: AgendaItem[] = [];
  for (const s of snapshots) {
    const j = jurisdictionOf(s.case.jurisdiction);
    for (const row of caseItems(s, j, now, tz, standardsOf(s.case.company.id))) {
      const { item, list } = placeItem(row, now, tz, windowDays);
      if (list === 'overdue') overdue.push(item);
      else if (list === 'upcoming') upcoming.push(item);
    }
  }
  overdue.sort(byLateness);
  upcoming.sort(byDueDate);
  return { overdue, upcoming, windowDays };
}

/** A row with where it stood among its case's rows (the tie-break of equal dates in a case). */
export interface RankedItem {
  item: AgendaItem;
  /** 0: the case's promises, or every row of a case read whole; 1: its letters and clocks. */
  group: number;
  index: number;
}

/**
 * The most urgent `limit` rows of each list, in the order `buildAgenda` gives, from rows that
 * hold at least the first `limit` of each list, and the totals counted elsewhere.
 */
export function mostUrgent(
  overdue: RankedItem[],
  upcoming: RankedItem[],
  limit: number,
  windowDays: number,
  totals: { overdue: number; upcoming: number },
): Agenda {
  const tie = (a: RankedItem, b: RankedItem) => a.group - b.group || a.index - b.index;
  overdue.sort((a, b) => byLateness(a.item, b.item) || tie(a, b));
  upcoming.sort((a, b) => byDueDate(a.item, b.item) || tie(a, b));
  return {
    overdue: overdue.slice(0, limit).map((r) => r.item),
    upcoming: upcoming.slice(0, limit).map((r) => r.item),
    windowDays,
    totals,
  };
}
