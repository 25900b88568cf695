import type * as Crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { readdirSync, renameSync, rmSync, Stats } from 'node:fs';
import { chmod, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ComplainError } from '../errors.js';
import { t } from '../i18n.js';
import { checkPathName, NAME_MAX, pathError } from './path-check.js';

const inFlight = new Set<string>();

/** Random hex for temp names; node:crypto is loaded on the first write (read commands never do). */
function randomHex(bytes: number): string {
  const { randomBytes } = createRequire(import.meta.url)('node:crypto') as typeof Crypto;
  return randomBytes(bytes).toString('hex');
}

/** Marks a temp file as being written; the returned function unmarks it. */
export function trackTemp(file: string): () => void {
  inFlight.add(file);
  return () => untrackTemp(file);
}

/** Unmarks a temp file by name: from now on a Ctrl-C leaves it where it is. */
export function untrackTemp(file: string): void {
  inFlight.delete(file);
}

/**
 * Removes the temp files still being written: the context calls it when a run is cut short
 * (Ctrl-C), so an interrupted attach or export leaves nothing half-written behind.
 */
export function removeTempFilesInFlight(): void {
  for (const file of inFlight) {
    try {
      rmSync(file, { force: true });
    } catch {
      // Best effort on the way out.
    }
  }
  inFlight.clear();
}

/** The PID written into temp names (set once by the context), so a later run can tell whose they are. */
let owner = 0;

/** Names the process that writes temp files from now on. */
export function setTempOwner(pid: number): void {
  owner = pid;
}

/** A temporary name beside `file`, so that the final rename stays on one file system. */
export function tempPathFor(file: string): string {
  const suffix = `.${owner}-${randomHex(6)}.tmp`;
  // A file name near the 255-byte limit must not fail for want of room for the suffix.
  let name = basename(file);
  while (Buffer.byteLength(`.${name}${suffix}`) > NAME_MAX) name = name.slice(0, -1);
  return join(dirname(file), `.${name}${suffix}`);
}

/** The temp name of an evidence copy being written into `storeDir`. */
export function incomingPathIn(storeDir: string): string {
  return join(storeDir, `.incoming-${owner}-${randomHex(8)}`);
}

/**
 * The temp name of an evidence copy hashed and waiting for its record: the writer renames it to
 * its SHA-256 once the record is committed.
 */
export function stagedPathIn(storeDir: string, sha256: string): string {
  return join(storeDir, `.incoming-${owner}-${sha256}`);
}

const TEMP_NAME = /^\.(?:incoming-(\d+)-[0-9a-f]+|.+\.(\d+)-[0-9a-f]{12}\.tmp)$/;
const STAGED_NAME = /^\.incoming-\d+-([0-9a-f]{64})$/;

/**
 * Settles the temp files in `dirs` whose writer is no longer running: what a run killed
 * outright (SIGKILL, power loss) left behind. A live writer's temp files are left alone.
 * A staged evidence copy whose record was committed (`isRecorded`) is renamed to its SHA-256,
 * which the writer would have done next; every other one is removed. Returns the paths removed.
 */
export function sweepOrphanTemps(
  dirs: string[],
  isRunning: (pid: number) => boolean,
  isRecorded: (dir: string, sha256: string) => boolean = () => false,
): string[] {
  const removed: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = TEMP_NAME.exec(name);
      if (!m) continue;
      const pid = Number(m[1] ?? m[2]);
      if (pid === 0 || pid === owner || isRunning(pid)) continue;
      const sha256 = STAGED_NAME.exec(name)?.[1];
      if (sha256 && finishStaged(dir, name, sha256, isRecorded)) continue;
      try {
        rmSync(join(dir, name), { force: true });
        removed.push(join(dir, name));
      } catch {
        // Not ours to remove: doctor will name it.
      }
    }
  }
  return removed;
}

