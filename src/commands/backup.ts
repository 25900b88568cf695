import { existsSync, rmdirSync } from 'node:fs';
import type { Command } from 'commander';
import { resolve, join } from 'node:path';
import type { AppContext } from '../context.js';
import type { BackupResult } from '../db/backup.js';
import { backupDatabase } from '../db/backup.js';
import { ensureDataDir } from '../db/open.js';
import { UsageError } from '../errors.js';
import type { Act } from './shared.js';
import { examples } from './shared.js';
import { t } from '../i18n.js';

/** Flags of `complain backup`. */
export interface BackupOptions {
  output: string | undefined;
  json: boolean;
}

export function toBackupOptions(opts: Record<string, unknown>): BackupOptions {
  return {
    output: typeof opts.output === 'string' ? opts.output : undefined,
    json: Boolean(opts.json),
  };
}

/** "20261123-140500" in UTC: sorts by time, safe in any file name. */
function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-');
}

/** Writes a consistent copy of the database (default: the data dir's backups folder). */
export async function runBackup(options: BackupOptions, ctx: AppContext): Promise<BackupResult> {
  const db = ctx.db();
  let file: string;
  let made: string | undefined;
  if (options.output) file = resolve(ctx.cwd, options.output);
  else {
    const dir = join(ctx.paths.dataDir, 'backups');
    if (!existsSync(dir)) made = dir;
    ensureDataDir(dir);
    file = join(dir, `complain-${stamp(ctx.now())}.db`);
  }
  if (file === resolve(ctx.paths.dbFile))
    throw new UsageError(t('evidence.backup.liveDb'), t('evidence.backup.liveDbHint'));
  try {
    return await backupDatabase(db, file);
  } catch (error) {
    // A failed backup (a full disk) leaves nothing behind, not even the folder it made.
    if (made)
      try {
        rmdirSync(made);
      } catch {
        // Not empty after all: leave it; the error that matters is the backup's.
      }
    throw error;
  }
}

export function printBackup(ctx: AppContext, options: BackupOptions, result: BackupResult): void {
  if (options.json) ctx.print(JSON.stringify({ file: result.file, pages: result.pages }, null, 2));
  else ctx.print(result.file);
  ctx.say(ctx.color.green(t('evidence.backup.done')));
}

export function registerBackup(program: Command, act: Act): void {
  program
    .command('backup')
    .description(t('evidence.backup.description'))
    .option('-o, --output <file>', t('evidence.backup.opt.output'))
    .option('--json', t('evidence.backup.opt.json'))
    .addHelpText('after', examples(t('evidence.backup.examples')))
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const options = toBackupOptions(opts);
      await act(cmd, 'backup', options, async (ctx) =>
        printBackup(ctx, options, await runBackup(options, ctx)),
      );
    });
}
