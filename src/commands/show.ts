import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { getCase } from '../db/case-repo.js';
import { listContacts } from '../db/contact-repo.js';
import type { EvidenceRecord } from '../db/evidence-repo.js';
import { listEvidence } from '../db/evidence-repo.js';
import type { CaseFile } from '../domain/model.js';
import { renderCaseFile } from '../output/format.js';
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

/** Reads a case with its timeline. */
export async function runShow(
  options: ShowOptions,
  ctx: AppContext,
): Promise<CaseFile & { evidence: EvidenceRecord[] }> {
  const db = ctx.db();
  const record = getCase(db, parseId(options.caseArg, 'case'));
  return {
    case: record,
    contacts: listContacts(db, record.id),
    evidence: listEvidence(db, record.id),
  };
}

export function printShow(
  ctx: AppContext,
  options: ShowOptions,
  file: CaseFile & { evidence: EvidenceRecord[] },
): void {
  const now = ctx.now();
  if (options.json)
    ctx.print(JSON.stringify(caseFileView(file.case, file.contacts, now, file.evidence), null, 2));
  else
    ctx.stdout.write(
      renderCaseFile(
        file.case,
        file.contacts,
        now,
        ctx.clock().timeZone,
        ctx.colorOut,
        file.evidence,
      ),
    );
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
