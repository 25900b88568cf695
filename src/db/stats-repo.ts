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

/** The companies' counts, in the order their first case comes. */
export function companyTallies(db: Db, now: Date): CompanyTally[] {
  const cases = db
    .prepare(
      // How a case counts (closedAsOf): its closing when it has one, else what its status says.
      `SELECT x.companyId, x.company, min(x.id) AS firstCaseId, count(*) AS cases,
         sum(x.outcome = 'resolved') AS resolved,
         sum(x.outcome = 'abandoned') AS abandoned,
         sum(x.outcome = 'escalated-elsewhere') AS escalatedElsewhere,
         sum(x.closed <> '' AND x.rating <> 0) AS ratingCount,
         sum(CASE WHEN x.closed <> '' THEN x.rating ELSE 0 END) AS ratingSum,
         sum(x.sent) AS lettersSent, sum(x.sent > 0) AS casesNeedingLetter
       FROM (SELECT f.id, f.company_id AS companyId, co.name AS company,
           coalesce(f.closed_as, '') AS closed, coalesce(f.rating, 0) AS rating,
           CASE WHEN coalesce(f.closed_as, '') <> '' THEN f.closed_as
             WHEN f.status = 'resolved' THEN 'resolved' WHEN f.status = 'abandoned' THEN 'abandoned'
             WHEN coalesce(f.closed_at, '') <> '' THEN 'escalated-elsewhere' ELSE '' END AS outcome,
           (SELECT count(*) FROM letter l WHERE l.case_id = f.id AND coalesce(l.sent_at, '') <> '') AS sent
         FROM case_file f JOIN company co ON co.id = f.company_id) x
       GROUP BY x.companyId ORDER BY firstCaseId`,
    )
    .all() as Omit<
    CompanyTally,
    'promisesKept' | 'promisesBroken' | 'promisesBrokenByDefault' | 'promisesPending'
  >[];
  // A pending promise past due is broken by default when no inbound contact of its case came
  // after the contact that made it (promiseStanding); ISO instants compare as text.
  const promises = db
    .prepare(
      // Reads every promise on purpose (a whole-file count): query-plans.test.ts allows its scan.
      `SELECT /* every row */ f.company_id AS companyId, count(*) AS total,
         sum(p.state = 'kept') AS kept, sum(p.state = 'broken') AS broken,
         sum(p.state = 'pending' AND p.due_at < @now AND NOT EXISTS (
           SELECT 1 FROM contact i WHERE i.case_id = c.case_id AND i.started_at > c.started_at
             AND i.direction = 'inbound' AND i.id <> p.contact_id)) AS brokenByDefault
       FROM case_file f JOIN contact c ON c.case_id = f.id JOIN promise p ON p.contact_id = c.id
       GROUP BY f.company_id`,
    )
    .all({ now: now.toISOString() }) as {
    companyId: number;
    total: number;
    kept: number;
    broken: number;
    brokenByDefault: number;
  }[];
  const byCompany = new Map(promises.map((p) => [p.companyId, p]));
  return cases.map((c) => {
    const p = byCompany.get(c.companyId);
    return {
      ...c,
      promisesKept: p?.kept ?? 0,
      promisesBroken: (p?.broken ?? 0) + (p?.brokenByDefault ?? 0),
      promisesBrokenByDefault: p?.brokenByDefault ?? 0,
      promisesPending: p ? p.total - p.kept - p.broken - p.brokenByDefault : 0,
    };
  });
}

/** The cases resolved with a remedy's date, with when each began. */
export function resolvedCases(db: Db): ResolvedCase[] {
  const rows = db
    .prepare(
      `SELECT f.company_id, f.remedy_received_on, f.created_at,
         (SELECT min(c.started_at) FROM contact c WHERE c.case_id = f.id) AS first_contact
       FROM case_file f WHERE f.closed_as = 'resolved' AND coalesce(f.remedy_received_on, '') <> ''`,
    )
    .all() as {
    company_id: number;
    remedy_received_on: string;
    created_at: string;
    first_contact: string | null;
  }[];
  return rows.map((r) => {
    const created = new Date(r.created_at).getTime();
    const first = r.first_contact === null ? created : new Date(r.first_contact).getTime();
    return {
      companyId: r.company_id,
      remedyReceivedOn: r.remedy_received_on,
      startedAt: new Date(Math.min(created, first)),
    };
  });
}
