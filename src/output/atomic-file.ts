import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ComplainError } from '../errors.js';

/**
 * Writes a file so that a crash leaves the old file or none, never half of one: a temp file in
 * the same directory (0600, created exclusively), fsync, rename over the target.
 */
export function writeFileAtomic(target: string, data: string | Buffer): void {
  const file = resolve(target);
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o600);
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < buffer.length) written += writeSync(fd, buffer, written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    const code = (error as { code?: string }).code ?? '';
    throw new ComplainError(`cannot write ${target}: ${code || (error as Error).message}`, {
      hint:
        code === 'ENOENT'
          ? 'the folder does not exist: create it or choose another path'
          : code === 'ENOSPC'
            ? 'the disk is full: free some space'
            : 'check the path and its permissions',
      cause: error,
    });
  }
}
