import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getCase } from '../../src/db/case-repo.js';
import { exportData, importData } from '../../src/db/transfer.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/db/migrations.js';
import { APPLICATION_ID, openDatabase } from '../../src/db/open.js';

/** A real database file at schema 8 with one case, as the code before the card route left it. */
function schema8(dir: string): string {
  const file = join(dir, 'complain.db');
  const old = new Database(file);
  for (const m of MIGRATIONS.filter((x) => x.version <= 8)) old.exec(m.sql);
  old.pragma(`application_id = ${APPLICATION_ID}`);
  old.pragma('user_version = 8');
  old
    .prepare("INSERT INTO company (name, search_key, created_at) VALUES ('Acme', 'acme', 'x')")
    .run();
  old
    .prepare(
      `INSERT INTO case_file (company_id, title, product, situation, problem, request, remedy, jurisdiction, created_at, updated_at)
       VALUES (1, 't', 'p', 's', 'p', 'r', 'refund', 'US', '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z')`,
    )
    .run();
  old.close();
  return file;
}

describe('migration 9: how a case was paid', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'complain-mig9-'));
    dirs.push(dir);
    return dir;
  };

  it('adds the payment columns to a schema-8 file, keeping its cases (nothing recorded yet)', () => {
    const db = openDatabase(schema8(tempDir()));
    // Opened by this code, the file goes on to the newest schema (10: indexes only).
    expect(MIGRATIONS.some((m) => m.version === 9)).toBe(true);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const row = db
      .prepare(
        'SELECT title, paid_by, card_type, card_issuer, card_last4, statement_date, card_issuer_address FROM case_file',
      )
      .get();
    expect(row).toEqual({
      title: 't',
      paid_by: null,
      card_type: null,
      card_issuer: null,
      card_last4: null,
      statement_date: null,
      card_issuer_address: null,
    });
    expect(getCase(db, 1)).toMatchObject({ paidBy: null, cardLast4: null, statementDate: null });
    db.close();
    // Opening again migrates nothing.
    openDatabase(join(dirs[0]!, 'complain.db')).close();
  });

  it('stores four digits of a card and nothing more: the schema refuses a longer number', () => {
    const db = openDatabase(schema8(tempDir()));
    const set = (column: string, value: string) =>
      db.prepare(`UPDATE case_file SET ${column} = ? WHERE id = 1`).run(value);
    expect(() => set('card_last4', '4111111111111111')).toThrow(/CHECK/);
    expect(() => set('card_last4', '12a4')).toThrow(/CHECK/);
    expect(() => set('card_last4', '123')).toThrow(/CHECK/);
    expect(() => set('paid_by', 'cheque')).toThrow(/CHECK/);
    expect(() => set('card_type', 'charge')).toThrow(/CHECK/);
    expect(() => set('card_issuer', '')).toThrow(/CHECK/);
    set('paid_by', 'card');
    set('card_type', 'credit');
    set('card_last4', '4242');
    expect(getCase(db, 1)).toMatchObject({ paidBy: 'card', cardType: 'credit', cardLast4: '4242' });
    db.close();
  });

  it('export and import carry the payment columns', () => {
    const from = openDatabase(schema8(tempDir()));
    from
      .prepare(
        `UPDATE case_file SET paid_by = 'card', card_type = 'debit', card_issuer = 'Chase',
           card_last4 = '0042', statement_date = '2026-10-05', card_issuer_address = 'P.O. Box 1' WHERE id = 1`,
      )
      .run();
    const data = exportData(from, new Date('2026-11-23T12:00:00Z'));
    from.close();
    const row = data.tables.caseFile![0]!;
    expect(row).toMatchObject({
      paidBy: 'card',
      cardType: 'debit',
      cardIssuer: 'Chase',
      cardLast4: '0042',
      statementDate: '2026-10-05',
      cardIssuerAddress: 'P.O. Box 1',
    });
    const to = openDatabase(join(tempDir(), 'fresh.db'));
    importData(to, JSON.parse(JSON.stringify(data)) as typeof data, { merge: false });
    expect(getCase(to, 1)).toMatchObject({
      paidBy: 'card',
      cardType: 'debit',
      cardIssuer: 'Chase',
      cardLast4: '0042',
      statementDate: '2026-10-05',
      cardIssuerAddress: 'P.O. Box 1',
    });
    to.close();
  });
});
