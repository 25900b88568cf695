import type { Statement } from 'better-sqlite3';
import type { SnapshotContact } from '../domain/clocks.js';
import type { ContactInput } from '../domain/contact-fields.js';
import type { ContactRecord, Escalation, PromiseRecord } from '../domain/model.js';
import type {
  Channel,
  ContactOutcome,
  Direction,
  EscalationKind,
  PromiseState,
  SupervisorRequest,
} from '../domain/vocab.js';
import { ACTIVE_STATUSES } from '../domain/vocab.js';
import { NotFoundError } from '../errors.js';
import { touchCase } from './case-repo.js';
import type { Db } from './open.js';
import { t } from '../i18n.js';

interface ContactRow {
  id: number;
  case_id: number;
  channel: string;
  direction: string;
  started_at: string;
  ended_at: string | null;
  reference: string | null;
  department: string | null;
  summary: string;
  next_steps: string | null;
  responsible: string | null;
  expected_time: string | null;
  outcome: string | null;
  supervisor: string | null;
  rude: number;
  created_at: string;
}

/** A `promise` row as SQLite returns it. */
export interface PromiseRow {
  id: number;
  case_id: number;
  contact_id: number;
  text: string;
  due_at: string;
  state: string;
  resolved_at: string | null;
}

/** A `promise` row as the domain's record. */
export function toPromise(row: PromiseRow): PromiseRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    contactId: row.contact_id,
    text: row.text,
    dueAt: new Date(row.due_at),
    state: row.state as PromiseState,
    resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
  };
}

function contactParams(input: ContactInput) {
  const f = input.fields;
  return {
    channel: f.channel,
    direction: f.direction,
    started_at: f.startedAt.toISOString(),
    ended_at: f.endedAt?.toISOString() ?? null,
    reference: f.reference,
    department: f.department,
    summary: f.summary,
    next_steps: f.nextSteps,
    responsible: f.responsible,
    expected_time: f.expectedTime,
    outcome: f.outcome,
    supervisor: f.supervisor,
    rude: f.rude ? 1 : 0,
  };
}

function writeEscalation(db: Db, contactId: number, e: Escalation | null): void {
  db.prepare('DELETE FROM contact_escalation WHERE contact_id = ?').run(contactId);
  if (!e) return;
  db.prepare(
    `INSERT INTO contact_escalation (contact_id, kind, forum, platform, link, file_number)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(contactId, e.kind, e.forum, e.platform, e.link, e.fileNumber);
}

function writeChildren(db: Db, contactId: number, caseId: number, input: ContactInput): number[] {
  const rep = db.prepare(
    'INSERT INTO contact_rep (contact_id, position, name, rep_id, role) VALUES (?, ?, ?, ?, ?)',
  );
  input.fields.reps.forEach((r, i) => rep.run(contactId, i + 1, r.name, r.repId, r.role));
  const quote = db.prepare(
    'INSERT INTO contact_quote (contact_id, position, text) VALUES (?, ?, ?)',
  );
  input.fields.quotes.forEach((q, i) => quote.run(contactId, i + 1, q));
  if (input.escalation !== undefined) writeEscalation(db, contactId, input.escalation);
  const promise = db.prepare(
    'INSERT INTO promise (case_id, contact_id, text, due_at) VALUES (?, ?, ?, ?)',
  );
  return input.promises.map((p) =>
    Number(promise.run(caseId, contactId, p.text, p.dueAt.toISOString()).lastInsertRowid),
  );
}

/** Records a contact with its reps, quotes and promises in one transaction. */
export function createContact(
  db: Db,
  caseId: number,
  input: ContactInput,
  now: Date,
): { id: number; promiseIds: number[] } {
  const write = db.transaction(() => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO contact (case_id, channel, direction, started_at, ended_at, reference, department,
             summary, next_steps, responsible, expected_time, outcome, supervisor, rude, created_at)
           VALUES (@case_id, @channel, @direction, @started_at, @ended_at, @reference, @department,
             @summary, @next_steps, @responsible, @expected_time, @outcome, @supervisor, @rude, @created_at)`,
        )
        .run({ case_id: caseId, ...contactParams(input), created_at: now.toISOString() })
        .lastInsertRowid,
    );
    const promiseIds = writeChildren(db, id, caseId, input);
    touchCase(db, caseId, now);
    return { id, promiseIds };
  });
  return write.immediate();
}

/**
 * Replaces a contact's fields. Reps, quotes and promises are replaced as given in `input`;
 * promises that keep their text and due date keep their state.
 */
