import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { getPromise, setPromiseState } from '../db/agenda-repo.js';
import type { PromiseRecord } from '../domain/model.js';
import type { PromiseState } from '../domain/vocab.js';
import { PROMISE_STATES, labelOf } from '../domain/vocab.js';
import { MissingFlagsError, UsageError } from '../errors.js';
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
      `--${given.join(' and --')} together`,
      'give one: --kept, --broken, or --pending to undo',
    );
  return { promiseArg, state: given[0], json: Boolean(opts.json) };
}

/** Records whether a promise was kept; on a terminal without a flag, asks. */
export async function runPromise(options: PromiseOptions, ctx: AppContext): Promise<PromiseRecord> {
  const db = ctx.db();
  const current = getPromise(db, parseId(options.promiseArg, 'promise'));
  let state = options.state;
  if (!state) {
    if (!ctx.interactive) throw new MissingFlagsError(['--kept or --broken'], 'no terminal to ask');
    const prompter = await ctx.prompter();
    state = await prompter.select<PromiseState>({
      message: `"${current.text}": did they keep it?`,
      choices: [
        { value: 'kept', name: 'Kept' },
        { value: 'broken', name: 'Broken' },
        { value: 'pending', name: 'Not yet known (pending)' },
      ],
    });
  }
  setPromiseState(db, current.id, state, ctx.now());
  return getPromise(db, current.id);
}

export function printPromise(ctx: AppContext, options: PromiseOptions, p: PromiseRecord): void {
  if (options.json) ctx.print(JSON.stringify(promiseView(p, ctx.now()), null, 2));
  ctx.say(`Promise #${p.id} "${p.text}": ${labelOf(p.state).toLowerCase()}.`);
}

export function registerPromise(program: Command, act: Act): void {
  program
    .command('promise')
    .argument('<promise>', 'promise number (see `complain due` or `complain show <case>`)')
    .description('say whether the company kept a promise')
    .option('--kept', 'they did what they promised')
    .option('--broken', 'they did not')
    .option('--pending', 'undo: not known yet')
    .option('--json', 'print the promise as JSON')
    .addHelpText(
      'after',
      examples(['complain promise 4 --kept', 'complain promise 5 --broken', 'complain promise 5']),
    )
    .action(async (promiseArg: string, opts: Record<string, unknown>, cmd: Command) => {
      const options = toPromiseOptions(promiseArg, opts);
      await act(cmd, 'promise', options, async (ctx) =>
        printPromise(ctx, options, await runPromise(options, ctx)),
      );
    });
}
