import Database from 'better-sqlite3';
import { ComplainError } from '../errors.js';
import { writeAtomically } from '../files/atomic.js';
import type { Db } from './open.js';
import { nativeBinding } from './open.js';
import { t } from '../i18n.js';

/** What a backup wrote. */
export interface BackupResult {
  file: string;
  pages: number;
}

/**
 * A consistent copy of a database that may be in use (SQLite's online backup), checked with
 * `quick_check`, switched to a single-file journal, fsynced and renamed into place 0600.
 */
export async function backupDatabase(db: Db, file: string): Promise<BackupResult> {
  let pages = 0;
  await writeAtomically(file, async (tmp) => {
    const progress = await db.backup(tmp);
    pages = progress.totalPages;
    const copy = new Database(tmp, {
      fileMustExist: true,
      timeout: 5000,
      nativeBinding: nativeBinding(),
    });
    try {
      // A self-contained file: no -wal beside it to lose when it is copied.
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok')
        throw new ComplainError(t('evidence.backup.checkFailed', { result: String(check) }), {
          hint: t('evidence.backup.checkFailedHint'),
        });
    } finally {
      copy.close();
    }
  });
  return { file, pages };
}
