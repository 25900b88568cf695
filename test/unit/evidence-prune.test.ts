import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { openDatabase } from '../../src/db/open.js';
import { pruneCopies } from '../../src/files/evidence-store.js';

// `delete` and `evidence remove` take out the copies no record uses. The look-up and the removal
// are one step under the database's write lock: an attach of the same content cannot commit its
// record between them (it would then have lost the copy it had just recorded).
let dir: string;
let store: string;
let db: Db;
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'complain-prune-'));
  store = join(dir, 'evidence');
  mkdirSync(store);
  for (const name of [A, B]) writeFileSync(join(store, name), name);
  db = openDatabase(join(dir, 'complain.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('pruning the stored copies', () => {
  it('looks each copy up and removes it inside the write lock', () => {
    let locked = false;
    const seen: boolean[] = [];
    const removed = pruneCopies(
      store,
      [A, B, B],
      (p) => {
        seen.push(locked && db.inTransaction);
        return p === A;
      },
      (remove) =>
        db
          .transaction(() => {
            locked = true;
            remove();
            locked = false;
          })
          .immediate(),
    );
    expect(removed).toBe(1);
    expect(seen).toEqual([true, true]);
    expect(existsSync(join(store, A))).toBe(true);
    expect(existsSync(join(store, B))).toBe(false);
  });

  it('waits for another writer instead of looking outside the lock', () => {
    const other = new Database(db.name);
    other.exec('BEGIN IMMEDIATE');
    db.pragma('busy_timeout = 50');
    try {
      expect(() =>
        pruneCopies(
          store,
          [B],
          () => false,
          (remove) => db.transaction(remove).immediate(),
        ),
      ).toThrow(/locked|busy/i);
      expect(existsSync(join(store, B))).toBe(true);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('passes over a copy already gone', () => {
    rmSync(join(store, B));
    expect(
      pruneCopies(
        store,
        [B],
        () => false,
        (remove) => remove(),
      ),
    ).toBe(0);
  });
});
