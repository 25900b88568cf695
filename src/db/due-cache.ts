/**
 * The due cache (schema 11): the dated rows of each open case — its pending promises, its
 * letters' response deadlines and its legal clocks, each as the instant it falls due and whether
 * it is a right of the consumer's — kept between runs, so that `due` on a terminal counts and
 * finds the most urgent rows of 10,000 cases with a few indexed queries instead of computing
 * every clock of every case. None of it depends on the day `due` runs: that only decides which
 * rows are overdue and which fall in the window.
 *
 * Nothing here is data (an export leaves these tables out): the database's own triggers delete
 * a case's rows whenever its case, contacts, escalations, promises, letters or clock start dates
 * change, and list the open cases without rows (cache_due_stale, schema 13), and
 * `refreshDueCache` computes those cases again, in one IMMEDIATE transaction
 * with the reads, so that no writer can slip a change between the reading and the keeping. The
 * rows hold while the stamp holds (the build, the rule files, the time zone they were computed
 * in); rows exist only for open cases (closing or reopening a case changes case_file, whose
 * trigger deletes them).
 */
import type { Db } from './open.js';
import { ACTIVE_STATUSES } from '../domain/vocab.js';
import { withoutWaiting } from './cache-write.js';

/** One case's rows as the cache keeps them. */
export interface DueCacheEntry {
  caseId: number;
  companyId: number;
  rows: { dueAt: Date; consumer: boolean }[];
}

/** What `due` on a terminal needs of the kept rows, for a day and a window. */
export interface DueCacheView {
  overdue: number;
  upcoming: number;
  /** The cases of the first `limit` overdue rows and of the first `limit` upcoming ones. */
  cases: number[];
}

const STAMP_KEY = 'due';

function storedStamp(db: Db): string | undefined {
  return (
    db.prepare('SELECT value FROM cache_meta WHERE key = ?').get(STAMP_KEY) as
      { value: string } | undefined
  )?.value;
}

/**
 * `values` as named parameters (`@<prefix>_0, @<prefix>_1…`), for an IN (…), and their bindings:
 * a list of parameters rather than json_each, which costs a scan and a filter of its own on
 * every row it is checked against.
 */
function listOf(prefix: string, values: readonly (number | string)[]) {
  const names = values.map((_, i) => `${prefix}_${i}`);
  return {
    sql: names.map((n) => `@${n}`).join(', '),
    params: Object.fromEntries(names.map((n, i) => [n, values[i]])),
  };
}

/** `AND <column> NOT IN (…)` for `exceptCompanies`; nothing when there are none (most stores). */
function outside(column: string, exceptCompanies: readonly number[]) {
  const list = listOf('except', exceptCompanies);
  return {
    sql: exceptCompanies.length ? `AND ${column} NOT IN (${list.sql})` : '',
    params: list.params,
  };
}

/** The open cases (outside `exceptCompanies`) with no kept rows; null: every row is stale. */
function staleCases(db: Db, stamp: string, exceptCompanies: readonly number[]): number[] | null {
  if (storedStamp(db) !== stamp) return null;
  // cache_due_stale (schema 13) lists every open case without rows, and a few more (closed
  // since, or of a company with standards): only those are looked at.
  const except = outside('f.company_id', exceptCompanies);
  const statuses = listOf('status', ACTIVE_STATUSES);
  return (
    db
      .prepare(
        // CROSS JOIN: the list first, then each case by its id (not every case, then the list).
        `SELECT s.case_id AS id FROM cache_due_stale s CROSS JOIN case_file f ON f.id = s.case_id
         WHERE f.closed_at IS NULL AND f.status IN (${statuses.sql}) ${except.sql}
         ORDER BY s.case_id`,
      )
      .all({ ...statuses.params, ...except.params }) as { id: number }[]
  ).map((r) => r.id);
}

/**
 * Computes and keeps the rows of the cases that lack them (every open case when the stamp
 * changed). `compute` receives the case ids, or null for every open case outside
 * `exceptCompanies`, and runs inside the write transaction. False when the cache cannot be
 * brought up to date now (another process holds the write lock, the file is read-only, the disk
 * is full): the caller computes without it, and nothing was changed.
 */