export function updateContact(db: Db, id: number, input: ContactInput, now: Date): void {
  const write = db.transaction(() => {
    const current = getContact(db, id);
    db.prepare(
      `UPDATE contact SET channel = @channel, direction = @direction, started_at = @started_at,
         ended_at = @ended_at, reference = @reference, department = @department, summary = @summary,
         next_steps = @next_steps, responsible = @responsible, expected_time = @expected_time,
         outcome = @outcome, supervisor = @supervisor, rude = @rude WHERE id = @id`,
    ).run({ id, ...contactParams(input) });
    db.prepare('DELETE FROM contact_rep WHERE contact_id = ?').run(id);
    db.prepare('DELETE FROM contact_quote WHERE contact_id = ?').run(id);
    const kept = new Map(
      current.promises.map((p) => [`${p.text}\u0000${p.dueAt.toISOString()}`, p]),
    );
    db.prepare('DELETE FROM promise WHERE contact_id = ?').run(id);
    const ids = writeChildren(db, id, current.caseId, input);
    const restore = db.prepare('UPDATE promise SET state = ?, resolved_at = ? WHERE id = ?');
    input.promises.forEach((p, i) => {
      const before = kept.get(`${p.text}\u0000${p.dueAt.toISOString()}`);
      if (before && before.state !== 'pending')
        restore.run(before.state, before.resolvedAt?.toISOString() ?? null, ids[i]);
    });
    touchCase(db, current.caseId, now);
  });
  write.immediate();
}

/** Deletes a contact with its reps, quotes and promises. */
export function deleteContact(db: Db, id: number, now: Date): void {
  const write = db.transaction(() => {
    const current = getContact(db, id);
    db.prepare('DELETE FROM contact WHERE id = ?').run(id);
    touchCase(db, current.caseId, now);
  });
  write.immediate();
}

const statements = new WeakMap<Db, Map<string, Statement<unknown[]>>>();

/**
 * A statement prepared once per connection: `due` and `stats` run the same range queries for
 * every chunk of cases (and for each of a few cases one by one).
 */
export function prepared(db: Db, sql: string): Statement<unknown[]> {
  let known = statements.get(db);
  if (!known) statements.set(db, (known = new Map()));
  let stmt = known.get(sql);
  if (!stmt) known.set(sql, (stmt = db.prepare<unknown[]>(sql)));
  return stmt;
}

interface RepRow {
  contact_id: number;
  name: string;
  rep_id: string | null;
  role: string | null;
}

interface EscalationRow {
  contact_id: number;
  kind: string;
  forum: string | null;
  platform: string | null;
  link: string | null;
  file_number: string | null;
}

/** The reps, quotes, promises and escalations of a set of contacts, by contact id. */
interface ContactChildren {
  reps: Map<number, RepRow[]>;
  quotes: Map<number, string[]>;
  promises: Map<number, PromiseRow[]>;
  escalations: Map<number, EscalationRow>;
}

function groupBy<T, V>(rows: T[], key: (r: T) => number, value: (r: T) => V): Map<number, V[]> {
  const out = new Map<number, V[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(value(r));
    else out.set(k, [value(r)]);
  }
  return out;
}

/**
 * Reads the children of the contacts that `scope` selects: a SQL condition on the contact table
 * `c` with its parameters, so one case, a list of contacts or a range of cases costs four queries.
 */
function readChildren(db: Db, scope: string, params: unknown[]): ContactChildren {
  const reps = db
    .prepare(
      `SELECT r.contact_id, r.name, r.rep_id, r.role FROM contact_rep r JOIN contact c ON c.id = r.contact_id
       WHERE ${scope} ORDER BY r.contact_id, r.position`,
    )
    .all(...params) as RepRow[];
  const quotes = db
    .prepare(
      `SELECT q.contact_id, q.text FROM contact_quote q JOIN contact c ON c.id = q.contact_id
       WHERE ${scope} ORDER BY q.contact_id, q.position`,
    )
    .all(...params) as { contact_id: number; text: string }[];
  const promises = db
    .prepare(
      `SELECT p.* FROM promise p JOIN contact c ON c.id = p.contact_id
       WHERE ${scope} ORDER BY p.due_at, p.id`,
    )
    .all(...params) as PromiseRow[];
  const escalations = db
    .prepare(
      `SELECT e.* FROM contact_escalation e JOIN contact c ON c.id = e.contact_id WHERE ${scope}`,
    )
    .all(...params) as EscalationRow[];
  return {
    reps: groupBy(
      reps,
      (r) => r.contact_id,
      (r) => r,
    ),
    quotes: groupBy(
      quotes,
      (q) => q.contact_id,
      (q) => q.text,
    ),
    promises: groupBy(
      promises,
      (p) => p.contact_id,
      (p) => p,
    ),
    escalations: new Map(escalations.map((e) => [e.contact_id, e])),
  };
}

