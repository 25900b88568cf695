import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { getCase } from '../db/case-repo.js';
import { listContacts } from '../db/contact-repo.js';
import type { LetterRecord } from '../db/letter-repo.js';
import { listLetters } from '../db/letter-repo.js';
import type { CaseFile } from '../domain/model.js';
import { renderCaseFile } from '../output/format.js';
import { letterRecordView, renderLetterList } from '../output/letter-views.js';
import { caseFileView } from '../output/views.js';
import type { Act } from './shared.js';
import { examples, parseId } from './shared.js';

/** Flags of `complain show`. */
export interface ShowOptions {
  caseArg: string;
  json: boolean;
}

export function toShowOptions(caseArg: string, opts: Record<string, unknown>): ShowOptions {
  return { caseArg, json: Boolean(opts.json) };
}

/** What `complain show` reads: the case file and the letters written from it. */
export interface ShowResult extends CaseFile {
  letters: LetterRecord[];
}

/** Reads a case with its timeline. */
export async function runShow(options: ShowOptions, ctx: AppContext): Promise<ShowResult> {
  const db = ctx.db();
  const record = getCase(db, parseId(options.caseArg, 'case'));
  return {
    case: record,
    contacts: listContacts(db, record.id),
    letters: listLetters(db, record.id),
  };
}

export function printShow(ctx: AppContext, options: ShowOptions, file: ShowResult): void {
  const now = ctx.now();
  if (options.json)
    ctx.print(
      JSON.stringify(
        {
          ...caseFileView(file.case, file.contacts, now),
          letters: file.letters.map(letterRecordView),
        },
        null,
        2,
      ),
    );
  else {
    ctx.stdout.write(
      renderCaseFile(file.case, file.contacts, now, ctx.clock().timeZone, ctx.colorOut),
    );
    ctx.stdout.write(renderLetterList(file.letters, ctx.colorOut));
  }
}

export function registerShow(program: Command, act: Act): void {
  program
    .command('show')
    .argument('<case>', 'case number')
    .description(
      'the case file: the facts, then every contact with names, IDs, references and promises',
    )
    .option('--json', 'print the case file as JSON')
    .addHelpText(
      'after',
      examples(['complain show 3', "complain show 3 --json | jq '.contacts[].reference'"]),
    )
    .action(async (caseArg: string, opts: Record<string, unknown>, cmd: Command) => {
      const options = toShowOptions(caseArg, opts);
      await act(cmd, 'show', options, async (ctx) =>
        printShow(ctx, options, await runShow(options, ctx)),
      );
    });
}
