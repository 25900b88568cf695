import type { LapsedPeriod } from '../domain/clocks.js';
import type { Jurisdiction } from '../domain/jurisdiction-rules.js';
import type { ClockUnit } from '../domain/working-days.js';
import { addPeriod } from '../domain/working-days.js';

/**
 * A response deadline as the user gives it: a period from the letter's date (or its delivery),
 * or a fixed date. Stored as its spec text ("14d", "10bd", "2026-12-20") so that `sent
 * --delivered` can count it again from the day the letter arrived.
 */
export type DeadlineSpec =
  { kind: 'period'; amount: number; unit: ClockUnit } | { kind: 'date'; date: string };

/** Where the deadline came from, for the preview and the JSON. */
export interface DeadlineChoice {
  spec: DeadlineSpec;
  /** `lapsed`: a statutory period already ran out, so the letter demands performance shortly. */
  basis: 'given' | 'jurisdiction' | 'default' | 'lapsed';
  /** The jurisdiction clock used, with its source. */
  clock?: { id: string; source: string; verified: boolean };
}

const SUFFIX: Record<ClockUnit, string> = {
  'calendar-days': 'd',
  'working-days': 'bd',
  weeks: 'w',
  months: 'm',
  years: 'y',
};

/** The default when the jurisdiction has no letter clock: 14 calendar days. */
export const DEFAULT_DEADLINE: DeadlineSpec = { kind: 'period', amount: 14, unit: 'calendar-days' };

/** Reads "14d", "10bd", "2w", "1m" or "YYYY-MM-DD"; undefined when it is none of them. */
export function parseDeadlineSpec(text: string): DeadlineSpec | undefined {
  const t = text.trim().toLowerCase();
  const period = /^(\d{1,3})\s*(d|bd|wd|w|m|y)$/.exec(t);
  if (period) {
    const amount = Number(period[1]);
    if (amount < 1) return undefined;
    const unit = (
      {
        d: 'calendar-days',
        bd: 'working-days',
        wd: 'working-days',
        w: 'weeks',
        m: 'months',
        y: 'years',
      } as const
    )[period[2] as 'd' | 'bd' | 'wd' | 'w' | 'm' | 'y'];
    return { kind: 'period', amount, unit };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return { kind: 'date', date: t };
  return undefined;
}

/** The spec as text: the inverse of parseDeadlineSpec. */
export function formatDeadlineSpec(spec: DeadlineSpec): string {
  return spec.kind === 'date' ? spec.date : `${spec.amount}${SUFFIX[spec.unit]}`;
}

/**
 * The default deadline for a remedy: the jurisdiction's clock marked `letterDeadline` that
 * applies to the remedy (TR repair/replacement: 30 working days; KZ: 10 calendar days), else 14
 * calendar days.
 */
export function defaultDeadline(jurisdiction: Jurisdiction, remedy: string): DeadlineChoice {
  const clock = jurisdiction.clocks.find(
    (c) => c.letterDeadline && (!c.remedies || c.remedies.includes(remedy)),
  );
  if (!clock) return { spec: DEFAULT_DEADLINE, basis: 'default' };
  return {
    spec: { kind: 'period', amount: clock.amount, unit: clock.unit },
    basis: 'jurisdiction',
    clock: { id: clock.id, source: clock.source, verified: clock.verified },
  };
}

/**
 * The short period a letter demands performance in once a statutory period has run out: it
 * does not grant the period again (issue 13).
 */
export const AFTER_LAPSE: DeadlineSpec = { kind: 'period', amount: 7, unit: 'calendar-days' };

/** The deadline once periods have lapsed: a short period instead of the statutory one again. */
export function deadlineAfterLapse(
  choice: DeadlineChoice,
  lapsed: readonly LapsedPeriod[],
): DeadlineChoice {
  const first = lapsed[0];
  if (!first || choice.basis === 'given') return choice;
  return {
    spec: AFTER_LAPSE,
    basis: 'lapsed',
    clock: { id: first.id, source: first.source, verified: first.verified },
  };
}

/**
 * The deadline date (YYYY-MM-DD) counted from `from` (the letter's date, or the day it was
 * delivered): working days skip the jurisdiction's weekend and holidays.
 */
export function deadlineDate(spec: DeadlineSpec, from: string, jurisdiction: Jurisdiction): string {
  if (spec.kind === 'date') return spec.date;
  return addPeriod(from, spec.amount, spec.unit, jurisdiction);
}