function toContact(row: ContactRow, children: ContactChildren): ContactRecord {
  const e = children.escalations.get(row.id);
  return {
    id: row.id,
    caseId: row.case_id,
    channel: row.channel as Channel,
    direction: row.direction as Direction,
    startedAt: new Date(row.started_at),
    endedAt: row.ended_at ? new Date(row.ended_at) : null,
    reference: row.reference,
    department: row.department,
    summary: row.summary,
    nextSteps: row.next_steps,
    responsible: row.responsible,
    expectedTime: row.expected_time,
    outcome: row.outcome as ContactOutcome | null,
    supervisor: row.supervisor as SupervisorRequest | null,
    rude: row.rude === 1,
    quotes: children.quotes.get(row.id) ?? [],
    reps: (children.reps.get(row.id) ?? []).map((r) => ({
      name: r.name,
      repId: r.rep_id,
      role: r.role,
    })),
    promises: (children.promises.get(row.id) ?? []).map(toPromise),
    createdAt: new Date(row.created_at),
    escalation: e ? toEscalation(e) : null,
  };
}

function toEscalation(e: EscalationRow): Escalation {
  return {
    kind: e.kind as EscalationKind,
    forum: e.forum,
    platform: e.platform,
    link: e.link,
    fileNumber: e.file_number,
  };
}

interface SnapshotContactRow {
  id: number;
  case_id: number;
  channel: string;
  direction: string;
  started_at: string;
  reference: string | null;
  supervisor: string | null;
  rude: number;
}

/** Snapshot contacts by case id, from their rows and what was read of their reps, promises, escalations. */
function snapshotContacts(
  rows: SnapshotContactRow[],
  reps: Map<number, SnapshotContact['reps']>,
  promises: Map<number, PromiseRecord[]>,
  escalations: Map<number, SnapshotContact['escalation']>,
): Map<number, SnapshotContact[]> {
  return groupBy(
    rows,
    (r) => r.case_id,
    (r): SnapshotContact => ({
      id: r.id,
      caseId: r.case_id,
      channel: r.channel as Channel,
      direction: r.direction as Direction,
      startedAt: new Date(r.started_at),
      reference: r.reference,
      supervisor: r.supervisor as SupervisorRequest | null,
      rude: r.rude === 1,
      reps: reps.get(r.id) ?? [],
      promises: promises.get(r.id) ?? [],
      escalation: escalations.get(r.id) ?? null,
    }),
  );
}

/**
 * Which cases one round of snapshot queries reads: every case whose id lies in [from, to] (a
 * run of neighbours: one index range), or the cases listed (a few far apart: one index lookup
 * each, not the cases between them).
 */
export type CaseScope = { from: number; to: number } | { ids: readonly number[] };

/**
 * The rows of `table` whose `key` (a case id) is in `scope`: what goes after FROM and after
 * WHERE, and the parameters of both, in that order. Listed ids are joined from json_each first
 * (CROSS JOIN keeps that order): SQLite then looks each one up in the key's index, even where
 * its statistics call the table small and it would rather scan the whole of it.
 */
export function fromCaseScope(
  table: string,
  key: string,
  scope: CaseScope,
): { from: string; where: string; params: (number | string)[] } {
  return 'ids' in scope
    ? {
        from: `(SELECT value AS listed_case FROM json_each(?)) CROSS JOIN ${table} ON ${key} = listed_case`,
        where: '1',
        params: [JSON.stringify(scope.ids)],
      }
    : { from: table, where: `${key} BETWEEN ? AND ?`, params: [scope.from, scope.to] };
}

/**
 * The contacts of the cases in `scope`, by case id, each case's oldest first, with only what
 * the clocks, the agenda and the statistics read (no summaries, no quotes): four indexed
 * queries whatever the number of cases. `openOnly` leaves out, in SQL, the cases of a range
 * that are closed or not in an active status (`due` reads only those); listed cases are read
 * as listed.
 */
