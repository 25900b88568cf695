import type { CompanyCounts } from '../domain/stats.js';
import type { Db } from './open.js';

/**
 * What `stats` counts of one company, in a few set-based queries over the whole file (instead of
 * every contact of every case): the same figures as `companyStats` over the cases' snapshots.
 */
export interface CompanyTally extends CompanyCounts {
  /** The lowest case id: the order a per-case count meets the companies in. */
  firstCaseId: number;
}

/** A resolved case with the day its remedy came: `stats` takes the median of the days to it. */
export interface ResolvedCase {
  companyId: number;
  remedyReceivedOn: string;
  /** The earlier of the case's creation and its first contact. */
  startedAt: Date;
}

/**
 * The page cache `stats` reads with: its queries pass over each page about once, in case order,
 * so SQLite's default cache (16 MB in better-sqlite3) only costs memory. Per connection.
 */
export const STATS_CACHE_KIB = 1024;

/** Sets the connection's page cache for one pass over the whole file (see STATS_CACHE_KIB). */
export function useOnePassCache(db: Db): void {
  db.pragma(`cache_size = -${STATS_CACHE_KIB}`);
}

type CaseCounts = Pick<CompanyTally, 'companyId' | 'company' | 'firstCaseId' | 'cases'>;
type ClosingCounts = Pick<
  CompanyTally,
  'companyId' | 'resolved' | 'abandoned' | 'escalatedElsewhere' | 'ratingCount' | 'ratingSum'
>;
interface LetterCounts {
  companyId: number;
  sent: number;
  cases: number;
}
interface PromiseCounts {
  companyId: number;
  total: number;
  kept: number;
  broken: number;
  brokenByDefault: number;
}

/**
 * How each company's cases closed, by company. How a case counts (closedAsOf): its closing when
 * it has one, else what its status says; an open case (none of these) counts in none of the
 * sums. Read from case_file_closed (schema 12), which holds the closed cases only, by company.
 */
export function closingCounts(db: Db): Map<number, ClosingCounts> {
  const closings = db
    .prepare(
      `SELECT x.companyId, sum(x.outcome = 'resolved') AS resolved,
         sum(x.outcome = 'abandoned') AS abandoned,
         sum(x.outcome = 'escalated-elsewhere') AS escalatedElsewhere,
         sum(x.closed <> '' AND x.rating <> 0) AS ratingCount,
         sum(CASE WHEN x.closed <> '' THEN x.rating ELSE 0 END) AS ratingSum
       FROM (SELECT f.company_id AS companyId, coalesce(f.closed_as, '') AS closed,
           coalesce(f.rating, 0) AS rating,
           CASE WHEN coalesce(f.closed_as, '') <> '' THEN f.closed_as
             WHEN f.status = 'resolved' THEN 'resolved' WHEN f.status = 'abandoned' THEN 'abandoned'
             WHEN coalesce(f.closed_at, '') <> '' THEN 'escalated-elsewhere' ELSE '' END AS outcome
         FROM case_file f INDEXED BY case_file_closed
         WHERE f.closed_as IS NOT NULL OR f.closed_at IS NOT NULL
           OR f.status IN ('resolved', 'abandoned')) x
       GROUP BY x.companyId`,
    )
    .all() as ClosingCounts[];
  return new Map(closings.map((c) => [c.companyId, c]));
}

/** A company's tally from its counts (a company with no closing, letter or promise has zeros). */
export function tallyOf(
  c: CaseCounts,
  k: ClosingCounts | undefined,
  lp: Omit<LetterCounts, 'companyId'> & Omit<PromiseCounts, 'companyId'>,
): CompanyTally {
  return {
    companyId: c.companyId,
    company: c.company,
    firstCaseId: c.firstCaseId,
    cases: c.cases,
    resolved: k?.resolved ?? 0,
    abandoned: k?.abandoned ?? 0,
    escalatedElsewhere: k?.escalatedElsewhere ?? 0,
    ratingCount: k?.ratingCount ?? 0,
    ratingSum: k?.ratingSum ?? 0,
    lettersSent: lp.sent,
    casesNeedingLetter: lp.cases,
    promisesKept: lp.kept,
    promisesBroken: lp.broken + lp.brokenByDefault,
    promisesBrokenByDefault: lp.brokenByDefault,
    promisesPending: lp.total - lp.kept - lp.broken - lp.brokenByDefault,
  };
}

/**
 * The companies' counts, in the order their first case comes. Each query walks the cases in the
 * order of an index (by company, or by case id) so that the rows it joins come in order too, and
 * reads only the closed cases, the letters and the promises; none reads a contact of a case the
 * company never wrote in.
 */
