import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStats, toStatsOptions } from '../../src/commands/stats.js';
import { setPromiseState } from '../../src/db/agenda-repo.js';
import { deleteCase, listCases } from '../../src/db/case-repo.js';
import { exportData } from '../../src/db/transfer.js';
import { companyTallies, resolvedCases } from '../../src/db/stats-repo.js';
import { keptResolvedCases, keptTallies, refreshStatsCache } from '../../src/db/stats-cache.js';
import { statsFromCounts } from '../../src/domain/stats.js';
import type { TestContext } from '../support/context.js';
import { makeTestContext } from '../support/context.js';
import { logAnswer, seedTestStore, sendLetter } from '../support/seed.js';

// `stats` reads the counts kept per case (schema 14), which the database's triggers mark stale
// whenever a case, its contacts, promises or letters change. After each kind of change its
// figures are still those of counting the whole file (stats-repo.ts), and only the changed
// cases are counted again.
const NOW = new Date('2026-11-23T12:00:00Z');
const DAY = 86_400_000;
let t: TestContext;

beforeAll(() => {
  t = makeTestContext({ now: NOW, timeZone: 'UTC' });
  seedTestStore(t.ctx.db(), { n: 150, now: NOW, firstContacts: 30 });
});
afterAll(() => t.cleanup());

const count = (sql: string) => (t.ctx.db().prepare(sql).pluck().get() as number) ?? 0;

/** `stats --json` as run, and the figures of counting the whole file, at `now`. */
async function both(now = NOW) {
  const db = t.ctx.db();
  const expected = statsFromCounts(companyTallies(db, now), resolvedCases(db), new Map(), 'UTC');
  const actual =
    now === NOW
      ? await runStats(toStatsOptions({ json: true }), t.ctx)
      : (refreshStatsCache(db),
        statsFromCounts(keptTallies(db, now), keptResolvedCases(db), new Map(), 'UTC'));
  expect(count('SELECT count(*) FROM cache_stats_stale')).toBe(0);
  expect(count('SELECT count(*) FROM cache_stats_case')).toBe(
    count('SELECT count(*) FROM case_file'),
  );
  return { expected: JSON.stringify(expected), actual: JSON.stringify(actual) };
}

/** The cases a change listed to be counted again. */
function stale(): number[] {
  return t.ctx
    .db()
    .prepare('SELECT case_id FROM cache_stats_stale ORDER BY case_id')
    .pluck()
    .all() as number[];
}

describe('the stats cache', () => {
  it('is filled on the first run, for every case, and gives what counting the file gives', async () => {
    expect(count('SELECT count(*) FROM cache_stats_stale')).toBe(150);
    const { expected, actual } = await both();
    expect(actual).toBe(expected);
    expect(count('SELECT count(*) FROM cache_stats_unanswered')).toBeGreaterThan(10);
  });

  it('is read, not counted again, when nothing changed (control: a wrong count shows)', async () => {
    const db = t.ctx.db();
    db.prepare('UPDATE cache_stats_case SET kept = kept + 1 WHERE case_id = 1').run();
    const { expected, actual } = await both();
    expect(actual).not.toBe(expected);
    db.prepare('UPDATE cache_stats_case SET kept = kept - 1 WHERE case_id = 1').run();
    expect((await both()).actual).toBe((await both()).expected);
  });

  it('breaks a promise by default only once it is due (the range count at now)', async () => {
    const db = t.ctx.db();
    const due = db
      .prepare(
        `SELECT u.due_at FROM cache_stats_unanswered u WHERE u.due_at >= ? ORDER BY u.due_at LIMIT 1`,
      )
      .pluck()
      .get(NOW.toISOString()) as string | undefined;
    expect(due).toBeDefined();
    const later = new Date(new Date(due!).getTime() + 1);
    const before = await both(NOW);
    const after = await both(later);
    expect(after.actual).toBe(after.expected);
    expect(after.actual).not.toBe(before.actual);
  });

  it('follows an answer logged, a promise kept, a letter sent, a company changed and a deletion', async () => {
    const db = t.ctx.db();
    const [b, c, d, e] = listCases(db).map((k) => k.id);
    // The company answers case a: its promises made before, past due, are no longer broken by
    // default (control: the figures change).
    const a = db
      .prepare(
        `SELECT u.case_id FROM cache_stats_unanswered u WHERE u.due_at < ?
           AND u.case_id NOT IN (?, ?, ?, ?) ORDER BY u.case_id LIMIT 1`,
      )
      .pluck()
      .get(NOW.toISOString(), b, c, d, e) as number;
    expect(a).toBeDefined();
    const before = (await both()).actual;
    logAnswer(db, a, new Date(NOW.getTime() - DAY), NOW);
    expect(stale()).toEqual([a]);
    const answered = await both();
    expect(answered.actual).toBe(answered.expected);
    expect(answered.actual).not.toBe(before);
    const promise = db
      .prepare("SELECT id, case_id FROM promise WHERE state = 'pending' ORDER BY id LIMIT 1")
      .get() as { id: number; case_id: number };
    setPromiseState(db, promise.id, 'kept', NOW);
    expect(stale()).toEqual([promise.case_id]);
    expect((await both()).actual).toBe((await both()).expected);
    sendLetter(db, b!, NOW);
    expect(stale()).toEqual([b]);
    expect((await both()).actual).toBe((await both()).expected);
    // Edits as any code path may write them: the triggers, not the code, mark the cases.
    const other = db
      .prepare('SELECT company_id FROM case_file WHERE id = ?')
      .pluck()
      .get(d) as number;
    db.prepare('UPDATE case_file SET company_id = ? WHERE id = ?').run(other, c);
    db.prepare(
      "UPDATE contact SET direction = 'inbound' WHERE id = (SELECT min(id) FROM contact WHERE case_id = ?)",
    ).run(d);
    expect(stale()).toEqual([c, d]);
    expect((await both()).actual).toBe((await both()).expected);
    deleteCase(db, e!);
    expect((await both()).actual).toBe((await both()).expected);
    expect(count(`SELECT count(*) FROM cache_stats_case WHERE case_id = ${e}`)).toBe(0);
  });

  it('is not waited for: with another writer holding the lock, the whole file is counted', async () => {
    const db = t.ctx.db();
    const promise = db
      .prepare("SELECT id, case_id FROM promise WHERE state = 'pending' ORDER BY id DESC LIMIT 1")
      .get() as { id: number; case_id: number };
    setPromiseState(db, promise.id, 'broken', NOW);
    const other = new Database(db.name);
    other.exec('BEGIN IMMEDIATE');
    try {
      const db2 = t.ctx.db();
      const expected = statsFromCounts(
        companyTallies(db2, NOW),
        resolvedCases(db2),
        new Map(),
        'UTC',
      );
      const actual = await runStats(toStatsOptions({ json: true }), t.ctx);
      expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(stale()).toEqual([promise.case_id]);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await both()).actual).toBe((await both()).expected);
  });

  it('is not data: an export leaves it out', () => {
    const data = exportData(t.ctx.db(), NOW);
    expect(Object.keys(data.tables).some((k) => k.startsWith('cache'))).toBe(false);
  });
});
