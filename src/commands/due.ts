import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { eachAgendaSnapshot, eachSnapshot, promiseCandidates } from '../db/agenda-repo.js';
import type { Db } from '../db/open.js';
import { listCases } from '../db/case-repo.js';
import { standardsByCompany } from '../db/standard-repo.js';
import type { Agenda, Item, RankedItem } from '../domain/agenda.js';
import { buildAgenda, caseItems, mostUrgent, placeItem } from '../domain/agenda.js';
import { contactNeeds } from '../domain/clocks.js';
import { calendarDaysBetween, endOfLocalDay, localDateOf } from '../domain/dates.js';
import type { CaseRecord } from '../domain/model.js';
import type { ServiceStandard } from '../domain/standards.js';
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
  // On a terminal, only the most urgent rows are shown: the promises are picked in SQL.
  if (!options.json && !options.all && !options.ics)
    return {
      agenda: urgentAgenda(db, open, standards, now, timeZone, options.days),
      icsFile: undefined,
    };
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

/**
 * The DUE_LIMIT most urgent rows of each list and how many there are, as `buildAgenda` would
 * give them: every letter and clock of the open cases (from their few dated contacts), every row
 * of the cases whose company has standards, and of the pending promises only those that can be
 * among the first (picked and counted in SQL), each written from its case's whole snapshot.
 */
function urgentAgenda(
  db: Db,
  open: CaseRecord[],
  standards: Map<number, ServiceStandard[]>,
  now: Date,
  tz: string,
  days: number,
): Agenda {
  const overdue: RankedItem[] = [];
  const upcoming: RankedItem[] = [];
  const totals = { overdue: 0, upcoming: 0 };
  const place = (row: Item, group: number, index: number) => {
    const { item, list } = placeItem(row, now, tz, days);
    if (list === null) return;
    totals[list] += 1;
    (list === 'overdue' ? overdue : upcoming).push({ item, group, index });
  };
  const fullFor = new Set(standards.keys());
  // The contacts the clocks of each jurisdiction may start from.
  const needs = {
    firstOutbound: [] as string[],
    written: [] as string[],
    regulator: [] as string[],
  };
  for (const code of new Set(open.map((c) => c.jurisdiction))) {
    const n = contactNeeds(loadJurisdiction(code));
    if (n.firstOutbound) needs.firstOutbound.push(code);
    if (n.written) needs.written.push(code);
    if (n.regulator) needs.regulator.push(code);
  }
  // Letters and clocks of every open case; every row of a case held to its company's standards.
  for (const s of eachAgendaSnapshot(db, open, { fullFor, promises: false, needs })) {
    const own = standards.get(s.case.company.id) ?? [];
    caseItems(s, loadJurisdiction(s.case.jurisdiction), now, tz, own).forEach((row, i) =>
      place(row, own.length ? 0 : 1, i),
    );
  }
  // The promises of the other cases: counted in SQL, the first of each list written in full.
  const today = localDateOf(now, tz);
  const until = endOfLocalDay(
    new Date(Date.parse(`${today}T00:00:00Z`) + (days + 1) * 86_400_000).toISOString().slice(0, 10),
    tz,
  );
  const found = promiseCandidates(db, {
    now,
    until,
    limit: DUE_LIMIT,
    exceptCompanies: [...fullFor],
  });
  const soon = found.soon.filter((p) => calendarDaysBetween(now, p.dueAt, tz) <= days);
  totals.overdue += found.overdue;
  totals.upcoming += soon.length;
  const wanted = [...found.overdueFirst, ...soon.slice(0, DUE_LIMIT)];
  const ids = new Set(wanted.map((p) => p.promiseId));
  const cases = new Set(wanted.map((p) => p.caseId));
  for (const s of eachSnapshot(
    db,
    open.filter((c) => cases.has(c.id)),
    // A few cases anywhere in the file: one at a time, each in a few indexed queries.
    { openOnly: true, chunk: 1 },
  ))
    caseItems(s, loadJurisdiction(s.case.jurisdiction), now, tz).forEach((row, i) => {
      if (row.promise && ids.has(row.promise.id)) {
        // Counted above: placed without counting again.
        const { item, list } = placeItem(row, now, tz, days);
        if (list !== null)
          (list === 'overdue' ? overdue : upcoming).push({ item, group: 0, index: i });
      }
    });
  return mostUrgent(overdue, upcoming, DUE_LIMIT, days, totals);
}

export function printDue(ctx: AppContext, options: DueOptions, result: DueResult): void {
  const { agenda } = result;
  if (options.json) ctx.print(JSON.stringify(agendaView(agenda), null, 2));
  else if (agenda.overdue.length + agenda.upcoming.length > 0) {
    // On a terminal the lists may hold only the most urgent rows: `totals` counts them all.
    const limit = options.all ? undefined : DUE_LIMIT;
    ctx.stdout.write(
      renderAgenda(agenda, ctx.clock().timeZone, ctx.colorOut, { explain: options.explain, limit }),
    );
    const overdue = agenda.totals?.overdue ?? agenda.overdue.length;
    const upcoming = agenda.totals?.upcoming ?? agenda.upcoming.length;
    const more =
      limit === undefined ? 0 : Math.max(0, overdue - limit) + Math.max(0, upcoming - limit);
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