/** Renames a dead writer's staged copy to its SHA-256 when its record is there. */
function finishStaged(
  dir: string,
  name: string,
  sha256: string,
  isRecorded: (dir: string, sha256: string) => boolean,
): boolean {
  try {
    if (!isRecorded(dir, sha256)) return false;
    // Over an existing copy of the same content this is harmless, and repairs a damaged one. No
    // fsync: should the rename be lost, the staged name is still there for the next run.
    renameSync(join(dir, name), join(dir, sha256));
    return true;
  } catch {
    // Left for doctor to name.
    return true;
  }
}

/** Flushes a directory entry (a rename or a new file) to disk; ignored where unsupported. */
export async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a directory: the rename is still atomic there.
  } finally {
    await handle?.close();
  }
}

/** fsync on a file by name. */
export async function fsyncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes a file when it is there; used to clean up temporaries on failure. */
export async function removeQuietly(file: string): Promise<void> {
  await unlink(file).catch(() => undefined);
}

function missingFolder(file: string, cause?: unknown): ComplainError {
  return new ComplainError(t('evidence.write.noFolder', { file }), {
    hint: t('evidence.write.noFolderHint'),
    cause,
  });
}

function writeError(error: unknown, file: string): unknown {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG')
    return new ComplainError(t('evidence.write.full', { file }), {
      hint: t('evidence.write.fullHint'),
      cause: error,
    });
  if (code === 'ENOENT') return missingFolder(file, error);
  const unfit = pathError(error, file);
  if (unfit) return unfit;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new ComplainError(t('evidence.write.denied', { file, code }), {
      hint: t('evidence.write.deniedHint'),
      cause: error,
    });
  return error;
}

/**
 * Replaces `file` with what `write(tmp)` wrote: temp file in the same directory (created 0600),
 * fsync, rename, fsync of the directory. A crash leaves the old file or none, never half of one.
 */
export async function writeAtomically(
  file: string,
  write: (tmp: string) => Promise<void>,
): Promise<void> {
  checkPathName(file);
  // A folder is never replaced (`backup -o /` would put a temp file in / and fail to rename it).
  if ((await stat(file).catch(() => undefined))?.isDirectory()) {
    throw new ComplainError(t('evidence.write.isDir', { file }), {
      hint: t('evidence.write.isDirHint'),
    });
  }
  // Checked first: SQLite's backup reports a missing folder without an errno code.
  const folder = await stat(dirname(file)).catch((error: unknown) => error);
  if (!(folder instanceof Stats)) {
    const error = writeError(folder, file);
    throw error instanceof ComplainError ? error : missingFolder(file, folder);
  }
  if (!folder.isDirectory())
    throw writeError(Object.assign(new Error(), { code: 'ENOTDIR' }), file);
  const tmp = tempPathFor(file);
  const untrack = trackTemp(tmp);
  try {
    await write(tmp);
    // Whatever created it (SQLite's backup makes 0644 under umask 022): the user's alone.
    await chmod(tmp, 0o600);
    await fsyncFile(tmp);
    await rename(tmp, file);
  } catch (error) {
    await removeQuietly(tmp);
    throw writeError(error, file);
  } finally {
    untrack();
  }
  await fsyncDir(dirname(file));
}

/**
 * Writes text that comes in pieces atomically, 0600, a megabyte at a time: the whole text is
 * never in memory (`export --all -o`).
 */
export async function writeTextAtomically(file: string, pieces: Iterable<string>): Promise<void> {
  if ((await stat(file).catch(() => undefined))?.isDirectory()) {
    throw new ComplainError(t('evidence.write.isDir', { file }), {
      hint: t('evidence.write.isDirHint'),
    });
  }
  await writeAtomically(file, async (tmp) => {
    const handle = await open(tmp, 'wx', 0o600);
    try {
      let buffered: string[] = [];
      let size = 0;
      for (const piece of pieces) {
        buffered.push(piece);
        size += piece.length;
        if (size >= 1 << 20) {
          await handle.write(buffered.join(''));
          buffered = [];
          size = 0;
        }
      }
      await handle.write(buffered.join(''));
    } finally {
      await handle.close();
    }
  });
}

/** Writes a Buffer or string atomically, 0600. */
export async function writeFileAtomically(file: string, data: Buffer | string): Promise<void> {
  await writeAtomically(file, async (tmp) => {
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
  });
}
