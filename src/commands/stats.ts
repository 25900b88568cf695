import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { eachSnapshot } from '../db/agenda-repo.js';
import { companyTallies, resolvedCases, useOnePassCache } from '../db/stats-repo.js';
import { keptResolvedCases, keptTallies, refreshStatsCache } from '../db/stats-cache.js';
import { listCases } from '../db/case-repo.js';
import { standardsByCompany } from '../db/standard-repo.js';
import { checkStandards } from '../domain/standards.js';
import { loadJurisdiction } from '../templates.js';
import type { CompanyStats } from '../domain/stats.js';
import { statsFromCounts } from '../domain/stats.js';
import { t } from '../i18n.js';
import { renderTable } from '../output/format.js';
import type { Act } from './shared.js';
import { examples } from './shared.js';

/** Flags of `complain stats`. */
export interface StatsOptions {
  json: boolean;
}

export function toStatsOptions(opts: Record<string, unknown>): StatsOptions {
  return { json: Boolean(opts.json) };
}

/**
 * How each company handled its cases: from the counts kept per case (or counted in SQL over the
 * whole file); only the cases of a company with service standards are read contact by contact
 * (each contact is checked).
 */
export async function runStats(_options: StatsOptions, ctx: AppContext): Promise<CompanyStats[]> {
  const db = ctx.db();
  useOnePassCache(db);
  const { now, timeZone } = ctx.clock();
  const standards = standardsByCompany(db);
  const checked = new Map<number, { kept: number; missed: number }>();
  if (standards.size > 0) {
    const ofThem = listCases(db).filter((c) => standards.has(c.company.id));
    for (const snapshot of eachSnapshot(db, ofThem)) {
      const own = standards.get(snapshot.case.company.id)!;
      const j = loadJurisdiction(snapshot.case.jurisdiction);
      const tally = checked.get(snapshot.case.company.id) ?? { kept: 0, missed: 0 };
      for (const check of checkStandards(snapshot.contacts, own, j, now, timeZone)) {
        if (check.state === 'kept') tally.kept += 1;
        else if (check.state === 'missed') tally.missed += 1;
      }
      checked.set(snapshot.case.company.id, tally);
    }
  }
  // The counts kept per case, brought up to date first (the cases changed since the last run);
  // the whole file when they cannot be now (another writer, a read-only file).
  const kept = refreshStatsCache(db);
  return statsFromCounts(
    kept ? keptTallies(db, now) : companyTallies(db, now),
    kept ? keptResolvedCases(db) : resolvedCases(db),
    checked,
    timeZone,
  );
}

export function printStats(ctx: AppContext, options: StatsOptions, stats: CompanyStats[]): void {
  if (options.json) {
    ctx.print(JSON.stringify(stats, null, 2));
    return;
  }
  if (stats.length === 0) {
    ctx.say(t('agenda.stats.none'));
    return;
  }
  const c = ctx.colorOut;
  // Hundreds of companies share a few counts: each cell's sentence is formatted once.
  const cells = new Map<string, string>();
  const cell = (key: string, params: Record<string, number>) => {
    const id = `${key}\u0000${Object.values(params).join('/')}`;
    let text = cells.get(id);
    if (text === undefined) {
      text = t(key, params);
      cells.set(id, text);
    }
    return text;
  };
  ctx.stdout.write(
    renderTable(
      [
        t('agenda.stats.col.company'),
        t('agenda.stats.col.cases'),
        t('agenda.stats.col.resolved'),
        t('agenda.stats.col.median'),
        t('agenda.stats.col.promises'),
        t('agenda.stats.col.letters'),
        t('agenda.stats.col.standards'),
        t('agenda.stats.col.rating'),
      ],
      stats.map((s) => [
        s.company,
        s.open
          ? cell('agenda.stats.cases-open', { cases: s.cases, open: s.open })
          : String(s.cases),
        [
          String(s.resolved),
          ...(s.abandoned ? [cell('agenda.stats.abandoned', { count: s.abandoned })] : []),
          ...(s.escalatedElsewhere
            ? [cell('agenda.stats.elsewhere', { count: s.escalatedElsewhere })]
            : []),
        ].join(', '),
        s.medianDaysToResolution === null ? '—' : String(s.medianDaysToResolution),
        s.promisesBrokenByDefault
          ? cell('agenda.stats.promises-default', {
              kept: s.promisesKept,
              broken: s.promisesBroken,
              byDefault: s.promisesBrokenByDefault,
            })
          : `${s.promisesKept}/${s.promisesBroken}`,
        cell('agenda.stats.letters', { letters: s.lettersSent, count: s.casesNeedingLetter }),
        s.standardsKept + s.standardsMissed ? `${s.standardsKept}/${s.standardsMissed}` : '—',
        s.averageRating === null ? '—' : `${s.averageRating}/5`,
      ]),
      { header: (h) => c.bold(h) },
    ),
  );
}

export function registerStats(program: Command, act: Act): void {
  program
    .command('stats')
    .description(t('agenda.stats.description'))
    .option('--json', t('agenda.stats.opt.json'))
    .addHelpText('after', examples(t('agenda.stats.examples')))
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const options = toStatsOptions(opts);
      await act(cmd, 'stats', options, async (ctx) =>
        printStats(ctx, options, await runStats(options, ctx)),
      );
    });
}
