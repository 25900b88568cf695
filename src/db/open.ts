import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ComplainError } from '../errors.js';
import { pathError, shownPath } from '../files/path-check.js';
import { t } from '../i18n.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

/** The connection type the repositories take. */
export type Db = Database.Database;

/** "CMPL" in ASCII: lets `doctor` and `open` recognise a foreign SQLite file. */
export const APPLICATION_ID = 0x434d504c;

/** The database file inside a data dir. */
export const DB_FILE_NAME = 'complain.db';

/** Creates the data dir 0700 (and tightens an existing one). */
export function ensureDataDir(dir: string): void {
  try {
    makeDirs(dir);
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error(dir), { code: 'EEXIST' });
  } catch (error) {
    throw dataDirError(error, dir);
  }
  tighten(dir);
}

/**
 * `mkdir -p`, one level at a time, each 0700. Not `mkdirSync(dir, { recursive: true })`: where
 * mkdir answers ENOENT under a folder that exists (`/proc/x`), Node's recursive mode retries forever.
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let at = resolve(dir); !existsSync(at); at = dirname(at)) {
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder, { mode: 0o700 });
    } catch (error) {
      // Made meanwhile by another complain process: fine when it is a folder.
      if ((error as { code?: unknown }).code !== 'EEXIST' || !statSync(folder).isDirectory())
        throw error;
    }
  }
}

/** Why the data dir cannot be made, as a sentence with the fix. */
function dataDirError(error: unknown, dir: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EEXIST' || (code === 'ENOTDIR' && existsSync(dir)))
    return new ComplainError(t('faults.dataDir.notAFolder', { dir: shownPath(dir) }), {
      hint: t('faults.dataDir.notAFolderHint'),
      cause: error,
    });
  const unfit = pathError(error, dir);
  if (unfit) return unfit;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code))
    return new ComplainError(t('faults.dataDir.cannotCreate', { dir: shownPath(dir), code }), {
      hint: t('faults.dataDir.cannotCreateHint'),
      cause: error,
    });
  return error;
}

/**
 * Takes group and other access away, and never gives the owner more than it has: a data dir
 * or database the user made read-only stays read-only.
 */
function tighten(path: string): void {
  try {
    const mode = statSync(path).mode & 0o777;
    if (mode & 0o077) chmodSync(path, mode & 0o700);
  } catch {
    // Not ours to change (read-only dir, another user's file): SQLite will report what matters.
  }
}

let addon: string | null | undefined;
const ADDON = join('build', 'Release', 'better_sqlite3.node');

/**
 * better-sqlite3's compiled addon, where npm builds it. The build bundles the library's
 * JavaScript (scripts/bundle.mjs) and hands it the addon's path: left to find it itself, it
 * asks the `bindings` package, which looks from the caller's package (this one) and tries a
 * dozen paths. First where npm puts the library for this package, else where Node resolves it
 * (installed beside this package); undefined, for the library's own search, when neither has it.
 */
export function nativeBinding(): string | undefined {
  if (addon === undefined) {
    const here = fileURLToPath(new URL(`../node_modules/better-sqlite3/${ADDON}`, import.meta.url));
    addon = existsSync(here) ? here : null;
    if (addon === null)
      try {
        const lib = createRequire(import.meta.url).resolve('better-sqlite3');
        const there = join(dirname(lib), '..', ADDON);
        if (existsSync(there)) addon = there;
      } catch {
        // Not resolvable: the library's own search says what is missing.
      }
  }
  return addon ?? undefined;
}

