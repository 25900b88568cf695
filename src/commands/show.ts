import type { Command } from 'commander';
import { isClosed } from '../domain/closure.js';
import type { AppContext } from '../context.js';
import { getCase } from '../db/case-repo.js';
import type { CaseExtras } from '../db/agenda-repo.js';
import { getCaseExtras, loadSnapshot } from '../db/agenda-repo.js';
import type { ClockResult } from '../domain/clocks.js';
import { clocksFor } from '../domain/clocks.js';
import type { RightResult } from '../domain/rights.js';
import { rightsOf } from '../domain/rights.js';
import { renderRights, rightView } from '../output/rights-views.js';
import { caseExtrasView, clockView, renderClocks } from '../output/agenda-views.js';
import { loadJurisdiction } from '../templates.js';
import type { LetterRecord } from '../db/letter-repo.js';
import { listLetters } from '../db/letter-repo.js';
import type { EvidenceRecord } from '../db/evidence-repo.js';
import { listEvidence } from '../db/evidence-repo.js';
import type { CaseFile } from '../domain/model.js';
import { renderCaseFile } from '../output/format.js';
import { letterRecordView, renderLetterList } from '../output/letter-views.js';
import { caseFileView } from '../output/views.js';
import type { Act } from './shared.js';
import { examples, parseId } from './shared.js';
import { t } from '../i18n.js';

/** Flags of `complain show`. */
export interface ShowOptions {
  caseArg: string;
  json: boolean;
}

export function toShowOptions(caseArg: string, opts: Record<string, unknown>): ShowOptions {
  return { caseArg, json: Boolean(opts.json) };
}

/** The case file with its legal clocks, the sector and closure of schema 3, and its letters. */
export interface ShowResult extends CaseFile {
  clocks: ClockResult[];
  /** The case's rights on today's date: the evaluation the letter cites from. */
  rights: RightResult[];
  /** How the purchase was made (schema 8). */
  sale: string | null;
  extras: CaseExtras;
  letters: LetterRecord[];
  evidence: EvidenceRecord[];
}

/** Reads a case with its timeline and its legal clocks. */
export async function runShow(options: ShowOptions, ctx: AppContext): Promise<ShowResult> {
  const db = ctx.db();
  const record = getCase(db, parseId(options.caseArg, 'case'));
  const snapshot = loadSnapshot(db, record);
  const { now, timeZone } = ctx.clock();
  // A closed case has nothing due: no clock runs on it.
  const jurisdiction = loadJurisdiction(record.jurisdiction);
  const clocks = isClosed(record) ? [] : clocksFor(snapshot, jurisdiction, now, timeZone);
  return {
    case: record,
    contacts: snapshot.contacts,
    clocks,
    rights: rightsOf(snapshot, jurisdiction, now, timeZone),
    sale: snapshot.sale ?? null,
    extras: getCaseExtras(db, record.id),
    letters: listLetters(db, record.id),
    evidence: listEvidence(db, record.id),
  };
}

export function printShow(ctx: AppContext, options: ShowOptions, file: ShowResult): void {
  const now = ctx.now();
  if (options.json)
    ctx.print(
      JSON.stringify(
        {
          ...caseFileView(file.case, file.contacts, now, file.evidence),
          ...caseExtrasView(file.extras),
          sale: file.sale,
          clocks: file.clocks.map(clockView),
          rights: file.rights.map(rightView),
          letters: file.letters.map(letterRecordView),
        },
        null,
        2,
      ),
    );
  else {
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
    ctx.stdout.write(renderLetterList(file.letters, ctx.clock().timeZone, ctx.colorOut));
    const clocks = [
      ...renderClocks(file.clocks, ctx.colorOut),
      ...renderRights(file.rights, ctx.colorOut),
    ];
    if (file.extras.sector) clocks.unshift(t('case.show.sector', { sector: file.extras.sector }));
    if (clocks.length) ctx.stdout.write('\n' + clocks.join('\n') + '\n');
  }
}

export function registerShow(program: Command, act: Act): void {
  program
    .command('show')
    .argument('<case>', t('case.arg.case'))
    .description(t('case.show.description'))
    .option('--json', t('case.show.opt.json'))
    .addHelpText('after', examples(t('case.show.examples')))
    .action(async (caseArg: string, opts: Record<string, unknown>, cmd: Command) => {
      const options = toShowOptions(caseArg, opts);
      await act(cmd, 'show', options, async (ctx) =>
        printShow(ctx, options, await runShow(options, ctx)),
      );
    });
}