export function refreshDueCache(
  db: Db,
  {
    stamp,
    exceptCompanies,
    compute,
  }: {
    stamp: string;
    exceptCompanies: readonly number[];
    compute: (ids: number[] | null) => Iterable<DueCacheEntry>;
  },
): boolean {
  // The usual run: nothing stale, no write lock taken.
  const stale = staleCases(db, stamp, exceptCompanies);
  if (stale !== null && stale.length === 0) return true;
  return withoutWaiting(db, () => {
    const ids = staleCases(db, stamp, exceptCompanies);
    if (ids !== null && ids.length === 0) return;
    if (ids === null) {
      db.prepare('DELETE FROM cache_due_case').run();
      db.prepare(
        'INSERT INTO cache_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ).run(STAMP_KEY, stamp);
    }
    const keep = db.prepare('INSERT OR REPLACE INTO cache_due_case (case_id) VALUES (?)');
    const row = db.prepare(
      'INSERT INTO cache_due_item (case_id, company_id, due_at, consumer) VALUES (?, ?, ?, ?)',
    );
    for (const entry of compute(ids)) {
      keep.run(entry.caseId);
      for (const r of entry.rows)
        row.run(entry.caseId, entry.companyId, r.dueAt.toISOString(), r.consumer ? 1 : 0);
    }
    // What is left listed and has nothing to compute (a case closed since, or gone) leaves the
    // list; the cases of companies with standards stay, for when they have none.
    const statuses = listOf('status', ACTIVE_STATUSES);
    db.prepare(
      `DELETE FROM cache_due_stale WHERE case_id IN (SELECT s.case_id FROM cache_due_stale s
         LEFT JOIN case_file f ON f.id = s.case_id
         WHERE f.id IS NULL OR f.closed_at IS NOT NULL OR f.status NOT IN (${statuses.sql}))`,
    ).run(statuses.params);
  });
}

/**
 * Counts the kept rows overdue at `now` and due from `now` to `windowEnd` (the end of the
 * window's last day in the user's zone), outside `exceptCompanies`, and names the cases of the
 * first `limit` of each list in the agenda's order (due, then case). A right of the consumer's
 * that has run out is not shown at all.
 */
export function dueCacheView(
  db: Db,
  {
    now,
    windowEnd,
    limit,
    exceptCompanies,
  }: { now: Date; windowEnd: Date; limit: number; exceptCompanies: readonly number[] },
): DueCacheView {
  // ISO instants compare as text: every due_at is written by toISOString().
  const except = outside('company_id', exceptCompanies);
  const params = {
    now: now.toISOString(),
    end: windowEnd.toISOString(),
    limit,
    ...except.params,
  };
  const overdue = `FROM cache_due_item WHERE due_at < @now AND consumer = 0 ${except.sql}`;
  const upcoming = `FROM cache_due_item WHERE due_at >= @now AND due_at <= @end ${except.sql}`;
  const count = (sql: string) => (db.prepare(sql).get(params) as { n: number }).n;
  const first = (from: string) =>
    (
      db.prepare(`SELECT case_id ${from} ORDER BY due_at, case_id LIMIT @limit`).all(params) as {
        case_id: number;
      }[]
    ).map((r) => r.case_id);
  // Most kept rows are long past: the rows that can be overdue, as cache_due_count (schema 13)
  // counts them, less those not due yet, rather than a count of every row past.
  const countable = count(
    `SELECT coalesce(sum(n), 0) AS n FROM cache_due_count WHERE 1 ${except.sql}`,
  );
  return {
    overdue:
      countable -
      count(
        `SELECT count(*) AS n FROM cache_due_item WHERE due_at >= @now AND consumer = 0 ${except.sql}`,
      ),
    upcoming: count(`SELECT count(*) AS n ${upcoming}`),
    cases: [...new Set([...first(overdue), ...first(upcoming)])],
  };
}