export function listSnapshotContactsOf(
  db: Db,
  scope: CaseScope,
  openOnly = false,
): Map<number, SnapshotContact[]> {
  // A range may hold closed cases: they are left out in the range's own subquery.
  const { from, where, params } =
    openOnly && !('ids' in scope)
      ? {
          from: 'contact c',
          where: `c.case_id IN (SELECT f.id FROM case_file f WHERE f.id BETWEEN ? AND ?
         AND f.closed_at IS NULL AND f.status IN (${ACTIVE_STATUSES.map(() => '?').join(', ')}))`,
          params: [scope.from, scope.to, ...ACTIVE_STATUSES],
        }
      : fromCaseScope('contact c', 'c.case_id', scope);
  const rows = prepared(
    db,
    `SELECT c.id, c.case_id, c.channel, c.direction, c.started_at, c.reference, c.supervisor, c.rude
       FROM ${from} WHERE ${where} ORDER BY c.case_id, c.started_at, c.id`,
  ).all(...params) as SnapshotContactRow[];
  const reps = groupBy(
    prepared(
      db,
      `SELECT r.contact_id, r.name, r.rep_id, r.role FROM ${from} JOIN contact_rep r ON r.contact_id = c.id
         WHERE ${where} ORDER BY r.contact_id, r.position`,
    ).all(...params) as RepRow[],
    (r) => r.contact_id,
    (r) => ({ name: r.name, repId: r.rep_id, role: r.role }),
  );
  const promises = groupBy(
    prepared(
      db,
      `SELECT p.* FROM ${from} JOIN promise p ON p.contact_id = c.id
         WHERE ${where} ORDER BY p.due_at, p.id`,
    ).all(...params) as PromiseRow[],
    (p) => p.contact_id,
    toPromise,
  );
  const escalations = new Map(
    (
      prepared(
        db,
        `SELECT e.* FROM ${from} JOIN contact_escalation e ON e.contact_id = c.id WHERE ${where}`,
      ).all(...params) as EscalationRow[]
    ).map((e) => [e.contact_id, toEscalation(e)]),
  );
  return snapshotContacts(rows, reps, promises, escalations);
}

/**
 * The contacts of the open cases in `scope` that the agenda reads, by case id, oldest
 * first, each with its pending promises only. The agenda reads a contact for a pending promise
 * (who made it), the first outbound contact, the first outbound letter and the first regulator
 * application (the clocks' start dates; every regulator application is read, they are few),
 * and whether the company answered after an instant (a promise's contact, a letter's sending):
 * the newest inbound contact tells that. Every other contact changes nothing on the agenda (a
 * `find` of the first such contact or a `some` meets the same one), so it is never read: a few
 * indexed queries a chunk.
 */
