import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ComplainError } from '../errors.js';

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems cannot fsync a directory; the rename is still atomic.
  }
}

/**
 * Writes an export atomically: a temp file in the same directory (0600), fsync, rename. A crash
 * leaves the old file or none, never half of one.
 */
export function writeFileAtomic(path: string, data: Buffer): void {
  const dir = dirname(path);
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory())
      throw new ComplainError(`${path} is a directory`, {
        hint: 'give a file name: -o letter.docx',
      });
  } catch (error) {
    if (error instanceof ComplainError) throw error;
  }
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o600);
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
    fsyncDir(dir);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // Never created, or already renamed.
    }
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new ComplainError(`${path} cannot be written (${code || (error as Error).message})`, {
      hint:
        code === 'ENOSPC'
          ? 'free some space and try again'
          : 'check that the folder exists and is writable, or choose another path with -o',
      cause: error,
    });
  }
}
