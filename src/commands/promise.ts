import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { getPromise, setPromiseState } from '../db/agenda-repo.js';
import type { PromiseRecord } from '../domain/model.js';
import type { PromiseState } from '../domain/vocab.js';
import { PROMISE_STATES, labelOf } from '../domain/vocab.js';
import { MissingFlagsError, UsageError } from '../errors.js';
import { t, uiLocale } from '../i18n.js';
import { promiseView } from '../output/views.js';
import type { Act } from './shared.js';
import { examples, parseId } from './shared.js';

/** Flags of `complain promise`. */
export interface PromiseOptions {
  promiseArg: string;
  state: PromiseState | undefined;
  json: boolean;
}

export function toPromiseOptions(
  promiseArg: string,
  opts: Record<string, unknown>,
): PromiseOptions {
  const given = PROMISE_STATES.filter((s) => opts[s] === true);
  if (given.length > 1)
    throw new UsageError(
      t('agenda.promise.error.together', {
        flags: new Intl.ListFormat(uiLocale(), { type: 'conjunction' }).format(
          given.map((g) => `--${g}`),
        ),
      }),
      t('agenda.promise.error.together.hint'),
    );
  return { promiseArg, state: given[0], json: Boolean(opts.json) };
}

/** Records whether a promise was kept; on a terminal without a flag, asks. */
export async function runPromise(options: PromiseOptions, ctx: AppContext): Promise<PromiseRecord> {
  const db = ctx.db();
  const current = getPromise(db, parseId(options.promiseArg, 'promise'));
  let state = options.state;
  if (!state) {
    if (!ctx.interactive)
      throw new MissingFlagsError([t('agenda.promise.missing')], t('agenda.no-terminal'));
    const prompter = await ctx.prompter();
    state = await prompter.select<PromiseState>({
      message: t('agenda.promise.ask', { text: current.text }),
      choices: [
        { value: 'kept', name: labelOf('kept') },
        { value: 'broken', name: labelOf('broken') },
        { value: 'pending', name: t('agenda.promise.choice.pending') },
      ],
    });
  }
  setPromiseState(db, current.id, state, ctx.now());
  return getPromise(db, current.id);
}

export function printPromise(ctx: AppContext, options: PromiseOptions, p: PromiseRecord): void {
  if (options.json) ctx.print(JSON.stringify(promiseView(p, ctx.now()), null, 2));
  ctx.say(t('agenda.promise.saved', { id: String(p.id), text: p.text, state: p.state }));
}

export function registerPromise(program: Command, act: Act): void {
  program
    .command('promise')
    .argument('<promise>', t('agenda.promise.arg'))
    .description(t('agenda.promise.description'))
    .option('--kept', t('agenda.promise.opt.kept'))
    .option('--broken', t('agenda.promise.opt.broken'))
    .option('--pending', t('agenda.promise.opt.pending'))
    .option('--json', t('agenda.promise.opt.json'))
    .addHelpText('after', examples(t('agenda.promise.examples')))
    .action(async (promiseArg: string, opts: Record<string, unknown>, cmd: Command) => {
      const options = toPromiseOptions(promiseArg, opts);
      await act(cmd, 'promise', options, async (ctx) =>
        printPromise(ctx, options, await runPromise(options, ctx)),
      );
    });
}
