import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  createReadStream,
  createWriteStream,
  fstatSync,
  fsyncSync,
  openSync,
  renameSync,
  unlinkSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import { chmod, lstat, mkdir, readdir, realpath, rename, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { countStoredPathUses } from '../db/evidence-repo.js';
import type { Db } from '../db/open.js';
import { ComplainError, NotFoundError, ValidationError } from '../errors.js';
import { incomingPathIn, removeQuietly, stagedPathIn, trackTemp, untrackTemp } from './atomic.js';
import { pathError } from './path-check.js';
import { t } from '../i18n.js';

/** Bytes done out of the total, for a progress line the command may draw. */
export type ProgressFn = (done: number, total: number) => void;

/** Where a file named through a symlink may lead (see `inspectSource`). */
export interface SourcePolicy {
  cwd: string;
  home: string;
  dataDir: string;
}

/** A file checked and ready to copy. */
export interface SourceFile {
  /** As the user typed it, for messages. */
  given: string;
  /** The real path, symlinks resolved. */
  realPath: string;
  /** The name the user knows it by (the name they typed, not the link's target). */
  name: string;
  size: number;
  dev: number;
  ino: number;
}

/**
 * A copy hashed into the store under a temp name, waiting for the record that names it: only
 * `publishCopies` gives it its SHA-256 name, once that record is committed. So a run killed at
 * any point leaves either a temp the next run removes, or a committed record whose copy the next
 * run finishes renaming (see `sweepOrphanTemps`), never a copy no record names.
 */
export interface StagedCopy {
  sha256: string;
  size: number;
  /** Relative to the store, once published. */
  storedPath: string;
  /** Where the copy waits until then: `.incoming-<pid>-<sha256>`. */
  staged: string;
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function hasHiddenPart(child: string, parent: string): boolean {
  return relative(parent, child)
    .split(sep)
    .some((part) => part.startsWith('.') && part !== '.' && part !== '..');
}

async function realOrSelf(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}

function fileError(given: string, error: unknown): Error {
  const code = (error as { code?: string }).code;
  if (code !== 'ENOTDIR') {
    const unfit = pathError(error, given);
    if (unfit) return unfit;
  }
  const q = JSON.stringify(given);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new NotFoundError(
        t('evidence.source.noFile', { file: q }),
        t('evidence.source.noFileHint'),
      );
    case 'EACCES':
    case 'EPERM':
      return new ValidationError(
        'file',
        t('evidence.source.denied', { file: q }),
        t('evidence.source.deniedHint'),
      );
    case 'ELOOP':
      return new ValidationError(
        'file',
        t('evidence.source.loop', { file: q }),
        t('evidence.source.loopHint'),
      );
    case 'EISDIR':
      return directoryError(given);
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

function directoryError(given: string): ValidationError {
  return new ValidationError(
    'file',
    t('evidence.source.directory', { file: JSON.stringify(given) }),
    t('evidence.source.directoryHint', { dir: given.replace(/\/+$/, '') }),
  );
}

/** The kind of a special file, for the `evidence.source.special` message's select. */
function kindOfSpecial(st: Stats): string {
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  return 'other';
}

/**
 * Checks a file the user named before anything is copied. A path that goes through a symlink
 * must lead to a regular file inside the home directory, the current directory or the link's
 * own folder, never into a hidden folder there (~/.ssh, ~/.gnupg…) nor into complain's data dir:
 * a "receipt.pdf" unpacked from an archive must not carry a private key into a bundle.
 * A file named by its own path may be anywhere the user can read.
 */
export async function inspectSource(given: string, policy: SourcePolicy): Promise<SourceFile> {
  const abs = resolve(policy.cwd, given);
  let real: string;
  let st: Stats;
  try {
    await lstat(abs);
    real = await realpath(abs);
    st = await stat(real);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' && (await lstat(abs).catch(() => undefined))?.isSymbolicLink())
      throw new NotFoundError(
        t('evidence.source.dangling', { file: JSON.stringify(given) }),
        t('evidence.source.danglingHint'),
      );
    throw fileError(given, error);
  }
  if (st.isDirectory()) throw directoryError(given);
  if (!st.isFile())
    throw new ValidationError(
      'file',
      t('evidence.source.special', { file: JSON.stringify(given), kind: kindOfSpecial(st) }),
      t('evidence.source.specialHint'),
    );
  const parentReal = await realOrSelf(resolve(abs, '..'));
  const dataDir = await realOrSelf(policy.dataDir);
  if (isInside(real, dataDir))
    throw new ValidationError(
      'file',
      t('evidence.source.inDataDir', { file: JSON.stringify(given) }),
      t('evidence.source.inDataDirHint'),
    );
  if (real !== join(parentReal, basename(abs))) {
    const roots = [await realOrSelf(policy.home), await realOrSelf(policy.cwd), parentReal];
    if (!roots.some((r) => isInside(real, r) && !hasHiddenPart(real, r)))
      throw new ValidationError(
        'file',
        t('evidence.source.linkOutside', { file: JSON.stringify(given), target: real }),
        t('evidence.source.linkOutsideHint'),
      );
  }
  if (st.size === 0)
    throw new ValidationError(
      'file',
      t('evidence.source.empty', { file: JSON.stringify(given) }),
      t('evidence.source.emptyHint'),
    );
  return {
    given,
    realPath: real,
    name: basename(abs),
    size: st.size,
    dev: st.dev,
    ino: st.ino,
  };
}

/** Creates the store 0700 (and tightens an existing one). */
export async function ensureStore(storeDir: string): Promise<void> {
  await mkdir(storeDir, { recursive: true, mode: 0o700 });
  await chmod(storeDir, 0o700);
}

function hasher(onChunk: (n: number) => void) {
  const hash = createHash('sha256');
  const transform = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      onChunk(chunk.length);
      done(null, chunk);
    },
  });
  return { transform, digest: () => hash.digest('hex') };
}

