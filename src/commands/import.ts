import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AppContext } from '../context.js';
import { listAllEvidence } from '../db/evidence-repo.js';
import type { ImportResult } from '../db/transfer.js';
import { checkDataFile, importData } from '../db/transfer.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { checkStoredCopy } from '../files/evidence-store.js';
import type { Act } from './shared.js';
import { examples } from './shared.js';
import { t } from '../i18n.js';

/** Flags of `complain import`. */
export interface ImportOptions {
  file: string;
  merge: boolean;
  json: boolean;
}

export function toImportOptions(file: string, opts: Record<string, unknown>): ImportOptions {
  return { file, merge: Boolean(opts.merge), json: Boolean(opts.json) };
}

/** What `complain import` did, and how many evidence records have no copy in this store. */
export interface ImportOutcome extends ImportResult {
  evidenceWithoutCopy: number;
}

/** Loads a `complain export --all --json` file in one transaction. */
export async function runImport(options: ImportOptions, ctx: AppContext): Promise<ImportOutcome> {
  const path = resolve(ctx.cwd, options.file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new NotFoundError(
      t('evidence.import.cannotRead', { file: JSON.stringify(options.file) }),
      t('evidence.import.cannotReadHint'),
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(
      'file',
      t('evidence.import.notJson', {
        file: JSON.stringify(options.file),
        reason: (error as Error).message,
      }),
      t('evidence.import.notJsonHint'),
    );
  }
  const db = ctx.db();
  const result = importData(db, checkDataFile(parsed), { merge: options.merge });
  let evidenceWithoutCopy = 0;
  const seen = new Set<string>();
  for (const e of listAllEvidence(db)) {
    if (seen.has(e.storedPath)) continue;
    seen.add(e.storedPath);
    const state = await checkStoredCopy(ctx.paths.evidenceDir, e.storedPath, e.sha256).catch(
      () => ({ state: 'missing' as const }),
    );
    if (state.state !== 'ok') evidenceWithoutCopy++;
  }
  return { ...result, evidenceWithoutCopy };
}

export function printImport(ctx: AppContext, options: ImportOptions, result: ImportOutcome): void {
  if (options.json) ctx.print(JSON.stringify(result, null, 2));
  const total = Object.values(result.inserted).reduce((a, b) => a + b, 0);
  ctx.say(
    ctx.color.green(
      t('evidence.import.done', {
        count: total,
        cases: result.inserted.caseFile ?? 0,
        renumbered: result.renumbered ? 'yes' : 'no',
      }),
    ),
  );
  if (result.evidenceWithoutCopy > 0)
    ctx.say(
      ctx.color.yellow(t('evidence.import.withoutCopy', { count: result.evidenceWithoutCopy })),
    );
}

export function registerImport(program: Command, act: Act): void {
  program
    .command('import')
    .argument('<file>', t('evidence.import.arg.file'))
    .description(t('evidence.import.description'))
    .option('--merge', t('evidence.import.opt.merge'))
    .option('--json', t('evidence.import.opt.json'))
    .addHelpText('after', examples(t('evidence.import.examples')))
    .action(async (file: string, opts: Record<string, unknown>, cmd: Command) => {
      const options = toImportOptions(file, opts);
      await act(cmd, 'import', options, async (ctx) =>
        printImport(ctx, options, await runImport(options, ctx)),
      );
    });
}