/**
 * Opens (creating when missing) the database, sets the pragmas and migrates it once.
 * The file is created 0600 before SQLite sees it, so its -wal and -shm follow as 0600.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  if (!options.readonly && !existsSync(file)) {
    closeSync(openSync(file, 'a', 0o600));
  }
  tighten(file);
  let db: Db;
  try {
    db = new Database(file, {
      timeout: 5000,
      fileMustExist: Boolean(options.readonly),
      nativeBinding: nativeBinding(),
    });
  } catch (error) {
    throw translateSqliteError(error, file);
  }
  try {
    // Check what the file is before changing anything in it (WAL mode rewrites the header).
    checkCompatible(db, file);
    if (!options.readonly && db.pragma('journal_mode', { simple: true }) !== 'wal') {
      // Switching to WAL rewrites the header: make sure the file is whole before touching it.
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
      db.pragma('journal_mode = WAL');
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, file);
  } catch (error) {
    db.close();
    throw translateSqliteError(error, file);
  }
  return db;
}

/** Refuses a foreign SQLite file and one written by a newer complain, touching neither. */
export function checkCompatible(db: Db, file = t('evidence.db.theDatabase')): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (appId !== 0 && appId !== APPLICATION_ID) {
    throw new ComplainError(t('evidence.db.foreign', { file }), {
      hint: t('evidence.db.foreignHint'),
    });
  }
  if (appId === 0 && version === 0) {
    const tables = db
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'")
      .get() as { n: number };
    if (tables.n > 0) {
      throw new ComplainError(t('evidence.db.foreign', { file }), {
        hint: t('evidence.db.foreignHint'),
      });
    }
  }
  if (version > SCHEMA_VERSION) {
    throw new ComplainError(
      t('evidence.db.newer', { file, version: String(version), known: String(SCHEMA_VERSION) }),
      { hint: t('evidence.db.newerHint') },
    );
  }
}

/** Runs the migrations the file lacks, each in one IMMEDIATE transaction with its version bump. */
export function migrate(db: Db, file = t('evidence.db.theDatabase')): void {
  checkCompatible(db, file);
  const version = db.pragma('user_version', { simple: true }) as number;
  for (const migration of MIGRATIONS) {
    // The usual run: nothing to migrate, and no transaction made (better-sqlite3 prepares its
    // statements on the first one).
    if (version >= migration.version) continue;
    const step = db.transaction(() => {
      // Read again inside the lock: another process may have migrated meanwhile.
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    });
    step.immediate();
  }
}

/** SQLite error code → catalogue keys of its sentence (with `{file}`) and its hint. */
const SQLITE_MESSAGES: Record<string, [string, string]> = {
  SQLITE_BUSY: ['evidence.db.busy', 'evidence.db.retryHint'],
  SQLITE_LOCKED: ['evidence.db.locked', 'evidence.db.retryHint'],
  SQLITE_FULL: ['evidence.db.full', 'evidence.db.fullHint'],
  SQLITE_IOERR_WRITE: ['evidence.db.ioWrite', 'evidence.db.fullHint'],
  SQLITE_READONLY: ['evidence.db.readOnly', 'evidence.db.permissionsHint'],
  SQLITE_CANTOPEN: ['evidence.db.cantOpen', 'evidence.db.cantOpenHint'],
  SQLITE_NOTADB: ['evidence.db.notADb', 'evidence.db.notADbHint'],
  SQLITE_CORRUPT: ['evidence.db.corrupt', 'evidence.db.corruptHint'],
};

/** Turns SQLite's error codes into sentences; leaves other errors as they are. */
export function translateSqliteError(error: unknown, file: string): unknown {
  if (error instanceof ComplainError) return error;
  const code = (error as { code?: string } | null)?.code;
  if (typeof code === 'string') {
    const known = SQLITE_MESSAGES[code] ?? SQLITE_MESSAGES[code.replace(/_[A-Z]+$/, '')];
    if (known) return new ComplainError(t(known[0], { file }), { hint: t(known[1]), cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/NODE_MODULE_VERSION|compiled against a different Node\.js version/.test(message)) {
    return new ComplainError(t('evidence.db.nodeVersion'), {
      hint: t('evidence.db.nodeVersionHint'),
      cause: error,
    });
  }
  return error;
}