/**
 * Copies a checked file into the store without ever writing to the original: opened
 * O_RDONLY|O_NONBLOCK|O_NOFOLLOW (a FIFO swapped in cannot hang us), checked to be the same
 * regular file, streamed into a 'wx' 0600 temp while hashing, fsynced, renamed to its staged
 * name (its SHA-256 behind the temp prefix). Ctrl-C removes it until `publishCopies`.
 */
export async function copyIntoStore(
  source: SourceFile,
  storeDir: string,
  onProgress?: ProgressFn,
): Promise<StagedCopy> {
  // Plain fds: a FileHandle with a stream on it waits for the stream's close before its own.
  let input: number;
  try {
    input = openSync(
      source.realPath,
      constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW,
    );
  } catch (error) {
    throw fileError(source.given, error);
  }
  const tmp = incomingPathIn(storeDir);
  const untrack = trackTemp(tmp);
  let output: number | undefined;
  try {
    const st = fstatSync(input);
    if (!st.isFile() || st.dev !== source.dev || st.ino !== source.ino)
      throw new ValidationError(
        'file',
        t('evidence.source.changed', { file: JSON.stringify(source.given) }),
        t('evidence.source.changedHint'),
      );
    output = openSync(tmp, 'wx', 0o600);
    let done = 0;
    const total = st.size;
    const h = hasher((n) => {
      done += n;
      onProgress?.(done, total);
    });
    await pipeline(
      createReadStream('', { fd: input, autoClose: false }),
      h.transform,
      createWriteStream('', { fd: output, autoClose: false }),
    );
    fsyncSync(output);
    closeSync(output);
    output = undefined;
    if (done === 0)
      throw new ValidationError(
        'file',
        t('evidence.source.empty', { file: JSON.stringify(source.given) }),
        t('evidence.source.emptyHint'),
      );
    const sha256 = h.digest();
    const staged = stagedPathIn(storeDir, sha256);
    // Tracked before the rename: a Ctrl-C handled as it completes must find the staged name.
    trackTemp(staged);
    try {
      await rename(tmp, staged);
    } catch (error) {
      untrackTemp(staged);
      throw error;
    }
    return { sha256, size: done, storedPath: sha256, staged };
  } catch (error) {
    if (output !== undefined) closeQuietly(output);
    await removeQuietly(tmp);
    throw storeWriteError(error, source.given);
  } finally {
    untrack();
    closeQuietly(input);
  }
}

/**
 * Gives staged copies their SHA-256 names. Call it straight after the transaction that records
 * them, with no await between: a Ctrl-C handled in between would remove a recorded copy. Renaming
 * over an existing copy of the same content is harmless, and repairs one that was damaged.
 */
