import type { Db } from './open.js';

/** The errors that mean "not now" for a cache write: another writer, a read-only or full disk. */
const CANNOT_WRITE = /^SQLITE_(BUSY|LOCKED|READONLY|FULL|IOERR|CANTOPEN|PERM)/;

/**
 * Runs `write` in an IMMEDIATE transaction without waiting for other writers: a read command
 * that brings a cache up to date computes without it instead. False when the write cannot be
 * made now (another process holds the write lock, the file is read-only, the disk is full), and
 * then nothing was changed; other errors are thrown. The connection's busy timeout is restored.
 */
export function withoutWaiting(db: Db, write: () => void): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.transaction(write).immediate();
    return true;
  } catch (error) {
    if (CANNOT_WRITE.test(String((error as { code?: unknown }).code ?? ''))) return false;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
