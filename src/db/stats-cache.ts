/**
 * What `stats` counts of each case, kept between runs (schema 14): its promises (all, kept,
 * broken), its pending promises that no inbound contact came after, its letters to the company
 * sent and its first contact. None of it depends on the day `stats` runs; only whether an
 * unanswered promise is past due does, and that is a range count at `now` over the few not yet
 * due. So `stats` on 10,000 cases reads one row per case instead of every promise and letter.
 *
 * Nothing here is data (an export leaves these tables out). The database's triggers list a
 * case in cache_stats_stale whenever the case, its contacts, promises or letters change;
 * `refreshStatsCache` counts the listed cases again, in one IMMEDIATE transaction with the
 * reads. When it cannot write (another writer, a read-only file), `stats` counts the whole file
 * instead (stats-repo.ts), with the same figures.
 */
import type { CompanyTally, ResolvedCase } from './stats-repo.js';
import { closingCounts, resolvedOf, tallyOf } from './stats-repo.js';
import type { ResolvedRow } from './stats-repo.js';
import type { Db } from './open.js';
import { withoutWaiting } from './cache-write.js';

/**
 * The counts of the cases listed as stale, set-based. CROSS JOIN: the list first, then each case
 * by its id (not every case, each looked up in the list).
 */
const RECOUNT = `
  DELETE FROM cache_stats_case WHERE case_id IN (SELECT case_id FROM cache_stats_stale);
  INSERT INTO cache_stats_case (case_id, company_id, promises, kept, broken, unanswered,
    letters_sent, first_contact)
  SELECT f.id, f.company_id,
    (SELECT count(*) FROM promise p WHERE p.case_id = f.id),
    (SELECT count(*) FROM promise p WHERE p.case_id = f.id AND p.state = 'kept'),
    (SELECT count(*) FROM promise p WHERE p.case_id = f.id AND p.state = 'broken'),
    0,
    (SELECT count(*) FROM letter l WHERE l.case_id = f.id
       AND coalesce(l.sent_at, '') <> '' AND l.kind <> 'card-issuer'),
    (SELECT min(c.started_at) FROM contact c WHERE c.case_id = f.id)
  FROM cache_stats_stale s CROSS JOIN case_file f ON f.id = s.case_id;
  -- A pending promise is broken by default once due when no inbound contact of its case came
  -- after the contact that made it (promiseStanding).
  INSERT INTO cache_stats_unanswered (case_id, company_id, due_at)
  SELECT p.case_id, f.company_id, p.due_at
  FROM cache_stats_stale s CROSS JOIN case_file f ON f.id = s.case_id
    JOIN promise p INDEXED BY promise_case ON p.case_id = f.id
  WHERE p.state = 'pending'
    AND NOT EXISTS (SELECT 1 FROM contact i INDEXED BY contact_inbound
      WHERE i.case_id = p.case_id AND i.direction = 'inbound'
        AND i.started_at > (SELECT c.started_at FROM contact c WHERE c.id = p.contact_id));
  UPDATE cache_stats_case SET unanswered = (SELECT count(*) FROM cache_stats_unanswered u
      WHERE u.case_id = cache_stats_case.case_id)
    WHERE case_id IN (SELECT case_id FROM cache_stats_stale);
  DELETE FROM cache_stats_stale;
`;

/**
 * Counts again the cases listed as stale. True when the kept counts are those of the file now;
 * false when they cannot be brought up to date now (another process holds the write lock, the
 * file is read-only, the disk is full): nothing was changed, and the caller counts the file.
 */
export function refreshStatsCache(db: Db): boolean {
  // The usual run: nothing listed, no write lock taken.
  if (!db.prepare('SELECT 1 FROM cache_stats_stale LIMIT 1').get()) return true;
  return withoutWaiting(db, () => db.exec(RECOUNT));
}

interface KeptCounts {
  companyId: number;
  company: string;
  firstCaseId: number;
  cases: number;
  total: number;
  kept: number;
  broken: number;
  unanswered: number;
  sent: number;
  lettered: number;
}

/**
 * The companies' counts from the kept rows (brought up to date by `refreshStatsCache`), in the
 * order their first case comes: the same figures as `companyTallies`.
 */
export function keptTallies(db: Db, now: Date): CompanyTally[] {
  const rows = db
    .prepare(
      `SELECT s.company_id AS companyId, co.name AS company, min(s.case_id) AS firstCaseId,
         count(*) AS cases, sum(s.promises) AS total, sum(s.kept) AS kept,
         sum(s.broken) AS broken, sum(s.unanswered) AS unanswered, sum(s.letters_sent) AS sent,
         sum(s.letters_sent > 0) AS lettered
       FROM cache_stats_case s INDEXED BY cache_stats_case_company
         JOIN company co ON co.id = s.company_id
       GROUP BY s.company_id ORDER BY firstCaseId`,
    )
    .all() as KeptCounts[];
  // The unanswered promises not yet due: the others are broken by default. ISO instants
  // compare as text.
  const notDue = new Map(
    (
      db
        .prepare(
          `SELECT company_id AS companyId, count(*) AS n FROM cache_stats_unanswered
           WHERE due_at >= @now GROUP BY company_id`,
        )
        .all({ now: now.toISOString() }) as { companyId: number; n: number }[]
    ).map((r) => [r.companyId, r.n]),
  );
  const closed = closingCounts(db);
  return rows.map((r) =>
    tallyOf(r, closed.get(r.companyId), {
      sent: r.sent,
      cases: r.lettered,
      total: r.total,
      kept: r.kept,
      broken: r.broken,
      brokenByDefault: r.unanswered - (notDue.get(r.companyId) ?? 0),
    }),
  );
}

/** The cases resolved with a remedy's date, with when each began: as `resolvedCases`. */
export function keptResolvedCases(db: Db): ResolvedCase[] {
  const rows = db
    .prepare(
      `SELECT f.company_id, f.remedy_received_on, f.created_at, s.first_contact
       FROM case_file f INDEXED BY case_file_closed JOIN cache_stats_case s ON s.case_id = f.id
       WHERE f.closed_as = 'resolved' AND coalesce(f.remedy_received_on, '') <> ''`,
    )
    .all() as ResolvedRow[];
  return rows.map(resolvedOf);
}