export function publishCopies(storeDir: string, copies: StagedCopy[]): void {
  const pending = new Map(copies.map((c) => [c.staged, c.storedPath]));
  // From here on a staged copy is the record's: an interrupted run leaves it for the next one.
  for (const staged of pending.keys()) untrackTemp(staged);
  for (const [staged, storedPath] of pending)
    try {
      renameSync(staged, join(storeDir, storedPath));
    } catch (error) {
      throw storeWriteError(error, storedPath);
    }
}

/** Removes staged copies whose records were not written. */
export async function discardCopies(copies: StagedCopy[]): Promise<void> {
  for (const { staged } of copies) {
    await removeQuietly(staged);
    untrackTemp(staged);
  }
}

/** A stream that failed may have closed its fd already. */
function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // EBADF: already closed.
  }
}

function storeWriteError(error: unknown, given: string): unknown {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG')
    return new ComplainError(t('evidence.store.full', { file: JSON.stringify(given) }), {
      hint: t('evidence.store.fullHint'),
      cause: error,
    });
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new ComplainError(t('evidence.store.denied', { code }), {
      hint: t('evidence.store.deniedHint'),
      cause: error,
    });
  return error;
}

/** The absolute path of a stored copy; refuses a stored path that leads outside the store. */
export function storedFilePath(storeDir: string, storedPath: string): string {
  const full = resolve(storeDir, storedPath);
  if (!isInside(full, resolve(storeDir)) || full === resolve(storeDir))
    throw new ValidationError(
      'storedPath',
      t('evidence.store.outside', { path: JSON.stringify(storedPath) }),
      t('evidence.store.outsideHint'),
    );
  return full;
}

/** What a stored copy holds now. */
export type CopyState =
  | { state: 'ok'; size: number }
  | { state: 'changed'; size: number; sha256: string }
  | { state: 'missing' };

/** Re-hashes a stored copy (streamed) and compares it with the recorded hash. */
export async function checkStoredCopy(
  storeDir: string,
  storedPath: string,
  expectedSha256: string,
  onProgress?: (bytes: number) => void,
): Promise<CopyState> {
  const full = storedFilePath(storeDir, storedPath);
  const st = await lstat(full).catch(() => undefined);
  if (!st || !st.isFile()) return { state: 'missing' };
  const hash = createHash('sha256');
  const fd = openSync(full, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    for await (const chunk of createReadStream('', { fd, autoClose: false })) {
      hash.update(chunk as Buffer);
      onProgress?.((chunk as Buffer).length);
    }
  } finally {
    closeSync(fd);
  }
  const sha256 = hash.digest('hex');
  return sha256 === expectedSha256
    ? { state: 'ok', size: st.size }
    : { state: 'changed', size: st.size, sha256 };
}

/** The names in the store (files only, temporaries included). */
export async function listStore(storeDir: string): Promise<string[]> {
  const entries = await readdir(storeDir, { withFileTypes: true }).catch(() => []);
  return entries.map((e) => e.name).sort();
}

/**
 * Removes the stored copies no record uses any more (after a case or a record was deleted):
 * each is looked up and removed inside `underLock`, which holds the database's write lock (an
 * IMMEDIATE transaction). An attach of the same content commits its record either before (the
 * copy is used, and kept) or after (its own staged copy is then published under the name): a
 * look-up outside the lock could let it commit in between and lose the copy it just recorded.
 */
export function pruneCopies(
  storeDir: string,
  storedPaths: string[],
  isUsed: (storedPath: string) => boolean,
  underLock: (remove: () => void) => void,
): number {
  let removed = 0;
  underLock(() => {
    for (const p of new Set(storedPaths))
      if (!isUsed(p))
        try {
          unlinkSync(storedFilePath(storeDir, p));
          removed++;
        } catch {
          // Gone already (removed by hand, or by another run): nothing to remove.
        }
  });
  return removed;
}

/** `pruneCopies` against the database: a copy is used while a record names it. */
export function pruneUnusedCopies(db: Db, storeDir: string, storedPaths: string[]): number {
  return pruneCopies(
    storeDir,
    storedPaths,
    (p) => countStoredPathUses(db, p) > 0,
    (remove) => db.transaction(remove).immediate(),
  );
}
