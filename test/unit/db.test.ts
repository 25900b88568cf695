import Database from 'better-sqlite3';
import { mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase, findCompanyByName, getCase, listCases } from '../../src/db/case-repo.js';
import { createContact, listCaseActivity, listContacts } from '../../src/db/contact-repo.js';
import { createLetter, recordSending } from '../../src/db/letter-repo.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/db/migrations.js';
import { APPLICATION_ID, ensureDataDir, nativeBinding, openDatabase } from '../../src/db/open.js';
import { parseContact } from '../../src/domain/contact-fields.js';
import { ComplainError } from '../../src/errors.js';
import { makeCaseFields } from '../support/snapshot.js';

const now = new Date('2026-11-23T12:00:00Z');
const clock = { now, timeZone: 'Europe/Istanbul' };
const fields = makeCaseFields({
  product: 'Kettle K-200',
  purchasedOn: '2026-10-02',
  orderRef: 'A-1001',
  amount: { minor: 5990, currency: 'EUR' },
  remedy: 'refund',
});

describe('the database', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'complain-db-'));
    ensureDataDir(join(dir, 'data'));
    file = join(dir, 'data', 'complain.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is created 0600 in a 0700 dir, migrated, in WAL with foreign keys on', () => {
    const db = openDatabase(file);
    expect(statSync(join(dir, 'data')).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('migrates once when opened again', () => {
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(
      MIGRATIONS.length > 0 ? SCHEMA_VERSION : 0,
    );
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const raw = new Database(file);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = statSync(file).mtimeMs;
    expect(() => openDatabase(file)).toThrow(/newer complain/);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('refuses a foreign SQLite file', () => {
    const raw = new Database(file);
    raw.exec('CREATE TABLE notes (x)');
    raw.close();
    expect(() => openDatabase(file)).toThrow(ComplainError);
    expect(() => openDatabase(file)).toThrow(/not a complain database/);
  });

  it('stores a case with its company and finds the company whatever the case of its letters', () => {
    const db = openDatabase(file);
    const id = createCase(
      db,
      { name: 'İSTANBUL Elektrik', channels: { phone: '444' } },
      fields,
      now,
    );
    expect(findCompanyByName(db, 'istanbul elektrik')?.id).toBeDefined();
    const second = createCase(
      db,
      { name: 'istanbul elektrik', channels: { email: 'a@b.c' } },
      fields,
      now,
    );
    expect(getCase(db, second).company).toMatchObject({
      id: getCase(db, id).company.id,
      phone: '444',
      email: 'a@b.c',
    });
    expect(listCases(db)).toHaveLength(2);
    db.close();
  });

  it('writes a contact with its reps and promises in one transaction, or nothing', () => {
    const db = openDatabase(file);
    const caseId = createCase(db, { name: 'Acme', channels: {} }, fields, now);
    const input = parseContact(
      {
        channel: 'phone',
        at: '2026-11-23 10:00',
        reps: [{ name: 'Ayşe', repId: '4411' }, { name: 'Selin' }],
        summary: 'Transferred',
        promises: [{ text: 'call back', due: '2026-11-25' }],
        quotes: [],
      },
      clock,
    );
    createContact(db, caseId, input, now);
    // A contact for a case that does not exist violates the foreign key: nothing of it stays.
    expect(() => createContact(db, 999, input, now)).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT count(*) AS n FROM contact_rep').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT count(*) AS n FROM promise').get()).toEqual({ n: 1 });
    const [contact] = listContacts(db, caseId);
    expect(contact?.reps.map((r) => r.name)).toEqual(['Ayşe', 'Selin']);
    expect(listCaseActivity(db).get(caseId)?.nextPromise?.text).toBe('call back');
    db.close();
  });

  it('a letter and its sending count as activity on the case', () => {
    const db = openDatabase(file);
    const caseId = createCase(db, { name: 'Acme', channels: {} }, fields, now);
    const later = new Date('2026-11-25T09:00:00Z');
    const id = createLetter(
      db,
      {
        caseId,
        language: 'en',
        deadlineOn: '2026-12-09',
        deadlineSpec: '14d',
        deadlineFrom: '2026-11-25',
        remedy: 'refund',
        fileSha256: null,
        filePath: null,
        fileSize: null,
        cc: null,
        sendMethod: null,
        enclosures: [],
      },
      later,
    );
    expect(getCase(db, caseId).updatedAt).toEqual(later);
    const sent = new Date('2026-11-26T09:00:00Z');
    recordSending(
      db,
      id,
      {
        sentOn: '2026-11-26',
        sentVia: 'certified-mail',
        tracking: null,
        deliveredOn: null,
        deadlineOn: '2026-12-09',
        deadlineFrom: '2026-11-25',
      },
      sent,
    );
    expect(getCase(db, caseId).updatedAt).toEqual(sent);
    db.close();
  });
});

describe('the SQLite driver', () => {
  it("is handed the addon the library's own search finds (no `bindings` walk at start-up)", () => {
    const file = nativeBinding();
    expect(file).toMatch(/better_sqlite3\.node$/);
    // The same file bindings would load for the library, where npm built it.
    const lib = createRequire(import.meta.url).resolve('better-sqlite3');
    const found = createRequire(lib)('bindings') as { getRoot(f: string): string };
    expect(realpathSync(file!)).toBe(
      realpathSync(join(found.getRoot(lib), 'build', 'Release', 'better_sqlite3.node')),
    );
    const db = new Database(':memory:', { nativeBinding: file });
    expect(db.prepare('SELECT sqlite_version() AS v').get()).toMatchObject({
      v: expect.any(String),
    });
    db.close();
  });
});
