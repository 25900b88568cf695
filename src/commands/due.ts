import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { eachAgendaSnapshot } from '../db/agenda-repo.js';
import { listCases } from '../db/case-repo.js';
import { standardsByCompany } from '../db/standard-repo.js';
import type { Agenda } from '../domain/agenda.js';
import { buildAgenda } from '../domain/agenda.js';
import { isClosed } from '../domain/closure.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n.js';
import { agendaView, renderAgenda } from '../output/agenda-views.js';
import { resolve } from 'node:path';
import { writeFileAtomically } from '../files/atomic.js';
import { loadJurisdiction } from '../templates.js';
import type { Act } from './shared.js';
import { examples } from './shared.js';

/** Flags of `complain due`. */
export interface DueOptions {
  days: number;
  ics: string | undefined;
  explain: boolean;
  json: boolean;
  /** Every item on the terminal, not only the most urgent DUE_LIMIT of each list. */
  all: boolean;
}

/** How many overdue and how many upcoming items `due` shows on a terminal without `--all`. */
export const DUE_LIMIT = 20;

export function toDueOptions(opts: Record<string, unknown>): DueOptions {
  const raw = typeof opts.days === 'string' ? opts.days : '14';
  if (!/^\d{1,4}$/.test(raw.trim()))
    throw new UsageError(
      t('agenda.due.error.days', { value: raw }),
      t('agenda.due.error.days.hint'),
    );
  return {
    days: Number(raw),
    ics: typeof opts.ics === 'string' ? opts.ics : undefined,
    explain: Boolean(opts.explain),
    json: Boolean(opts.json),
    all: Boolean(opts.all),
  };
}

/** What `complain due` found, and the calendar file it wrote. */
export interface DueResult {
  agenda: Agenda;
  icsFile: string | undefined;
}

/** The agenda across open cases; writes the calendar file when asked. */
export async function runDue(options: DueOptions, ctx: AppContext): Promise<DueResult> {
  const db = ctx.db();
  const { now, timeZone } = ctx.clock();
  // Closed cases have nothing due: they are left out in SQL, their contacts never read.
  const open = listCases(db, { openOnly: true }).filter((c) => !isClosed(c));
  const standards = standardsByCompany(db);
  // Only the contacts the agenda reads, except where a company's standards check every contact.
  const snapshots = eachAgendaSnapshot(db, open, { fullFor: new Set(standards.keys()) });
  const agenda = buildAgenda(
    snapshots,
    loadJurisdiction,
    now,
    timeZone,
    options.days,
    (id) => standards.get(id) ?? [],
  );
  if (options.ics) {
    // Only this flag needs the calendar library.
    const { renderIcs } = await import('../output/ics.js');
    await writeFileAtomically(
      resolve(ctx.cwd, options.ics),
      renderIcs([...agenda.overdue, ...agenda.upcoming], now),
    );
  }
  return { agenda, icsFile: options.ics };
}

export function printDue(ctx: AppContext, options: DueOptions, result: DueResult): void {
  const { agenda } = result;
  if (options.json) ctx.print(JSON.stringify(agendaView(agenda), null, 2));
  else if (agenda.overdue.length + agenda.upcoming.length > 0) {
    const limit = options.all ? undefined : DUE_LIMIT;
    ctx.stdout.write(
      renderAgenda(agenda, ctx.clock().timeZone, ctx.colorOut, { explain: options.explain, limit }),
    );
    const more =
      limit === undefined
        ? 0
        : Math.max(0, agenda.overdue.length - limit) + Math.max(0, agenda.upcoming.length - limit);
    if (more > 0) ctx.say(t('commands.due.more', { count: more, limit }));
  } else ctx.say(t('agenda.due.nothing', { days: agenda.windowDays }));
  if (result.icsFile) {
    const n = agenda.overdue.length + agenda.upcoming.length;
    ctx.say(ctx.color.green(t('agenda.due.wrote', { count: n, file: result.icsFile })));
  }
}

export function registerDue(program: Command, act: Act): void {
  program
    .command('due')
    .description(t('agenda.due.description'))
    .option('--days <n>', t('agenda.due.opt.days'))
    .option('--explain', t('agenda.due.opt.explain'))
    .option('--all', t('commands.due.opt.all'))
    .option('--ics <file>', t('agenda.due.opt.ics'))
    .option('--json', t('agenda.due.opt.json'))
    .addHelpText('after', examples(t('agenda.due.examples')) + `\n${t('agenda.due.exit')}\n`)
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const options = toDueOptions(opts);
      await act(cmd, 'due', options, async (ctx) =>
        printDue(ctx, options, await runDue(options, ctx)),
      );
    });
}
