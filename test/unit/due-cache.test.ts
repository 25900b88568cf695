import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printDue, runDue, toDueOptions } from '../../src/commands/due.js';
import {
  closeCase,
  eachSnapshot,
  recordCaseFacts,
  setPromiseState,
} from '../../src/db/agenda-repo.js';
import { deleteCase, getCase, listCases } from '../../src/db/case-repo.js';
import { exportData } from '../../src/db/transfer.js';
import { saveProfile } from '../../src/db/profile-repo.js';
import { standardsByCompany } from '../../src/db/standard-repo.js';
import { buildAgenda } from '../../src/domain/agenda.js';
import { isClosed } from '../../src/domain/closure.js';
import { loadJurisdiction } from '../../src/templates.js';
import type { TestContext } from '../support/context.js';
import { makeTestContext } from '../support/context.js';
import { logAnswer, seedTestStore, sendLetter } from '../support/seed.js';

// `due` on a terminal reads the letters' deadlines and the legal clocks of the open cases from
// the due cache (schema 11), which the database's triggers empty for a case whenever it
// changes. After each kind of change the printed agenda is still what computing every case
// from its whole contact list gives, and the cache holds rows for exactly the open cases.
const NOW = new Date('2026-11-23T12:00:00Z');
const DAY = 86_400_000;
let t: TestContext;

beforeAll(() => {
  t = makeTestContext({ now: NOW, timeZone: 'UTC' });
  seedTestStore(t.ctx.db(), { n: 120, now: NOW, firstContacts: 30 });
});
afterAll(() => t.cleanup());

const count = (sql: string) => (t.ctx.db().prepare(sql).get() as { n: number }).n;

/**
 * What the triggers keep besides the rows (schema 13): every open case without rows is listed
 * as stale, and the count of each company's rows that can be overdue is the rows' own count.
 */
function expectBookkeeping() {
  const db = t.ctx.db();
  const unlisted = db
    .prepare(
      `SELECT f.id FROM case_file f WHERE f.closed_at IS NULL
         AND f.id NOT IN (SELECT case_id FROM cache_due_case)
         AND f.id NOT IN (SELECT case_id FROM cache_due_stale)`,
    )
    .all();
  expect(unlisted).toEqual([]);
  const counted = db
    .prepare('SELECT company_id, n FROM cache_due_count WHERE n <> 0 ORDER BY company_id')
    .all();
  const rows = db
    .prepare(
      `SELECT company_id, count(*) AS n FROM cache_due_item WHERE consumer = 0
       GROUP BY company_id ORDER BY company_id`,
    )
    .all();
  expect(counted).toEqual(rows);
}

/** What `due` prints, from the cache, and what every contact of every open case gives. */
async function both(days = 14) {
  const ctx = t.ctx;
  const db = ctx.db();
  const { now, timeZone } = ctx.clock();
  const options = toDueOptions({ days: String(days) });
  const printed = (result: Parameters<typeof printDue>[2]) => {
    const [out, err] = [t.stdout().length, t.stderr().length];
    printDue(ctx, options, result);
    return t.stdout().slice(out) + t.stderr().slice(err);
  };
  const standards = standardsByCompany(db);
  const open = listCases(db, { openOnly: true }).filter((c) => !isClosed(c));
  const reference = buildAgenda(
    eachSnapshot(db, open, { openOnly: true }),
    loadJurisdiction,
    now,
    timeZone,
    days,
    (id) => standards.get(id) ?? [],
  );
  const expected = printed({ agenda: reference, icsFile: undefined });
  expectBookkeeping();
  const actual = printed(await runDue(options, ctx));
  expectBookkeeping();
  return { expected, actual, open };
}

/** The first case on the printed agenda (the most overdue row). */
function firstCase(printed: string): number {
  const m = /#(\d+)/.exec(printed);
  if (!m) throw new Error(`no case in ${printed}`);
  return Number(m[1]);
}

