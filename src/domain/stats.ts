import type { CaseExtras } from './closure.js';
import { closedAsOf } from './closure.js';
import type { CaseSnapshot } from './clocks.js';
import { merchantLetters } from './clocks.js';
import { localDateOf } from './dates.js';
import { promiseStanding } from './promises.js';
import type { StandardCheck } from './standards.js';

/** How one company handled the cases brought against it. */
export interface CompanyStats {
  company: string;
  companyId: number;
  cases: number;
  open: number;
  resolved: number;
  abandoned: number;
  escalatedElsewhere: number;
  /** Median calendar days from the first contact (or the case, if earlier) to the remedy's arrival. */
  medianDaysToResolution: number | null;
  promisesKept: number;
  /** Broken, whether the user said so or it is past due with no word (broken by default). */
  promisesBroken: number;
  promisesBrokenByDefault: number;
  promisesPending: number;
  /** Letters sent, and the cases that needed at least one. */
  lettersSent: number;
  casesNeedingLetter: number;
  /** The company's own service standards: contacts answered in time, and not. */
  standardsKept: number;
  standardsMissed: number;
  averageRating: number | null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function dayNumber(date: string): number {
  return Date.parse(date + 'T00:00:00Z') / 86_400_000;
}

/** Days from the start of a resolved case to the day its remedy arrived. */
export function daysToResolution(s: CaseSnapshot, extras: CaseExtras, tz: string): number | null {
  const on = extras.closure?.remedyReceivedOn;
  if (extras.closure?.closedAs !== 'resolved' || !on) return null;
  const starts = [s.case.createdAt, ...s.contacts.map((c) => c.startedAt)];
  const first = localDateOf(new Date(Math.min(...starts.map((d) => d.getTime()))), tz);
  return Math.max(0, dayNumber(on) - dayNumber(first));
}

/** Summarises the cases by company, most cases first. */
export function companyStats(
  cases: Iterable<{ snapshot: CaseSnapshot; extras: CaseExtras; standards?: StandardCheck[] }>,
  now: Date,
  tz: string,
): CompanyStats[] {
  const by = new Map<number, { stats: CompanyStats; days: number[]; ratings: number[] }>();
  for (const { snapshot: s, extras, standards = [] } of cases) {
    const company = s.case.company;
    let entry = by.get(company.id);
    if (!entry) {
      entry = {
        stats: {
          company: company.name,
          companyId: company.id,
          cases: 0,
          open: 0,
          resolved: 0,
          abandoned: 0,
          escalatedElsewhere: 0,
          medianDaysToResolution: null,
          promisesKept: 0,
          promisesBroken: 0,
          promisesBrokenByDefault: 0,
          promisesPending: 0,
          lettersSent: 0,
          casesNeedingLetter: 0,
          standardsKept: 0,
          standardsMissed: 0,
          averageRating: null,
        },
        days: [],
        ratings: [],
      };
      by.set(company.id, entry);
    }
    const st = entry.stats;
    st.cases += 1;
    const closedAs = closedAsOf(s.case, extras.closure);
    if (closedAs === 'resolved') st.resolved += 1;
    else if (closedAs === 'abandoned') st.abandoned += 1;
    else if (closedAs === 'escalated-elsewhere') st.escalatedElsewhere += 1;
    else st.open += 1;
    const days = daysToResolution(s, extras, tz);
    if (days !== null) entry.days.push(days);
    if (extras.closure?.rating) entry.ratings.push(extras.closure.rating);
    for (const c of s.contacts)
      for (const p of c.promises) {
        const standing = promiseStanding(p, s.contacts, now);
        if (standing === 'kept') st.promisesKept += 1;
        else if (standing === 'broken') st.promisesBroken += 1;
        else if (standing === 'broken-by-default') {
          st.promisesBroken += 1;
          st.promisesBrokenByDefault += 1;
        } else st.promisesPending += 1;
      }
    for (const check of standards) {
      if (check.state === 'kept') st.standardsKept += 1;
      else if (check.state === 'missed') st.standardsMissed += 1;
    }
    // Letters to the company: a dispute letter to the card issuer is not one.
    const sent = merchantLetters(s.letters).filter((l) => l.sentAt).length;
    st.lettersSent += sent;
    if (sent > 0) st.casesNeedingLetter += 1;
  }
  return [...by.values()]
    .map(({ stats, days, ratings }) => ({
      ...stats,
      medianDaysToResolution: median(days),
      averageRating: ratings.length
        ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10
        : null,
    }))
    .sort((a, b) => b.cases - a.cases || a.company.localeCompare(b.company));
}

/** What the set-based queries count of a company (db/stats-repo.ts): cases, closings, promises, letters. */
export interface CompanyCounts {
  companyId: number;
  company: string;
  cases: number;
  resolved: number;
  abandoned: number;
  escalatedElsewhere: number;
  lettersSent: number;
  casesNeedingLetter: number;
  ratingSum: number;
  ratingCount: number;
  promisesKept: number;
  promisesBroken: number;
  promisesBrokenByDefault: number;
  promisesPending: number;
}

/**
 * The same figures as `companyStats`, from counts made in SQL: `counts` in the order the
 * companies' first cases come, the resolved cases with their remedy's day and when they began,
 * and the standards kept and missed by company.
 */
export function statsFromCounts(
  counts: readonly CompanyCounts[],
  resolved: readonly { companyId: number; remedyReceivedOn: string; startedAt: Date }[],
  standards: ReadonlyMap<number, { kept: number; missed: number }>,
  tz: string,
): CompanyStats[] {
  const days = new Map<number, number[]>();
  for (const r of resolved) {
    const first = localDateOf(r.startedAt, tz);
    const list = days.get(r.companyId) ?? [];
    list.push(Math.max(0, dayNumber(r.remedyReceivedOn) - dayNumber(first)));
    days.set(r.companyId, list);
  }
  return counts
    .map((c) => ({
      company: c.company,
      companyId: c.companyId,
      cases: c.cases,
      open: c.cases - c.resolved - c.abandoned - c.escalatedElsewhere,
      resolved: c.resolved,
      abandoned: c.abandoned,
      escalatedElsewhere: c.escalatedElsewhere,
      medianDaysToResolution: median(days.get(c.companyId) ?? []),
      promisesKept: c.promisesKept,
      promisesBroken: c.promisesBroken,
      promisesBrokenByDefault: c.promisesBrokenByDefault,
      promisesPending: c.promisesPending,
      lettersSent: c.lettersSent,
      casesNeedingLetter: c.casesNeedingLetter,
      standardsKept: standards.get(c.companyId)?.kept ?? 0,
      standardsMissed: standards.get(c.companyId)?.missed ?? 0,
      averageRating: c.ratingCount ? Math.round((c.ratingSum / c.ratingCount) * 10) / 10 : null,
    }))
    .sort((a, b) => b.cases - a.cases || a.company.localeCompare(b.company));
}
