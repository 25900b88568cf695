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
    throw new NotFoundError(`cannot read ${JSON.stringify(options.file)}`, 'check the file name');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(
      'file',
      `${JSON.stringify(options.file)} is not valid JSON (${(error as Error).message})`,
      'give the file `complain export --all --json` wrote',
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
      `Imported ${total} records (${result.inserted.caseFile ?? 0} cases)${result.renumbered ? ', with new numbers after the existing ones' : ''}.`,
    ),
  );
  if (result.evidenceWithoutCopy > 0)
    ctx.say(
      ctx.color.yellow(
        `${result.evidenceWithoutCopy} evidence files are recorded but not in this data dir's evidence store: copy the evidence folder from the old data dir (complain path --json), then run complain evidence verify.`,
      ),
    );
}

export function registerImport(program: Command, act: Act): void {
  program
    .command('import')
    .argument('<file>', 'a file written by `complain export --all --json`')
    .description('load every record from a data file, in one transaction')
    .option('--merge', 'add to a database that already has records (they get new numbers)')
    .option('--json', 'print what was imported as JSON')
    .addHelpText(
      'after',
      examples([
        'complain --data-dir ~/new-place import complain-data.json',
        'complain import other-laptop.json --merge',
      ]),
    )
    .action(async (file: string, opts: Record<string, unknown>, cmd: Command) => {
      const options = toImportOptions(file, opts);
      await act(cmd, 'import', options, async (ctx) =>
        printImport(ctx, options, await runImport(options, ctx)),
      );
    });
}
