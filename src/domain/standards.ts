import { ValidationError } from '../errors.js';
import { t } from '../i18n.js';
import { endOfLocalDay, localDateOf } from './dates.js';
import type { SnapshotContact } from './clocks.js';
import type { Channel } from './vocab.js';
import type { WorkCalendar } from './working-days.js';
import { addPeriod } from './working-days.js';

/** How a company's own answer time is counted: hours, calendar days, working days. */
export const STANDARD_UNITS = ['hours', 'calendar-days', 'working-days'] as const;
export type StandardUnit = (typeof STANDARD_UNITS)[number];

/** A company's own published service standard ("we answer e-mails within 1 working day"). */
export interface ServiceStandard {
  id: number;
  companyId: number;
  company: string;
  channel: Channel;
  amount: number;
  unit: StandardUnit;
  /** Where the company published it ("their site, service charter, 2026-11"). */
  source: string;
  createdAt: Date;
}

/** A standard as the user typed it: `--within 24h | 3d | 1bd`. */
export interface StandardWithin {
  amount: number;
  unit: StandardUnit;
}

const SUFFIX: Record<string, StandardUnit> = { h: 'hours', d: 'calendar-days', bd: 'working-days' };

/** Parses `24h`, `3d`, `1bd` (hours, calendar days, working days). */
export function parseWithin(text: string): StandardWithin {
  const m = /^\s*(\d{1,4})\s*(h|d|bd)\s*$/i.exec(text);
  const amount = m ? Number(m[1]) : 0;
  if (!m || amount === 0)
    throw new ValidationError(
      'within',
      t('standards.error.within', { value: text }),
      t('standards.error.within.hint'),
    );
  return { amount, unit: SUFFIX[m[2]!.toLowerCase()]! };
}

/** `24h`, `3d`, `1bd`: the spec back, as flags and JSON write it. */
export function withinSpec(w: StandardWithin): string {
  const suffix = Object.entries(SUFFIX).find(([, u]) => u === w.unit)![0];
  return `${w.amount}${suffix}`;
}

/** "1 working day", "24 hours": the standard's time in the interface language. */
export function withinText(w: StandardWithin): string {
  return t(`standards.within.${w.unit}`, { count: w.amount });
}

/**
 * When the answer is due: hours from the instant the contact started; calendar or working days
 * to the end of that day in the user's zone (working days of the case's jurisdiction, its
 * weekend and public holidays skipped).
 */
export function standardDueAt(
  startedAt: Date,
  w: StandardWithin,
  calendar: WorkCalendar,
  timeZone: string,
): Date {
  if (w.unit === 'hours') return new Date(startedAt.getTime() + w.amount * 3_600_000);
  const on = addPeriod(localDateOf(startedAt, timeZone), w.amount, w.unit, calendar);
  return endOfLocalDay(on, timeZone);
}

/** One outbound contact held to one standard. */
export interface StandardCheck {
  standard: ServiceStandard;
  contact: SnapshotContact;
  dueAt: Date;
  /** The first inbound contact after it, if any. */
  answer: SnapshotContact | null;
  /** kept: answered by the time; missed: not answered by then; pending: not yet due. */
  state: 'kept' | 'missed' | 'pending';
}

/**
 * Holds every outbound contact on a standard's channel to that standard: the company kept it
 * when an inbound contact (any channel) came after it and by the due time.
 */
export function checkStandards(
  contacts: readonly SnapshotContact[],
  standards: readonly ServiceStandard[],
  calendar: WorkCalendar,
  now: Date,
  timeZone: string,
): StandardCheck[] {
  const checks: StandardCheck[] = [];
  for (const contact of contacts) {
    if (contact.direction !== 'outbound') continue;
    for (const standard of standards) {
      if (standard.channel !== contact.channel) continue;
      const dueAt = standardDueAt(contact.startedAt, standard, calendar, timeZone);
      const answer =
        contacts.find(
          (c) => c.direction === 'inbound' && c.startedAt.getTime() > contact.startedAt.getTime(),
        ) ?? null;
      const inTime = answer !== null && answer.startedAt.getTime() <= dueAt.getTime();
      const state = inTime ? 'kept' : dueAt.getTime() < now.getTime() ? 'missed' : 'pending';
      checks.push({ standard, contact, dueAt, answer, state });
    }
  }
  return checks;
}
