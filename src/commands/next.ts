import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { loadSnapshot } from '../db/agenda-repo.js';
import type { ClockResult } from '../domain/clocks.js';
import { clocksFor } from '../domain/clocks.js';
import type { LadderPosition } from '../domain/escalation.js';
import { ladderPosition } from '../domain/escalation.js';
import { LADDER_STEPS, labelOf } from '../domain/vocab.js';
import { t } from '../i18n.js';
import { ladderView } from '../output/agenda-views.js';
import { applicationForums } from '../apply/template.js';
import { loadJurisdiction } from '../templates.js';
import type { Act } from './shared.js';
import { examples, resolveCase } from './shared.js';

/** Flags of `complain next`. */
export interface NextOptions {
  caseArg: string | undefined;
  json: boolean;
}

export function toNextOptions(
  caseArg: string | undefined,
  opts: Record<string, unknown>,
): NextOptions {
  return { caseArg, json: Boolean(opts.json) };
}

/** Where a case stands on the escalation ladder. */
export interface NextResult {
  caseId: number;
  position: LadderPosition;
  clocks: ClockResult[];
}

export async function runNext(options: NextOptions, ctx: AppContext): Promise<NextResult> {
  const db = ctx.db();
  const record = await resolveCase(ctx, options.caseArg, 'next');
  const { now, timeZone } = ctx.clock();
  const snapshot = loadSnapshot(db, record);
  const j = loadJurisdiction(record.jurisdiction);
  const clocks = clocksFor(snapshot, j, now, timeZone);
  return {
    caseId: record.id,
    position: ladderPosition(snapshot, j, clocks, now, timeZone),
    clocks,
  };
}

export function printNext(ctx: AppContext, options: NextOptions, r: NextResult): void {
  if (options.json) {
    ctx.print(JSON.stringify(ladderView(r.caseId, r.position, r.clocks), null, 2));
    return;
  }
  const c = ctx.colorOut;
  const p = r.position;
  const lines = LADDER_STEPS.map((step) => {
    const mark = step === p.step ? c.bold('●') : step === p.next ? c.cyan('→') : ' ';
    const text = labelOf(step);
    return `  ${mark} ${step === p.step ? c.bold(text) : step === p.next ? c.cyan(text) : c.dim(text)}`;
  });
  lines.unshift(
    c.bold(
      p.step
        ? t('agenda.next.title', { id: String(r.caseId), step: labelOf(p.step) })
        : t('agenda.next.title.none', { id: String(r.caseId) }),
    ),
  );
  lines.push('', `${c.bold(t('agenda.next.next'))} ${p.reason}`);
  for (const n of p.notes) lines.push(`  • ${n}`);
  if (p.forum?.forum.apply)
    lines.push(`  • ${t('agenda.next.apply', { text: p.forum.forum.apply.en })}`);
  // The application is written from the case file (complain apply), where a form exists.
  if (p.next === 'forum' && p.forum && applicationForums().includes(p.forum.forum.id))
    lines.push(`  • ${t('apply.nextHint', { id: String(r.caseId), forum: p.forum.forum.id })}`);
  ctx.print(lines.join('\n'));
}

export function registerNext(program: Command, act: Act): void {
  program
    .command('next')
    .argument('[case]', t('agenda.arg.case-default'))
    .description(t('agenda.next.description'))
    .option('--json', t('agenda.next.opt.json'))
    .addHelpText('after', examples(t('agenda.next.examples')))
    .action(async (caseArg: string | undefined, opts: Record<string, unknown>, cmd: Command) => {
      const options = toNextOptions(caseArg, opts);
      await act(cmd, 'next', options, async (ctx) =>
        printNext(ctx, options, await runNext(options, ctx)),
      );
    });
}
