import type { CaseEvent, CaseSnapshot, LetterDates, SnapshotContact } from '../domain/clocks.js';
import type { ClockStart, SaleChannel } from '../domain/jurisdiction-rules.js';
import type { CaseClosure, CaseExtras } from '../domain/closure.js';
import type { CaseRecord, ContactRecord, PromiseRecord } from '../domain/model.js';
import type { CaseStatus, CloseOutcome, PromiseState } from '../domain/vocab.js';
import { ACTIVE_STATUSES } from '../domain/vocab.js';

export type { CaseClosure, CaseExtras };
import { ComplainError, NotFoundError } from '../errors.js';
import { caseNotFound, touchCase } from './case-repo.js';
import type { PromiseRow } from './contact-repo.js';
import {
  fromCaseScope,
  listAgendaContactsOf,
  listContacts,
  listSnapshotContactsOf,
  prepared,
  toPromise,
} from './contact-repo.js';
import type { CaseScope } from './contact-repo.js';
import type { Db } from './open.js';
import { t } from '../i18n.js';

/**
 * An ISO instant; a bare date (a delivery date typed from a receipt) is taken as noon UTC, which
 * is the same calendar day in every zone from UTC−11 to UTC+11.
 */
function toInstant(text: string | null): Date | null {
  if (!text) return null;
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T12:00:00Z` : text);
}

interface LetterDatesRow {
  id: number;
  case_id: number;
  created_at: string;
  deadline_on: string;
  sent_at: string | null;
  sent_via: string | null;
  delivered_at: string | null;
  kind: string | null;
}

const LETTER_DATES_SELECT =
  'SELECT id, case_id, created_at, deadline_on, sent_at, sent_via, delivered_at, kind FROM';
const LETTER_DATES_SQL = `${LETTER_DATES_SELECT} letter`;

function toLetterDates(r: LetterDatesRow): LetterDates {
  return {
    id: r.id,
    createdAt: new Date(r.created_at),
    deadlineOn: r.deadline_on,
    sentAt: toInstant(r.sent_at),
    sentVia: r.sent_via,
    deliveredAt: toInstant(r.delivered_at),
    kind: r.kind ?? 'complaint',
  };
}

/** The letters of a case, oldest first: only the columns the agenda needs (schema 1). */
export function listLetterDates(db: Db, caseId: number): LetterDates[] {
  const rows = db
    .prepare(`${LETTER_DATES_SQL} WHERE case_id = ? ORDER BY created_at, id`)
    .all(caseId) as LetterDatesRow[];
  return rows.map(toLetterDates);
}

/** The clock start dates recorded for a case. */
export function listCaseEvents(db: Db, caseId: number): CaseEvent[] {
  const rows = db
    .prepare('SELECT event, on_date FROM case_event WHERE case_id = ? ORDER BY on_date, event')
    .all(caseId) as { event: string; on_date: string }[];
  return rows.map((r) => ({ event: r.event as ClockStart, onDate: r.on_date }));
}

function byCase<T>(rows: { case_id: number }[], map: (r: never) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.case_id) ?? [];
    list.push(map(r as never));
    out.set(r.case_id, list);
  }
  return out;
}

/** How many cases one round of range queries reads: bounds the memory of `due` and `stats`. */
const SNAPSHOT_CHUNK = 500;

/**
 * The snapshots of `records` (in id order), the same as `loadSnapshot` gives one by one but with
 * only the contact columns a snapshot names, read a chunk of cases at a time with a few range
 * queries per chunk instead of five per case. `openOnly`: the records are the open cases only,
 * and the contacts of the closed cases between them are left out in SQL. `scattered`: the
 * records are a few cases anywhere in the file (the ones `due` shows), each chunk read by its
 * list of ids rather than by ranges, so that neither the cases between them nor a round of
 * queries per case is read.
 */
export function* eachSnapshot(
  db: Db,
  records: readonly CaseRecord[],
  {
    chunk = SNAPSHOT_CHUNK,
    openOnly = false,
    scattered = false,
  }: { chunk?: number; openOnly?: boolean; scattered?: boolean } = {},
): Generator<CaseSnapshot> {
  yield* snapshotsOf(db, records, { chunk, scattered }, (scope) =>
    listSnapshotContactsOf(db, scope, openOnly),
  );
}

/**
 * The snapshots `buildAgenda` needs of open cases, a chunk at a time, with only the contacts the
 * agenda reads (see listAgendaContactsOf): the items, their order and their words are
 * the same as from `eachSnapshot`'s whole contact lists. A case whose company has service
 * standards (`fullFor`) gets every contact: the standards are checked against each one.
 */
export function* eachAgendaSnapshot(
  db: Db,
  records: readonly CaseRecord[],
  {
    chunk = SNAPSHOT_CHUNK,
    fullFor = new Set<number>(),
    promises = true,
    needs,
    scattered = false,
  }: {
    chunk?: number;
    fullFor?: ReadonlySet<number>;
    promises?: boolean;
    needs?: { firstOutbound: string[]; written: string[]; regulator: string[] };
    /** A few cases anywhere in the file, read by their ids (see eachSnapshot). */
    scattered?: boolean;
  } = {},
): Generator<CaseSnapshot> {
  const lean = records.filter((r) => !fullFor.has(r.company.id));
  const full = records.filter((r) => fullFor.has(r.company.id));
  yield* snapshotsOf(db, lean, { chunk, scattered }, (scope) =>
    listAgendaContactsOf(db, scope, { promises, ...(needs ? { needs } : {}) }),
  );
  if (full.length > 0) yield* eachSnapshot(db, full, { chunk, openOnly: true, scattered });
}

/** The pending promises `due` on a terminal may show, of the open cases of some companies. */
export interface PromiseCandidates {
  overdue: number;
  /** Due from `now` to the end of the window. */
  upcoming: number;
  /** The first `limit` of each list, in the agenda's order: due, then case, then as logged. */
  first: { promiseId: number; caseId: number }[];
}

/**
 * The pending promises of the open cases, except those of `exceptCompanies` (read whole
 * instead), counted and picked in SQL: overdue before `now`, upcoming from `now` to `windowEnd`
 * (the end of the window's last day). The agenda lists them by due instant, then case, then
 * contact (started, id), then promise id; the first `limit` of each list are named.
 */
export function promiseCandidates(
  db: Db,
  {
    now,
    windowEnd,
    limit,
    exceptCompanies,
  }: { now: Date; windowEnd: Date; limit: number; exceptCompanies: readonly number[] },
): PromiseCandidates {
  // From the pending promises in due order (promise_pending_due, schema 11), each case looked
  // up in the index that answers whether it is open (case_file_open): the work follows the
  // promises in the range, and the first of a list stop the walk.
  const pending = `FROM promise p INDEXED BY promise_pending_due
      JOIN case_file f INDEXED BY case_file_open ON f.id = p.case_id
    WHERE p.state = 'pending' AND p.due_at >= @from AND p.due_at < @to
      AND coalesce(f.closed_at, '') = ''
      AND f.status IN (SELECT value FROM json_each(@statuses))
      AND f.company_id NOT IN (SELECT value FROM json_each(@except))`;
  const base = {
    statuses: JSON.stringify(ACTIVE_STATUSES),
    except: JSON.stringify(exceptCompanies),
    limit,
  };
  const count = (range: { from: string; to: string }) =>
    (db.prepare(`SELECT count(*) AS n ${pending}`).get({ ...base, ...range }) as { n: number }).n;
  const first = (range: { from: string; to: string }) => {
    // The due instant of the limit-th promise: none after it can be among the first, so only
    // those up to it (ties included) are ordered in full, with their contacts.
    const cutoff = (
      db
        .prepare(`SELECT p.due_at ${pending} ORDER BY p.due_at LIMIT 1 OFFSET @skip`)
        .get({ ...base, ...range, skip: Math.max(0, limit - 1) }) as { due_at: string } | undefined
    )?.due_at;
    return (
      db
        .prepare(
          `SELECT p.id, p.case_id FROM promise p INDEXED BY promise_pending_due
             JOIN case_file f INDEXED BY case_file_open ON f.id = p.case_id
             JOIN contact c ON c.id = p.contact_id
           WHERE p.state = 'pending' AND p.due_at >= @from AND p.due_at < @to AND p.due_at <= @cutoff
             AND coalesce(f.closed_at, '') = ''
             AND f.status IN (SELECT value FROM json_each(@statuses))
             AND f.company_id NOT IN (SELECT value FROM json_each(@except))
           ORDER BY p.due_at, f.id, c.started_at, c.id, p.id LIMIT @limit`,
        )
        .all({ ...base, ...range, cutoff: cutoff ?? range.to }) as { id: number; case_id: number }[]
    ).map((r) => ({ promiseId: r.id, caseId: r.case_id }));
  };
  // ISO instants compare as text: every due_at is written by toISOString().
  const overdue = { from: '', to: now.toISOString() };
  // Up to the last instant of the window, which `< to` needs one millisecond after.
  const upcoming = {
    from: now.toISOString(),
    to: new Date(windowEnd.getTime() + 1).toISOString(),
  };
  return {
    overdue: count(overdue),
    upcoming: count(upcoming),
    first: [...first(overdue), ...first(upcoming)],
  };
}

function* snapshotsOf(
  db: Db,
  records: readonly CaseRecord[],
  { chunk, scattered }: { chunk: number; scattered: boolean },
  contactsOf: (scope: CaseScope) => Map<number, SnapshotContact[]>,
): Generator<CaseSnapshot> {
  const sorted = [...records].sort((a, b) => a.id - b.id);
  // A chunk is at most `chunk` cases. Read by ranges, its ids also span at most twice that:
  // the range queries read every case between its first and last id, so a few cases far apart
  // (the cases under standards) are read in small ranges, not the whole file between them.
  const parts: CaseRecord[][] = [];
  for (const record of sorted) {
    const part = parts.at(-1);
    if (part && part.length < chunk && (scattered || record.id - part[0]!.id < chunk * 2))
      part.push(record);
    else parts.push([record]);
  }
  for (const part of parts) {
    const scope: CaseScope = scattered
      ? { ids: part.map((r) => r.id) }
      : { from: part[0]!.id, to: part.at(-1)!.id };
    const contacts = contactsOf(scope);
    const query = (sql: (from: string, where: string) => string, table: string, key: string) => {
      const { from, where, params } = fromCaseScope(table, key, scope);
      return prepared(db, sql(from, where)).all(...params);
    };
    const letterMap = byCase(
      query(
        (from, where) =>
          `${LETTER_DATES_SELECT} ${from} WHERE ${where} ORDER BY case_id, created_at, id`,
        'letter',
        'case_id',
      ) as LetterDatesRow[],
      toLetterDates,
    );
    const eventMap = byCase(
      query(
        (from, where) =>
          `SELECT case_id, event, on_date FROM ${from} WHERE ${where} ORDER BY case_id, on_date, event`,
        'case_event',
        'case_id',
      ) as { case_id: number }[],
      (r: { event: string; on_date: string }): CaseEvent => ({
        event: r.event as ClockStart,
        onDate: r.on_date,
      }),
    );
    const sectorOf = new Map(
      (
        query(
          (from, where) => `SELECT id, sector, sale FROM ${from} WHERE ${where}`,
          'case_file',
          'id',
        ) as {
          id: number;
          sector: string | null;
          sale: string | null;
        }[]
      ).map((r) => [r.id, r]),
    );
    for (const record of part)
      yield {
        case: record,
        contacts: contacts.get(record.id) ?? [],
        letters: letterMap.get(record.id) ?? [],
        events: eventMap.get(record.id) ?? [],
        sector: sectorOf.get(record.id)?.sector ?? null,
        sale: sectorOf.get(record.id)?.sale ?? null,
      };
  }
}

/** Records start dates and the sector of a case in one transaction (a null date forgets it). */
export function recordCaseFacts(
  db: Db,
  caseId: number,
  facts: {
    events: { event: ClockStart; onDate: string | null }[];
    sector?: string | null;
    sale?: SaleChannel | null;
  },
  now: Date,
): void {
  const write = db.transaction(() => {
    const exists = db.prepare('SELECT 1 FROM case_file WHERE id = ?').get(caseId);
    if (!exists) throw caseNotFound(caseId);
    const upsert = db.prepare(
      `INSERT INTO case_event (case_id, event, on_date, recorded_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (case_id, event) DO UPDATE SET on_date = excluded.on_date, recorded_at = excluded.recorded_at`,
    );
    const forget = db.prepare('DELETE FROM case_event WHERE case_id = ? AND event = ?');
    for (const e of facts.events) {
      if (e.onDate === null) forget.run(caseId, e.event);
      else upsert.run(caseId, e.event, e.onDate, now.toISOString());
    }
    if (facts.sector !== undefined)
      db.prepare('UPDATE case_file SET sector = ? WHERE id = ?').run(facts.sector, caseId);
    if (facts.sale !== undefined)
      db.prepare('UPDATE case_file SET sale = ? WHERE id = ?').run(facts.sale, caseId);
    touchCase(db, caseId, now);
  });
  write.immediate();
}

interface ExtrasRow {
  id: number;
  sector: string | null;
  closed_as: string | null;
  remedy_received: string | null;
  remedy_received_on: string | null;
  remedy_received_minor: number | null;
  remedy_received_currency: string | null;
  escalated_to: string | null;
  rating: number | null;
}

function toExtras(r: ExtrasRow): CaseExtras {
  return {
    sector: r.sector,
    closure: r.closed_as
      ? {
          closedAs: r.closed_as as CloseOutcome,
          remedyReceived: r.remedy_received,
          remedyReceivedOn: r.remedy_received_on,
          remedyReceivedAmount:
            r.remedy_received_minor !== null && r.remedy_received_currency
              ? { minor: r.remedy_received_minor, currency: r.remedy_received_currency }
              : null,
          escalatedTo: r.escalated_to,
          rating: r.rating,
        }
      : null,
  };
}

const EXTRAS_SQL = `SELECT id, sector, closed_as, remedy_received, remedy_received_on, remedy_received_minor,
  remedy_received_currency, escalated_to, rating FROM case_file`;

/** The sector and closure of one case. */
export function getCaseExtras(db: Db, caseId: number): CaseExtras {
  const row = db.prepare(`${EXTRAS_SQL} WHERE id = ?`).get(caseId) as ExtrasRow | undefined;
  if (!row) throw caseNotFound(caseId);
  return toExtras(row);
}

/** The sector and closure of every case. */
export function listCaseExtras(db: Db): Map<number, CaseExtras> {
  const rows = db.prepare(EXTRAS_SQL).all() as ExtrasRow[];
  return new Map(rows.map((r) => [r.id, toExtras(r)]));
}

/** Closes a case: its status, the closure and the outcome sentence, in one transaction. */
export function closeCase(
  db: Db,
  caseId: number,
  status: CaseStatus,
  closure: CaseClosure,
  outcome: string,
  now: Date,
): void {
  const write = db.transaction(() => {
    const current = db.prepare('SELECT closed_at FROM case_file WHERE id = ?').get(caseId) as
      { closed_at: string | null } | undefined;
    if (!current) throw caseNotFound(caseId);
    if (current.closed_at)
      throw new ComplainError(t('evidence.repo.caseClosed', { id: String(caseId) }), {
        hint: t('evidence.repo.caseClosedHint', { id: String(caseId) }),
      });
    db.prepare(
      `UPDATE case_file SET status = @status, outcome = @outcome, closed_at = @at, updated_at = @at,
         closed_as = @closed_as, remedy_received = @what, remedy_received_on = @on,
         remedy_received_minor = @minor, remedy_received_currency = @currency,
         escalated_to = @escalated_to, rating = @rating WHERE id = @id`,
    ).run({
      id: caseId,
      status,
      outcome,
      at: now.toISOString(),
      closed_as: closure.closedAs,
      what: closure.remedyReceived,
      on: closure.remedyReceivedOn,
      minor: closure.remedyReceivedAmount?.minor ?? null,
      currency: closure.remedyReceivedAmount?.currency ?? null,
      escalated_to: closure.escalatedTo,
      rating: closure.rating,
    });
  });
  write.immediate();
}

/** A promise by id; NotFoundError when there is none. */
export function getPromise(db: Db, id: number): PromiseRecord {
  const row = db.prepare('SELECT * FROM promise WHERE id = ?').get(id) as PromiseRow | undefined;
  if (!row)
    throw new NotFoundError(
      t('evidence.repo.noPromise', { id: String(id) }),
      t('evidence.repo.noPromiseHint'),
    );
  return toPromise(row);
}

/** Sets what became of a promise; `pending` undoes a decision. */
export function setPromiseState(db: Db, id: number, state: PromiseState, now: Date): void {
  const write = db.transaction(() => {
    const p = getPromise(db, id);
    db.prepare('UPDATE promise SET state = ?, resolved_at = ? WHERE id = ?').run(
      state,
      state === 'pending' ? null : now.toISOString(),
      id,
    );
    touchCase(db, p.caseId, now);
  });
  write.immediate();
}

/** Everything the clocks, the agenda and the ladder read about one case, with whole contacts. */
export function loadSnapshot(
  db: Db,
  record: CaseRecord,
): CaseSnapshot & { contacts: ContactRecord[] } {
  return {
    case: record,
    contacts: listContacts(db, record.id),
    letters: listLetterDates(db, record.id),
    events: listCaseEvents(db, record.id),
    sector: getCaseExtras(db, record.id).sector,
    sale: getCaseSale(db, record.id),
  };
}

/** How the purchase was made (schema 8), null when not recorded. */
export function getCaseSale(db: Db, caseId: number): SaleChannel | null {
  const row = db.prepare('SELECT sale FROM case_file WHERE id = ?').get(caseId) as
    { sale: SaleChannel | null } | undefined;
  return row?.sale ?? null;
}
