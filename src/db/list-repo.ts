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
 * those cases are read.
 */
export function listAttention(db: Db, limit: number): Attention {
  const ids = firstByPromise(db, limit) ?? firstOfEveryCase(db, limit);
  const counts = db
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(${OPEN}), 0) AS open FROM case_file f INDEXED BY case_file_open`,
    )
    .get() as { total: number; open: number };
  const cases = ids.map((id) => findCase(db, id)!);
  return { cases, activity: activityOf(db, ids), ...counts };
}

/** A case's newest activity: its last change or its last contact, whichever is later. */
const LAST = `max(f.updated_at, coalesce((SELECT max(c.started_at) FROM contact c WHERE c.case_id = f.id), ''))`;

/** The order of every open case, computed for each: what the shortcut below must agree with. */
function firstOfEveryCase(db: Db, limit: number): number[] {
  return (
    db
      .prepare(
        `SELECT f.id,
           (SELECT min(q.due_at) FROM promise q WHERE q.case_id = f.id AND q.state = 'pending') AS next_due,
           ${LAST} AS last
         FROM case_file f WHERE ${OPEN}
         ORDER BY next_due IS NULL, next_due, last DESC, f.id DESC LIMIT ?`,
      )
      .all(limit) as { id: number }[]
  ).map((r) => r.id);
}

/**
 * The first `limit` open cases when at least `limit` of them have a pending promise: the
 * pending promises are walked in due order (promise_pending_due) until `limit` cases are met
 * and the walk has passed the due instant of the last of them (a case due at the same instant
 * may come before it on its activity); those are then ordered as `list` orders them. Undefined
 * when fewer open cases have a pending promise: the order then reaches the cases without one.
 */
function firstByPromise(db: Db, limit: number): number[] | undefined {
  if (limit <= 0) return [];
  const next = new Map<number, string>();
  let cutoff: string | undefined;
  for (const r of db
    .prepare(
      `SELECT p.case_id, p.due_at FROM promise p INDEXED BY promise_pending_due
         JOIN case_file f INDEXED BY case_file_open ON f.id = p.case_id
       WHERE p.state = 'pending' AND ${OPEN} ORDER BY p.due_at`,
    )
    .iterate() as IterableIterator<{ case_id: number; due_at: string }>) {
    // Leaving the loop ends the statement.
    if (cutoff !== undefined && r.due_at > cutoff) break;
    if (!next.has(r.case_id)) next.set(r.case_id, r.due_at);
    if (cutoff === undefined && next.size === limit) cutoff = r.due_at;
  }
  if (cutoff === undefined) return undefined;
  const last = db.prepare(`SELECT ${LAST} AS last FROM case_file f WHERE f.id = ?`);
  return [...next]
    .map(([id, due]) => ({ id, due, last: (last.get(id) as { last: string }).last }))
    .sort(
      (a, b) =>
        (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
        (a.last < b.last ? 1 : a.last > b.last ? -1 : 0) ||
        b.id - a.id,
    )
    .slice(0, limit)
    .map((r) => r.id);
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