export function listAgendaContactsOf(
  db: Db,
  scope: CaseScope,
  {
    promises: withPromises = true,
    needs,
  }: {
    promises?: boolean;
    /**
     * The jurisdictions whose clocks start from the first outbound contact, letter or regulator
     * application (contactNeeds): the other cases' are not read. Every case's when absent.
     */
    needs?: { firstOutbound: string[]; written: string[]; regulator: string[] };
  } = {},
): Map<number, SnapshotContact[]> {
  const inScope =
    'ids' in scope ? 'f.id IN (SELECT value FROM json_each(@ids))' : 'f.id BETWEEN @from AND @to';
  const open = `SELECT f.id, f.jurisdiction FROM case_file f WHERE ${inScope} AND f.closed_at IS NULL
    AND f.status IN (${ACTIVE_STATUSES.map((_, i) => `@status_${'abcdefghij'[i]}`).join(', ')})`;
  const first = (where: string, order = 'x.started_at, x.id', cases = '') =>
    `SELECT (SELECT x.id FROM contact x WHERE x.case_id = o.id AND ${where} ORDER BY ${order} LIMIT 1) FROM open o${cases}`;
  const of = (name: string) =>
    needs ? ` WHERE o.jurisdiction IN (SELECT value FROM json_each(@${name}))` : '';
  // Without promises, the newest inbound contact only tells whether a letter was answered.
  const answered = withPromises
    ? ''
    : ` WHERE EXISTS (SELECT 1 FROM letter l WHERE l.case_id = o.id AND coalesce(l.sent_at, '') <> '')`;
  const params = {
    ...('ids' in scope ? { ids: JSON.stringify(scope.ids) } : { from: scope.from, to: scope.to }),
    ...Object.fromEntries(ACTIVE_STATUSES.map((s, i) => [`status_${'abcdefghij'[i]}`, s])),
    ...(needs
      ? {
          outbound: JSON.stringify(needs.firstOutbound),
          written: JSON.stringify(needs.written),
          regulator: JSON.stringify(needs.regulator),
        }
      : {}),
  };
  // Without promises (`due` on a terminal picks the promises to show in SQL): the clocks' and
  // the letters' contacts only, every promise list empty.
  const ids = `WITH open AS (${open}) ${
    withPromises
      ? `SELECT p.contact_id FROM promise p
      WHERE p.case_id IN (SELECT id FROM open) AND p.state = 'pending' UNION `
      : ''
  }${first(`x.direction = 'outbound'`, undefined, of('outbound'))}
    UNION ${first(`x.direction = 'outbound' AND x.channel = 'letter'`, undefined, of('written'))}
    UNION ${first(`x.direction = 'inbound'`, 'x.started_at DESC, x.id DESC', answered)}
    UNION SELECT e.contact_id FROM contact_escalation e JOIN contact x ON x.id = e.contact_id
      WHERE e.kind = 'regulator' AND x.case_id IN (SELECT o.id FROM open o${of('regulator')})`;
  const rows = prepared(
    db,
    `SELECT c.id, c.case_id, c.channel, c.direction, c.started_at, c.reference, c.supervisor, c.rude
       FROM contact c WHERE c.id IN (${ids}) ORDER BY c.case_id, c.started_at, c.id`,
  ).all(params) as SnapshotContactRow[];
  if (rows.length === 0) return new Map();
  const list = JSON.stringify(rows.map((r) => r.id));
  const reps = groupBy(
    prepared(
      db,
      `SELECT r.contact_id, r.name, r.rep_id, r.role FROM contact_rep r
         WHERE r.contact_id IN (SELECT value FROM json_each(?)) ORDER BY r.contact_id, r.position`,
    ).all(list) as RepRow[],
    (r) => r.contact_id,
    (r) => ({ name: r.name, repId: r.rep_id, role: r.role }),
  );
  const promises = withPromises
    ? groupBy(
        prepared(
          db,
          `SELECT p.* FROM promise p WHERE p.contact_id IN (SELECT value FROM json_each(?))
             AND p.state = 'pending' ORDER BY p.due_at, p.id`,
        ).all(list) as PromiseRow[],
        (p) => p.contact_id,
        toPromise,
      )
    : new Map<number, PromiseRecord[]>();
  const escalations = new Map(
    (
      prepared(
        db,
        'SELECT e.* FROM contact_escalation e WHERE e.contact_id IN (SELECT value FROM json_each(?))',
      ).all(list) as EscalationRow[]
    ).map((e) => [e.contact_id, toEscalation(e)]),
  );
  return snapshotContacts(rows, reps, promises, escalations);
}

/** The contacts of a case, oldest first. */
export function listContacts(db: Db, caseId: number): ContactRecord[] {
  const rows = db
    .prepare('SELECT * FROM contact WHERE case_id = ? ORDER BY started_at, id')
    .all(caseId) as ContactRow[];
  if (rows.length === 0) return [];
  const children = readChildren(db, 'c.case_id = ?', [caseId]);
  return rows.map((r) => toContact(r, children));
}

/** A contact by id; NotFoundError when there is none. */
export function getContact(db: Db, id: number): ContactRecord {
  const row = db.prepare('SELECT * FROM contact WHERE id = ?').get(id) as ContactRow | undefined;
  if (!row)
    throw new NotFoundError(
      t('evidence.repo.noContact', { id: String(id) }),
      t('evidence.repo.noContactHint'),
    );
  return toContact(row, readChildren(db, 'c.id = ?', [id]));
}

/** A summary per case for `complain list`: last contact and the earliest pending promise. */
export interface CaseActivity {
  caseId: number;
  contactCount: number;
  lastContactAt: Date | null;
  nextPromise: PromiseRecord | null;
}

/** Activity of every case, in two queries. */
export function listCaseActivity(db: Db): Map<number, CaseActivity> {
  const out = new Map<number, CaseActivity>();
  const counts = db
    .prepare('SELECT case_id, count(*) AS n, max(started_at) AS last FROM contact GROUP BY case_id')
    .all() as { case_id: number; n: number; last: string }[];
  for (const c of counts) {
    out.set(c.case_id, {
      caseId: c.case_id,
      contactCount: c.n,
      lastContactAt: new Date(c.last),
      nextPromise: null,
    });
  }
  const pending = db
    .prepare(
      // One lookup per case in the pending-promise index (schema 5), not a scan of every promise.
      `SELECT p.* FROM case_file f JOIN promise p ON p.id = (
         SELECT q.id FROM promise q WHERE q.case_id = f.id AND q.state = 'pending' ORDER BY q.due_at, q.id LIMIT 1)`,
    )
    .all() as PromiseRow[];
  for (const p of pending) {
    const entry = out.get(p.case_id);
    if (entry) entry.nextPromise = toPromise(p);
  }
  return out;
}