describe('the due cache', () => {
  it('is filled on the first run, for the open cases, and gives what every case gives', async () => {
    expect(count('SELECT count(*) AS n FROM cache_due_case')).toBe(0);
    const { expected, actual, open } = await both();
    expect(actual).toBe(expected);
    expect(expected).toMatch(/more item/);
    expect(count('SELECT count(*) AS n FROM cache_due_case')).toBe(open.length);
    expect(count('SELECT count(*) AS n FROM cache_due_item')).toBeGreaterThan(20);
  });

  it('is read, not computed again, when nothing changed (control: wrong rows show)', async () => {
    const db = t.ctx.db();
    const before = count('SELECT count(*) AS n FROM cache_due_item');
    expect((await both()).actual).toBe((await both()).expected);
    expect(count('SELECT count(*) AS n FROM cache_due_item')).toBe(before);
    // Rows moved by hand (the stamp unchanged) are what `due` believes: it reads the cache.
    const saved = db.prepare('SELECT rowid, due_at FROM cache_due_item').all() as {
      rowid: number;
      due_at: string;
    }[];
    db.prepare("UPDATE cache_due_item SET due_at = '2000-01-01T00:00:00.000Z'").run();
    const { expected, actual } = await both();
    expect(actual).not.toBe(expected);
    const put = db.prepare('UPDATE cache_due_item SET due_at = ? WHERE rowid = ?');
    db.transaction(() => saved.forEach((r) => put.run(r.due_at, r.rowid)))();
    expect((await both()).actual).toBe((await both()).expected);
  });

  it('follows a contact logged: the company answers the most overdue letter', async () => {
    const db = t.ctx.db();
    const first = firstCase((await both()).expected);
    logAnswer(db, first, new Date(NOW.getTime() - DAY), NOW);
    expect(count(`SELECT count(*) AS n FROM cache_due_case WHERE case_id = ${first}`)).toBe(0);
    const { expected, actual } = await both();
    expect(actual).toBe(expected);
    expect(count(`SELECT count(*) AS n FROM cache_due_case WHERE case_id = ${first}`)).toBe(1);
  });

  it('follows a letter sent, a clock start recorded, an edit, a promise kept, a closing and a deletion', async () => {
    const db = t.ctx.db();
    const [a, b, c, d, e] = listCases(db, { openOnly: true }).map((k) => k.id);
    sendLetter(db, a!, NOW);
    expect((await both(7)).actual).toBe((await both(7)).expected);
    recordCaseFacts(db, b!, { events: [{ event: 'delivery', onDate: '2026-11-10' }] }, NOW);
    expect((await both(30)).actual).toBe((await both(30)).expected);
    // An edit, as any code path may write it: the trigger, not the code, forgets the rows.
    expect(getCase(db, c!).jurisdiction).not.toBe('TR');
    db.prepare("UPDATE case_file SET jurisdiction = 'TR' WHERE id = ?").run(c);
    expect((await both()).actual).toBe((await both()).expected);
    // A promise decided: the most overdue pending promise is kept.
    const promise = db
      .prepare("SELECT id FROM promise WHERE state = 'pending' ORDER BY due_at LIMIT 1")
      .get() as { id: number };
    setPromiseState(db, promise.id, 'kept', NOW);
    expect((await both()).actual).toBe((await both()).expected);
    closeCase(
      db,
      d!,
      'resolved',
      {
        closedAs: 'resolved',
        remedyReceived: null,
        remedyReceivedOn: null,
        remedyReceivedAmount: null,
        escalatedTo: null,
        rating: null,
      },
      'Refunded.',
      NOW,
    );
    expect(count(`SELECT count(*) AS n FROM cache_due_case WHERE case_id = ${d}`)).toBe(0);
    deleteCase(db, e!);
    const { expected, actual, open } = await both();
    expect(actual).toBe(expected);
    expect(count('SELECT count(*) AS n FROM cache_due_case')).toBe(open.length);
    expect(count(`SELECT count(*) AS n FROM cache_due_case WHERE case_id IN (${d}, ${e})`)).toBe(0);
  });

  it('follows a case reopened and a status set by hand (the list of cases without rows)', async () => {
    const db = t.ctx.db();
    const closed = db
      .prepare('SELECT id FROM case_file WHERE closed_at IS NOT NULL ORDER BY id LIMIT 1')
      .get() as { id: number };
    expect(count(`SELECT count(*) AS n FROM cache_due_case WHERE case_id = ${closed.id}`)).toBe(0);
    db.prepare(
      "UPDATE case_file SET closed_at = NULL, closed_as = NULL, status = 'waiting' WHERE id = ?",
    ).run(closed.id);
    expect(count(`SELECT count(*) AS n FROM cache_due_stale WHERE case_id = ${closed.id}`)).toBe(1);
    expect((await both()).actual).toBe((await both()).expected);
    expect(count(`SELECT count(*) AS n FROM cache_due_case WHERE case_id = ${closed.id}`)).toBe(1);
    // Resolved without a closing: listed, left out while resolved, computed once open again.
    db.prepare("UPDATE case_file SET status = 'resolved' WHERE id = ?").run(closed.id);
    expect((await both()).actual).toBe((await both()).expected);
    expect(count(`SELECT count(*) AS n FROM cache_due_case WHERE case_id = ${closed.id}`)).toBe(0);
    db.prepare("UPDATE case_file SET status = 'open' WHERE id = ?").run(closed.id);
    expect((await both()).actual).toBe((await both()).expected);
    expect(count(`SELECT count(*) AS n FROM cache_due_case WHERE case_id = ${closed.id}`)).toBe(1);
    expect(count('SELECT count(*) AS n FROM cache_due_stale')).toBe(0);
  });

  it('is computed again in another time zone (the stamp)', async () => {
    const db = t.ctx.db();
    const profile = t.ctx.profile()!;
    saveProfile(db, { ...profile, timeZone: 'Asia/Tehran' }, NOW);
    expect(t.ctx.clock().timeZone).toBe('Asia/Tehran');
    const stamp = () =>
      (db.prepare("SELECT value FROM cache_meta WHERE key = 'due'").get() as { value: string })
        .value;
    const before = stamp();
    expect((await both()).actual).toBe((await both()).expected);
    expect(stamp()).not.toBe(before);
    expect(stamp()).toContain('Asia/Tehran');
  });

  it('is not waited for: with another writer holding the lock, every case is computed', async () => {
    const db = t.ctx.db();
    const [a] = listCases(db, { openOnly: true }).map((k) => k.id);
    recordCaseFacts(db, a!, { events: [{ event: 'delivery', onDate: '2026-11-01' }] }, NOW);
    const other = new Database(db.name);
    other.exec('BEGIN IMMEDIATE');
    try {
      const { expected, actual } = await both();
      expect(actual).toBe(expected);
      // Nothing kept for the changed case, and the connection waits for writers again after.
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(count(`SELECT count(*) AS n FROM cache_due_case WHERE case_id = ${a}`)).toBe(0);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await both()).actual).toBe((await both()).expected);
    expect(count(`SELECT count(*) AS n FROM cache_due_case WHERE case_id = ${a}`)).toBe(1);
  });

  it('is not data: an export leaves it out', () => {
    const data = exportData(t.ctx.db(), NOW);
    expect(Object.keys(data.tables)).not.toContain('cacheDueItem');
    expect(Object.keys(data.tables).some((k) => k.startsWith('cache'))).toBe(false);
    expect(Object.keys(data.tables)).toContain('contact');
  });
});
