import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import type { Act } from './shared.js';
import { examples } from './shared.js';
import { t } from '../i18n.js';

export function registerPath(program: Command, act: Act): void {
  program
    .command('path')
    .description(t('case.path.description'))
    .option('--json', t('case.path.opt.json'))
    .addHelpText('after', examples(t('case.path.examples')))
    .option('--db', t('case.path.opt.db'))
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const options = { json: Boolean(opts.json), db: Boolean(opts.db) };
      await act(cmd, 'path', options, async (ctx) => printPath(ctx, options));
    });
}

/** Data only: the paths come from the context, there is nothing to run. */
export function printPath(ctx: AppContext, options: { json: boolean; db: boolean }): void {
  const { dataDir, dbFile, evidenceDir, source } = ctx.paths;
  if (options.json) ctx.print(JSON.stringify({ dataDir, dbFile, evidenceDir, source }, null, 2));
  else ctx.print(options.db ? dbFile : dataDir);
}
