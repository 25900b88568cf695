import type { Command } from 'commander';
import type { Act } from './shared.js';
import { examples } from './shared.js';

export function registerPath(program: Command, act: Act): void {
  program
    .command('path')
    .description('print where your data lives (the data dir, the database, the evidence store)')
    .option('--json', 'print the paths as JSON')
    .addHelpText(
      'after',
      examples([
        'complain path',
        'cp "$(complain path --db)" ~/complain-copy.db  # with complain not running',
        'complain path --json',
      ]),
    )
    .option('--db', 'print the database file only')
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const options = { json: Boolean(opts.json), db: Boolean(opts.db) };
      await act(cmd, 'path', options, async (ctx) => {
        const { dataDir, dbFile, evidenceDir, source } = ctx.paths;
        if (options.json)
          ctx.print(JSON.stringify({ dataDir, dbFile, evidenceDir, source }, null, 2));
        else ctx.print(options.db ? dbFile : dataDir);
      });
    });
}
