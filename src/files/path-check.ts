import { Buffer } from 'node:buffer';
import { ComplainError } from '../errors.js';
import { t } from '../i18n.js';

/** The longest file name (one part of a path) that ext4, APFS and NTFS take, in bytes. */
export const NAME_MAX = 255;

/** A path for a message: quoted, control characters escaped, a long one shortened in the middle. */
export function shownPath(path: string): string {
  const quoted = JSON.stringify(path);
  return quoted.length <= 90 ? quoted : `${quoted.slice(0, 50)}…${quoted.slice(-30)}`;
}

function nulError(path: string, cause?: unknown): ComplainError {
  return new ComplainError(t('faults.path.nul', { path: shownPath(path) }), {
    hint: t('faults.path.nulHint'),
    cause,
  });
}

function tooLongError(path: string, cause?: unknown): ComplainError {
  return new ComplainError(t('faults.path.tooLong', { path: shownPath(path) }), {
    hint: t('faults.path.tooLongHint'),
    cause,
  });
}

/** Refuses, before anything is touched, a path no file system takes: a NUL, a name over 255 bytes. */
export function checkPathName(path: string): void {
  if (path.includes('\0')) throw nulError(path);
  for (const part of path.split(/[\\/]/))
    if (Buffer.byteLength(part) > NAME_MAX) throw tooLongError(path);
}

/**
 * The errors the system gives for a path it cannot take at all, as a sentence: a NUL character
 * (Node refuses it before the system call), a name or path too long, a file where a folder
 * should be. Undefined for any other error.
 */
export function pathError(error: unknown, path: string): ComplainError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_INVALID_ARG_VALUE' || code === 'ERR_INVALID_ARG_TYPE')
    return path.includes('\0') ? nulError(path, error) : undefined;
  if (code === 'ENAMETOOLONG') return tooLongError(path, error);
  if (code === 'ENOTDIR')
    return new ComplainError(t('faults.path.notAFolder', { path: shownPath(path) }), {
      hint: t('faults.path.notAFolderHint'),
      cause: error,
    });
  return undefined;
}
