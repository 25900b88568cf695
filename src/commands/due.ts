import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { eachAgendaSnapshot, eachSnapshot, promiseCandidates } from '../db/agenda-repo.js';
import type { Db } from '../db/open.js';
import type { DueCacheEntry } from '../db/due-cache.js';
import { dueCacheView, refreshDueCache } from '../db/due-cache.js';
import { listCases } from '../db/case-repo.js';
import { standardsByCompany } from '../db/standard-repo.js';
import type { Agenda, Item, RankedItem } from '../domain/agenda.js';
import { buildAgenda, caseItems, mostUrgent, placeItem } from '../domain/agenda.js';
import { contactNeeds } from '../domain/clocks.js';
import { endOfLocalDay, localDateOf } from '../domain/dates.js';
import type { CaseRecord } from '../domain/model.js';
import type { ServiceStandard } from '../domain/standards.js';
import { isClosed } from '../domain/closure.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n.js';
import { agendaView, renderAgenda } from '../output/agenda-views.js';
import { resolve } from 'node:path';
import { writeFileAtomically } from '../files/atomic.js';
import { loadJurisdiction, rulesStamp } from '../templates.js';
import { BUILD } from '../version.js';
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
  const standards = standardsByCompany(db);
  // On a terminal, only the most urgent rows are shown: from the kept rows and the promises
  // picked in SQL.
  if (!options.json && !options.all && !options.ics)
    return {
      agenda: urgentAgenda(db, standards, now, timeZone, options.days),
      icsFile: undefined,
    };
  // Closed cases have nothing due: they are left out in SQL, their contacts never read.
  const open = listCases(db, { openOnly: true }).filter((c) => !isClosed(c));
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

/** The contacts the clocks of the cases' jurisdictions may start from. */
function contactNeedsOf(records: readonly CaseRecord[]) {
  const needs = {
    firstOutbound: [] as string[],
    written: [] as string[],
    regulator: [] as string[],
  };
  for (const code of new Set(records.map((c) => c.jurisdiction))) {
    const n = contactNeeds(loadJurisdiction(code));
    if (n.firstOutbound) needs.firstOutbound.push(code);
    if (n.written) needs.written.push(code);
    if (n.regulator) needs.regulator.push(code);
  }
  return needs;
}

/** Before any date: every clock still runs, so that the rows kept do not depend on the day. */
const BEFORE_ANY_DAY = new Date(0);

/**
 * The rows of cases the due cache keeps: their pending promises, letters' deadlines and legal
 * clocks, computed as on no particular day (a right of the consumer's that will have run out by
 * the day `due` runs is left out then, from its date).
 */
function* cacheEntries(
  db: Db,
  records: readonly CaseRecord[],
  tz: string,
): Generator<DueCacheEntry> {
  const needs = contactNeedsOf(records);
  for (const s of eachAgendaSnapshot(db, records, { needs })) {
    const rows = caseItems(s, loadJurisdiction(s.case.jurisdiction), BEFORE_ANY_DAY, tz).map(
      (row) => ({
        dueAt: row.dueAt,
        consumer: row.kind === 'legal-clock' && row.clock?.owes === 'consumer',
      }),
    );
    yield { caseId: s.case.id, companyId: s.case.company.id, rows };
  }
}

/**
 * The DUE_LIMIT most urgent rows of each list and how many there are, as `buildAgenda` would
 * give them. The promises, letters and clocks of the open cases come from the due cache
 * (brought up to date first: usually a case or two that changed since the last run), which
 * counts them and names the cases of the first of each list; those cases are then read in full
 * and their rows written as `buildAgenda` writes them. The cases whose company has standards
 * are read whole.
 */
