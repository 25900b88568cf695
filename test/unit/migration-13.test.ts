import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/db/migrations.js';
import { APPLICATION_ID, openDatabase } from '../../src/db/open.js';
import { keptResolvedCases, keptTallies, refreshStatsCache } from '../../src/db/stats-cache.js';
import { companyTallies, resolvedCases } from '../../src/db/stats-repo.js';
import { seedTestStore } from '../support/seed.js';

const NOW = new Date('2026-11-23T12:00:00Z');

/** A real file at schema 12 with 60 cases and due rows kept, as the code before left it. */
function schema12(dir: string): string {
  const file = join(dir, 'complain.db');
  const old = new Database(file);
  old.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((x) => x.version <= 12)) old.exec(m.sql);
  old.pragma(`application_id = ${APPLICATION_ID}`);
  old.pragma('user_version = 12');
  seedTestStore(old, { n: 60, now: NOW });
  old.prepare("INSERT INTO cache_meta (key, value) VALUES ('due', 'old stamp')").run();
  old.prepare('INSERT INTO cache_due_case (case_id) SELECT id FROM case_file LIMIT 5').run();
  old
    .prepare(
      `INSERT INTO cache_due_item (case_id, company_id, due_at, consumer)
       SELECT d.case_id, f.company_id, '2026-01-01T00:00:00.000Z', 0
       FROM cache_due_case d JOIN case_file f ON f.id = d.case_id`,
    )
    .run();
  old.close();
  return file;
}

describe('migrations 13 and 14: the caches list what they must compute', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('starts the due cache over and lists every case for the statistics', () => {
    const dir = mkdtempSync(join(tmpdir(), 'complain-mig13-'));
    dirs.push(dir);
    const db = openDatabase(schema12(dir));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const n = (sql: string) => db.prepare(sql).pluck().get() as number;
    // The rows kept before are dropped (their counts were never kept) and the stamp with them:
    // the next `due` computes every open case.
    expect(n('SELECT count(*) FROM cache_due_case')).toBe(0);
    expect(n('SELECT count(*) FROM cache_due_item')).toBe(0);
    expect(n("SELECT count(*) FROM cache_meta WHERE key = 'due'")).toBe(0);
    expect(n('SELECT count(*) FROM cache_due_stale')).toBe(
      n('SELECT count(*) FROM case_file WHERE closed_at IS NULL'),
    );
    expect(n('SELECT count(*) FROM case_file WHERE closed_at IS NOT NULL')).toBeGreaterThan(0);
    expect(n('SELECT count(*) FROM cache_stats_stale')).toBe(60);
    // The first `stats` counts every case, with the figures of counting the file.
    expect(refreshStatsCache(db)).toBe(true);
    expect(n('SELECT count(*) FROM cache_stats_stale')).toBe(0);
    expect(n('SELECT count(*) FROM cache_stats_case')).toBe(60);
    expect(keptTallies(db, NOW)).toEqual(companyTallies(db, NOW));
    expect(resolvedCases(db).length).toBeGreaterThan(0);
    expect(keptResolvedCases(db)).toEqual(resolvedCases(db));
    db.close();
  });
});
