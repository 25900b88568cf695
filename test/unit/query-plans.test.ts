import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../scripts/seed-store.mjs';
import { runDue, toDueOptions } from '../../src/commands/due.js';
import { runList, toListOptions } from '../../src/commands/list.js';
import { runNext, toNextOptions } from '../../src/commands/next.js';
import { runPrep, toPrepOptions } from '../../src/commands/prep.js';
import { runShow, toShowOptions } from '../../src/commands/show.js';
import { runStats, toStatsOptions } from '../../src/commands/stats.js';
import { closeCase, recordCaseFacts } from '../../src/db/agenda-repo.js';
import { createCase } from '../../src/db/case-repo.js';
import { createContact } from '../../src/db/contact-repo.js';
import { createLetter, recordSending } from '../../src/db/letter-repo.js';
import type { Db } from '../../src/db/open.js';
import { saveProfile } from '../../src/db/profile-repo.js';
import { parseContact } from '../../src/domain/contact-fields.js';
import type { TestContext } from '../support/context.js';
import { makeTestContext } from '../support/context.js';

// The tables that grow with the case file; a full scan of one of them in a query that runs on
// every `due`, `list` or `show` is what made `due` take 18 s on 10,000 cases.
const LARGE = [
  'contact',
  'contact_rep',
  'contact_quote',
  'contact_escalation',
  'promise',
  'letter',
  'evidence',
  'case_event',
  'cache_due_item',
  'cache_stats_case',
  'cache_stats_unanswered',
];
const NOW = new Date('2026-11-23T12:00:00Z');
let t: TestContext;
const seen = new Set<string>();

/** The plan of a statement, its parameters bound to NULL (the planner's choice does not depend on them). */
function planOf(db: Db, sql: string): string[] {
  const names = [...new Set([...sql.matchAll(/[@:$]([a-z_][a-z_0-9]*)/gi)].map((m) => m[1]!))];
  const stmt = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const run = (args: unknown[]) => stmt.all(...args) as { detail: string }[];
  if (names.length > 0)
    return run([Object.fromEntries(names.map((n) => [n, null]))]).map((r) => r.detail);
  for (let n = 0; n < 50; n++) {
    try {
      return run(Array(n).fill(null)).map((r) => r.detail);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  throw new Error(`cannot bind the parameters of ${sql}`);
}

/** The plan steps that read every row of a large table (no index at all). */
function fullScans(sql: string, plan: string[]): string[] {
  // The plan names a table by its alias when it has one: `FROM promise p` shows `SCAN p`.
  const tableOf = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    tableOf.set(m[1]!, m[1]!);
    if (m[2] && !/^(WHERE|JOIN|ON|ORDER|GROUP|LEFT|INNER|USING|LIMIT)$/i.test(m[2]))
      tableOf.set(m[2], m[1]!);
  }
  return plan.filter((d) => {
    const m = /^SCAN (\w+)( USING .*)?$/.exec(d);
    return Boolean(m && LARGE.includes(tableOf.get(m[1]!) ?? m[1]!) && !m[2]);
  });
}

beforeAll(async () => {
  t = makeTestContext({ now: NOW });
  const db = t.ctx.db();
  seedStore(
    db,
    {
      createCase,
      createContact,
      closeCase,
      recordCaseFacts,
      createLetter,
      recordSending,
      saveProfile,
      parseContact,
    },
    { n: 30, now: NOW, firstContacts: 20 },
  );
  db.exec('ANALYZE');
  // Record every statement the read commands prepare (the real ones, on the real file).
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.add(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  await runDue(toDueOptions({}), t.ctx);
  await runStats(toStatsOptions({}), t.ctx);
  await runList(toListOptions({}), t.ctx);
  await runShow(toShowOptions('1', {}), t.ctx);
  await runNext(toNextOptions('1', {}), t.ctx);
  await runPrep(toPrepOptions('1', {}), t.ctx);
  db.prepare = prepare;
});
afterAll(() => t.cleanup());

describe('the hot queries use indexes', () => {
  it('the recording saw the queries of due, stats, list, show, next and prep', () => {
    expect(seen.size).toBeGreaterThan(10);
    expect([...seen].some((s) => /FROM promise/i.test(s))).toBe(true);
  });

  it('only the whole-file counts are let off, and there are few', () => {
    const counts = [...seen].filter((sql) => sql.includes('/* every row */'));
    expect(counts.length).toBeLessThanOrEqual(1);
    expect(counts.every((sql) => /GROUP BY/i.test(sql))).toBe(true);
  });

  it('the check sees a full scan (control)', () => {
    expect(
      fullScans(
        'SELECT * FROM promise p WHERE text = ?',
        planOf(t.ctx.db(), 'SELECT * FROM promise p WHERE text = ?'),
      ),
    ).toEqual(['SCAN p']);
  });

  it('no statement scans a whole large table', () => {
    const db = t.ctx.db();
    // A whole-file count (stats' promise totals) reads every row by design and says so in its
    // SQL; everything else must reach its rows through an index.
    const offenders = [...seen]
      .filter((sql) => !sql.includes('/* every row */'))
      .map((sql) => ({ sql: sql.replace(/\s+/g, ' '), scans: fullScans(sql, planOf(db, sql)) }))
      .filter((o) => o.scans.length > 0);
    expect(offenders).toEqual([]);
  });

  it('every foreign key has an index that starts with its column', () => {
    const db = t.ctx.db();
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((r) => r.name);
    const missing: string[] = [];
    for (const table of tables) {
      const keys = db.prepare(`PRAGMA foreign_key_list(${table})`).all() as { from: string }[];
      const leading = new Set(
        (db.prepare(`PRAGMA index_list(${table})`).all() as { name: string }[]).map(
          (i) => (db.prepare(`PRAGMA index_info(${i.name})`).all() as { name: string }[])[0]?.name,
        ),
      );
      const pk = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; pk: number }[])
        .filter((c) => c.pk === 1)
        .map((c) => c.name);
      for (const k of keys)
        if (!leading.has(k.from) && !pk.includes(k.from)) missing.push(`${table}.${k.from}`);
    }
    expect(missing).toEqual([]);
  });
});
