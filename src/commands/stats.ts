import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { eachSnapshot, listCaseExtras } from '../db/agenda-repo.js';
import { listCases } from '../db/case-repo.js';
import { standardsByCompany } from '../db/standard-repo.js';
import type { StandardCheck } from '../domain/standards.js';
import { checkStandards } from '../domain/standards.js';
import { loadJurisdiction } from '../templates.js';
import type { CompanyStats } from '../domain/stats.js';
import { companyStats } from '../domain/stats.js';
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

/** How each company handled its cases. */
export async function runStats(_options: StatsOptions, ctx: AppContext): Promise<CompanyStats[]> {
  const db = ctx.db();
  const { now, timeZone } = ctx.clock();
  const extras = listCaseExtras(db);
  const standards = standardsByCompany(db);
  function* cases() {
    for (const snapshot of eachSnapshot(db, listCases(db))) {
      const own = standards.get(snapshot.case.company.id) ?? [];
      const j = own.length ? loadJurisdiction(snapshot.case.jurisdiction) : null;
      yield {
        snapshot,
        extras: extras.get(snapshot.case.id) ?? { sector: null, closure: null },
        standards: j
          ? checkStandards(snapshot.contacts, own, j, now, timeZone)
          : ([] as StandardCheck[]),
      };
    }
  }
  return companyStats(cases(), now, timeZone);
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
        s.open ? t('agenda.stats.cases-open', { cases: s.cases, open: s.open }) : String(s.cases),
        [
          String(s.resolved),
          ...(s.abandoned ? [t('agenda.stats.abandoned', { count: s.abandoned })] : []),
          ...(s.escalatedElsewhere
            ? [t('agenda.stats.elsewhere', { count: s.escalatedElsewhere })]
            : []),
        ].join(', '),
        s.medianDaysToResolution === null ? '—' : String(s.medianDaysToResolution),
        s.promisesBrokenByDefault
          ? t('agenda.stats.promises-default', {
              kept: s.promisesKept,
              broken: s.promisesBroken,
              byDefault: s.promisesBrokenByDefault,
            })
          : `${s.promisesKept}/${s.promisesBroken}`,
        t('agenda.stats.letters', { letters: s.lettersSent, count: s.casesNeedingLetter }),
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
