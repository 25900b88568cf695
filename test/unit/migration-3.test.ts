import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/db/migrations.js';
import { APPLICATION_ID, openDatabase } from '../../src/db/open.js';

describe('migration 3', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('upgrades a version-1 database across the gap left for version 2, keeping its rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'complain-mig-'));
    dirs.push(dir);
    const file = join(dir, 'complain.db');
    const old = new Database(file);
    old.exec(MIGRATIONS.find((m) => m.version === 1)!.sql);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.pragma('user_version = 1');
    old
      .prepare("INSERT INTO company (name, search_key, created_at) VALUES ('Acme', 'acme', 'x')")
      .run();
    old
      .prepare(
        `INSERT INTO case_file (company_id, title, product, situation, problem, request, remedy, jurisdiction, created_at, updated_at)
       VALUES (1, 't', 'p', 's', 'p', 'r', 'refund', 'TR', 'x', 'x')`,
      )
      .run();
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(3);
    const row = db.prepare('SELECT title, sector, closed_as, rating FROM case_file').get();
    expect(row).toEqual({ title: 't', sector: null, closed_as: null, rating: null });
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['case_event', 'contact_escalation']));
    expect(() => db.prepare('UPDATE case_file SET rating = 6').run()).toThrow(/CHECK/);
    db.close();
    // Opening again migrates nothing.
    openDatabase(file).close();
  });

  it('versions only go up', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
  });
});
