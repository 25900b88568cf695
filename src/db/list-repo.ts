import type { CaseRecord } from '../domain/model.js';
import { ACTIVE_STATUSES } from '../domain/vocab.js';
import { findCase } from './case-repo.js';
import type { CaseActivity, PromiseRow } from './contact-repo.js';
import { toPromise } from './contact-repo.js';
import type { Db } from './open.js';

/** The open cases that need attention first, how many are open, and how many cases there are. */
export interface Attention {
  cases: CaseRecord[];
  activity: Map<number, CaseActivity>;
  open: number;
  total: number;
}

// Open as isClosed() says: not closed, in an active status.
const OPEN = `coalesce(f.closed_at, '') = '' AND f.status IN (${ACTIVE_STATUSES.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ')})`;

/**
 * `list` on a terminal: the `limit` open cases whose next pending promise falls due first (the
 * cases without one after them), then the newest activity (the last contact or the last change),
 * then the highest number — the order `list` sorts every case in — chosen in SQL, so that only
 * those cases are read, with one lookup per case in the pending-promise index.
 */
export function listAttention(db: Db, limit: number): Attention {
  const ids = db
    .prepare(
      `SELECT f.id,
         (SELECT min(q.due_at) FROM promise q WHERE q.case_id = f.id AND q.state = 'pending') AS next_due,
         max(f.updated_at, coalesce((SELECT max(c.started_at) FROM contact c WHERE c.case_id = f.id), '')) AS last
       FROM case_file f WHERE ${OPEN}
       ORDER BY next_due IS NULL, next_due, last DESC, f.id DESC LIMIT ?`,
    )
    .all(limit) as { id: number }[];
  const counts = db
    .prepare(`SELECT count(*) AS total, coalesce(sum(${OPEN}), 0) AS open FROM case_file f`)
    .get() as { total: number; open: number };
  const cases = ids.map((r) => findCase(db, r.id)!);
  return {
    cases,
    activity: activityOf(
      db,
      ids.map((r) => r.id),
    ),
    ...counts,
  };
}

/** What `list` shows of some cases' contacts and promises (listCaseActivity, for a few cases). */
export function activityOf(db: Db, ids: readonly number[]): Map<number, CaseActivity> {
  const contacts = db.prepare(
    'SELECT count(*) AS n, max(started_at) AS last FROM contact WHERE case_id = ?',
  );
  const next = db.prepare(
    `SELECT * FROM promise WHERE case_id = ? AND state = 'pending' ORDER BY due_at, id LIMIT 1`,
  );
  const out = new Map<number, CaseActivity>();
  for (const id of ids) {
    const c = contacts.get(id) as { n: number; last: string | null };
    if (c.n === 0) continue;
    const p = next.get(id) as PromiseRow | undefined;
    out.set(id, {
      caseId: id,
      contactCount: c.n,
      lastContactAt: new Date(c.last!),
      nextPromise: p ? toPromise(p) : null,
    });
  }
  return out;
}