export function companyTallies(db: Db, now: Date): CompanyTally[] {
  const cases = db
    .prepare(
      `SELECT f.company_id AS companyId, co.name AS company, min(f.id) AS firstCaseId,
         count(*) AS cases
       FROM case_file f INDEXED BY case_file_company JOIN company co ON co.id = f.company_id
       GROUP BY f.company_id ORDER BY firstCaseId`,
    )
    .all() as CaseCounts[];
  const closed = closingCounts(db);
  // Letters to the company (merchantLetters): a dispute letter to the card issuer is not one.
  const letters = db
    .prepare(
      `SELECT f.company_id AS companyId, count(*) AS sent, count(DISTINCT l.case_id) AS cases
       FROM case_file f INDEXED BY case_file_company JOIN letter l ON l.case_id = f.id
       WHERE coalesce(l.sent_at, '') <> '' AND l.kind <> 'card-issuer'
       GROUP BY f.company_id`,
    )
    .all() as LetterCounts[];
  // Counted case by case in case order (promise_case), then by company. A pending promise past
  // due is broken by default when no inbound contact of its case came after the contact that
  // made it (promiseStanding); the contact is read only when the case has an inbound one at all
  // (contact_inbound, schema 12). ISO instants compare as text.
  const promises = db
    .prepare(
      // Reads every promise on purpose (a whole-file count): query-plans.test.ts allows its scan.
      `SELECT /* every row */ f.company_id AS companyId, sum(x.total) AS total,
         sum(x.kept) AS kept, sum(x.broken) AS broken, sum(x.byDefault) AS brokenByDefault
       FROM (SELECT p.case_id, count(*) AS total, sum(p.state = 'kept') AS kept,
           sum(p.state = 'broken') AS broken,
           sum(CASE WHEN p.state <> 'pending' OR p.due_at >= @now THEN 0
             WHEN NOT EXISTS (SELECT 1 FROM contact i INDEXED BY contact_inbound
               WHERE i.case_id = p.case_id AND i.direction = 'inbound') THEN 1
             ELSE NOT EXISTS (SELECT 1 FROM contact i INDEXED BY contact_inbound
               WHERE i.case_id = p.case_id AND i.direction = 'inbound'
                 AND i.started_at > (SELECT c.started_at FROM contact c WHERE c.id = p.contact_id))
             END) AS byDefault
         FROM promise p INDEXED BY promise_case GROUP BY p.case_id) x
       JOIN case_file f ON f.id = x.case_id
       GROUP BY f.company_id`,
    )
    .all({ now: now.toISOString() }) as PromiseCounts[];
  const sent = new Map(letters.map((l) => [l.companyId, l]));
  const promised = new Map(promises.map((p) => [p.companyId, p]));
  return cases.map((c) => {
    const l = sent.get(c.companyId);
    const p = promised.get(c.companyId);
    return tallyOf(c, closed.get(c.companyId), {
      sent: l?.sent ?? 0,
      cases: l?.cases ?? 0,
      total: p?.total ?? 0,
      kept: p?.kept ?? 0,
      broken: p?.broken ?? 0,
      brokenByDefault: p?.brokenByDefault ?? 0,
    });
  });
}

/** A row of the resolved cases' query (here and in stats-cache.ts). */
export interface ResolvedRow {
  company_id: number;
  remedy_received_on: string;
  created_at: string;
  first_contact: string | null;
}

/** A resolved case, begun at the earlier of its creation and its first contact. */
export function resolvedOf(r: ResolvedRow): ResolvedCase {
  const created = new Date(r.created_at).getTime();
  const first = r.first_contact === null ? created : new Date(r.first_contact).getTime();
  return {
    companyId: r.company_id,
    remedyReceivedOn: r.remedy_received_on,
    startedAt: new Date(Math.min(created, first)),
  };
}

/** The cases resolved with a remedy's date, with when each began (from case_file_closed). */
export function resolvedCases(db: Db): ResolvedCase[] {
  const rows = db
    .prepare(
      `SELECT f.company_id, f.remedy_received_on, f.created_at,
         (SELECT min(c.started_at) FROM contact c WHERE c.case_id = f.id) AS first_contact
       FROM case_file f INDEXED BY case_file_closed
       WHERE f.closed_as = 'resolved' AND coalesce(f.remedy_received_on, '') <> ''`,
    )
    .all() as ResolvedRow[];
  return rows.map(resolvedOf);
}
