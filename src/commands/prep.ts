import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { loadSnapshot } from '../db/agenda-repo.js';
import { clocksFor } from '../domain/clocks.js';
import { ladderPosition } from '../domain/escalation.js';
import type { CallSheet } from '../domain/prep.js';
import { buildCallSheet } from '../domain/prep.js';
import { renderCallSheet } from '../output/agenda-views.js';
import { t } from '../i18n.js';
import { loadJurisdiction } from '../templates.js';
import type { Act } from './shared.js';
import { examples, resolveCase } from './shared.js';

/** Flags of `complain prep`. */
export interface PrepOptions {
  caseArg: string | undefined;
  json: boolean;
}

export function toPrepOptions(
  caseArg: string | undefined,
  opts: Record<string, unknown>,
): PrepOptions {
  return { caseArg, json: Boolean(opts.json) };
}

/** The call sheet of a case. */
export async function runPrep(options: PrepOptions, ctx: AppContext): Promise<CallSheet> {
  const db = ctx.db();
  const record = await resolveCase(ctx, options.caseArg, 'prep');
  const { now, timeZone } = ctx.clock();
  const snapshot = loadSnapshot(db, record);
  const j = loadJurisdiction(record.jurisdiction);
  const position = ladderPosition(
    snapshot,
    j,
    clocksFor(snapshot, j, now, timeZone),
    now,
    timeZone,
  );
  return buildCallSheet(snapshot, position, now, timeZone);
}

export function printPrep(ctx: AppContext, options: PrepOptions, sheet: CallSheet): void {
  if (options.json) ctx.print(JSON.stringify(sheet, null, 2));
  else ctx.stdout.write(renderCallSheet(sheet, ctx.colorOut));
}

export function registerPrep(program: Command, act: Act): void {
  program
    .command('prep')
    .argument('[case]', t('agenda.arg.case-default'))
    .description(t('agenda.prep.description'))
    .option('--json', t('agenda.prep.opt.json'))
    .addHelpText('after', examples(t('agenda.prep.examples')))
    .action(async (caseArg: string | undefined, opts: Record<string, unknown>, cmd: Command) => {
      const options = toPrepOptions(caseArg, opts);
      await act(cmd, 'prep', options, async (ctx) =>
        printPrep(ctx, options, await runPrep(options, ctx)),
      );
    });
}
