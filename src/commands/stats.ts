import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { eachSnapshot, listCaseExtras } from '../db/agenda-repo.js';
import { listCases } from '../db/case-repo.js';
import type { CompanyStats } from '../domain/stats.js';
import { companyStats } from '../domain/stats.js';
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

/** How each company handled its cases. */
export async function runStats(_options: StatsOptions, ctx: AppContext): Promise<CompanyStats[]> {
  const db = ctx.db();
  const { now, timeZone } = ctx.clock();
  const extras = listCaseExtras(db);
  function* cases() {
    for (const snapshot of eachSnapshot(db, listCases(db)))
      yield { snapshot, extras: extras.get(snapshot.case.id) ?? { sector: null, closure: null } };
  }
  return companyStats(cases(), now, timeZone);
}

export function printStats(ctx: AppContext, options: StatsOptions, stats: CompanyStats[]): void {
  if (options.json) {
    ctx.print(JSON.stringify(stats, null, 2));
    return;
  }
  if (stats.length === 0) {
    ctx.say('No cases yet: start one with `complain new`.');
    return;
  }
  const c = ctx.colorOut;
  ctx.stdout.write(
    renderTable(
      ['COMPANY', 'CASES', 'RESOLVED', 'MEDIAN DAYS', 'PROMISES KEPT/BROKEN', 'LETTERS', 'RATING'],
      stats.map((s) => [
        s.company,
        `${s.cases}${s.open ? ` (${s.open} open)` : ''}`,
        `${s.resolved}${s.abandoned ? `, ${s.abandoned} abandoned` : ''}${s.escalatedElsewhere ? `, ${s.escalatedElsewhere} elsewhere` : ''}`,
        s.medianDaysToResolution === null ? '—' : String(s.medianDaysToResolution),
        `${s.promisesKept}/${s.promisesBroken}${s.promisesBrokenByDefault ? ` (${s.promisesBrokenByDefault} by default)` : ''}`,
        `${s.lettersSent} in ${s.casesNeedingLetter} ${s.casesNeedingLetter === 1 ? 'case' : 'cases'}`,
        s.averageRating === null ? '—' : `${s.averageRating}/5`,
      ]),
      { header: (h) => c.bold(h) },
    ),
  );
}

export function registerStats(program: Command, act: Act): void {
  program
    .command('stats')
    .description(
      'by company: cases, median days to resolution, promises kept vs broken, letters needed',
    )
    .option('--json', 'print the figures as JSON')
    .addHelpText('after', examples(['complain stats', 'complain stats --json']))
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const options = toStatsOptions(opts);
      await act(cmd, 'stats', options, async (ctx) =>
        printStats(ctx, options, await runStats(options, ctx)),
      );
    });
}