function urgentAgenda(
  db: Db,
  standards: Map<number, ServiceStandard[]>,
  now: Date,
  tz: string,
  days: number,
): Agenda {
  const fullFor = [...standards.keys()];
  const kept = refreshDueCache(db, {
    stamp: JSON.stringify([BUILD, rulesStamp(), tz]),
    exceptCompanies: fullFor,
    compute: (ids) =>
      cacheEntries(
        db,
        ids === null
          ? listCases(db, { openOnly: true }).filter(
              (c) => !isClosed(c) && !standards.has(c.company.id),
            )
          : listCases(db, { ids, openOnly: true }),
        tz,
      ),
  });
  // The cache cannot be brought up to date now (another writer, a read-only file): every case.
  if (!kept) return urgentAgendaOfEveryCase(db, standards, now, tz, days);
  const overdue: RankedItem[] = [];
  const upcoming: RankedItem[] = [];
  const totals = { overdue: 0, upcoming: 0 };
  const place = (row: Item, group: number, index: number, count: boolean) => {
    const { item, list } = placeItem(row, now, tz, days);
    if (list === null) return;
    if (count) totals[list] += 1;
    (list === 'overdue' ? overdue : upcoming).push({ item, group, index });
  };
  const cached = dueCacheView(db, {
    now,
    windowEnd: dueWindow(now, tz, days).end,
    limit: DUE_LIMIT,
    exceptCompanies: fullFor,
  });
  totals.overdue += cached.overdue;
  totals.upcoming += cached.upcoming;
  // The cases named, read again: every row they have is in the lists (counted above), and
  // the first of each list are among them. Only the contacts their rows are written from.
  const named = listCases(db, { ids: cached.cases, openOnly: true });
  if (named.length > 0)
    for (const s of eachAgendaSnapshot(db, named, {
      scattered: true,
      needs: contactNeedsOf(named),
    }))
      caseItems(s, loadJurisdiction(s.case.jurisdiction), now, tz).forEach((row, i) =>
        place(row, 0, i, false),
      );
  // The cases of companies with standards: every row, counted here.
  if (fullFor.length > 0) {
    const held = listCases(db, { companies: fullFor, openOnly: true }).filter((c) => !isClosed(c));
    for (const s of eachSnapshot(db, held, { openOnly: true }))
      caseItems(
        s,
        loadJurisdiction(s.case.jurisdiction),
        now,
        tz,
        standards.get(s.case.company.id) ?? [],
      ).forEach((row, i) => place(row, 0, i, true));
  }
  return mostUrgent(overdue, upcoming, DUE_LIMIT, days, totals);
}

/** The last day of the window (YYYY-MM-DD) and the instant it ends. */
function dueWindow(now: Date, tz: string, days: number): { lastDay: string; end: Date } {
  const today = Date.parse(`${localDateOf(now, tz)}T00:00:00Z`);
  const lastDay = new Date(today + days * 86_400_000).toISOString().slice(0, 10);
  return { lastDay, end: endOfLocalDay(lastDay, tz) };
}

/**
 * The pending promises of the open cases outside `exceptCompanies`, counted into `totals` in
 * SQL, and the cases and ids of the first DUE_LIMIT of each list.
 */
function urgentPromises(
  db: Db,
  now: Date,
  windowEnd: Date,
  exceptCompanies: number[],
  totals: { overdue: number; upcoming: number },
): { cases: number[]; ids: Set<number> } {
  const found = promiseCandidates(db, { now, windowEnd, limit: DUE_LIMIT, exceptCompanies });
  totals.overdue += found.overdue;
  totals.upcoming += found.upcoming;
  return {
    cases: [...new Set(found.first.map((p) => p.caseId))],
    ids: new Set(found.first.map((p) => p.promiseId)),
  };
}

/**
 * `urgentAgenda` without the cache: every letter and clock of the open cases (from their few
 * dated contacts), every row of the cases whose company has standards, and of the pending
 * promises only those that can be among the first, each written from its case's whole snapshot.
 */
function urgentAgendaOfEveryCase(
  db: Db,
  standards: Map<number, ServiceStandard[]>,
  now: Date,
  tz: string,
  days: number,
): Agenda {
  const open = listCases(db, { openOnly: true }).filter((c) => !isClosed(c));
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
  // Letters and clocks of every open case; every row of a case held to its company's standards.
  for (const s of eachAgendaSnapshot(db, open, {
    fullFor,
    promises: false,
    needs: contactNeedsOf(open),
  })) {
    const own = standards.get(s.case.company.id) ?? [];
    caseItems(s, loadJurisdiction(s.case.jurisdiction), now, tz, own).forEach((row, i) =>
      place(row, own.length ? 0 : 1, i),
    );
  }
  // The promises of the other cases: counted in SQL, the first of each list written in full.
  const promises = urgentPromises(db, now, dueWindow(now, tz, days).end, [...fullFor], totals);
  const cases = new Set(promises.cases);
  const named = open.filter((c) => cases.has(c.id));
  // A few cases anywhere in the file: read by their ids, in a few indexed queries.
  for (const s of eachAgendaSnapshot(db, named, {
    scattered: true,
    needs: contactNeedsOf(named),
  }))
    caseItems(s, loadJurisdiction(s.case.jurisdiction), now, tz).forEach((row, i) => {
      if (row.promise && promises.ids.has(row.promise.id)) {
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
