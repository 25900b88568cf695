import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { listCases } from '../db/case-repo.js';
import type { CaseActivity } from '../db/contact-repo.js';
import { listCaseActivity } from '../db/contact-repo.js';
import type { CaseRecord } from '../domain/model.js';
import { CASE_STATUSES } from '../domain/vocab.js';
import { renderCaseList } from '../output/format.js';
import { caseListItemView, lastActivity } from '../output/views.js';
import type { Act } from './shared.js';
import { examples } from './shared.js';
import { parseChoice } from '../domain/contact-fields.js';
import { t } from '../i18n.js';

/** Flags of `complain list`. */
export interface ListOptions {
  status: string | undefined;
  json: boolean;
}

/** The cases, newest activity first, with what `list` shows of each. */
export interface ListResult {
  cases: CaseRecord[];
  activity: Map<number, CaseActivity>;
}

export function toListOptions(opts: Record<string, unknown>): ListOptions {
  return {
    status: typeof opts.status === 'string' ? opts.status : undefined,
    json: Boolean(opts.json),
  };
}

export async function runList(options: ListOptions, ctx: AppContext): Promise<ListResult> {
  const status = options.status ? parseChoice('status', CASE_STATUSES, options.status) : undefined;
  const db = ctx.db();
  const activity = listCaseActivity(db);
  const cases = listCases(db)
    .filter((c) => !status || c.status === status)
    .sort(
      (a, b) =>
        lastActivity(b, activity.get(b.id)).getTime() -
          lastActivity(a, activity.get(a.id)).getTime() || b.id - a.id,
    );
  return { cases, activity };
}

export function printList(ctx: AppContext, options: ListOptions, result: ListResult): void {
  const now = ctx.now();
  if (options.json) {
    ctx.print(
      JSON.stringify(
        result.cases.map((c) => caseListItemView(c, result.activity.get(c.id), now)),
        null,
        2,
      ),
    );
    return;
  }
  if (result.cases.length === 0) {
    ctx.say(
      options.status
        ? t('case.list.noneWithStatus', { status: options.status })
        : t('case.list.none'),
    );
    return;
  }
  ctx.stdout.write(
    renderCaseList(result.cases, result.activity, now, ctx.clock().timeZone, ctx.colorOut),
  );
}

export function registerList(program: Command, act: Act): void {
  program
    .command('list')
    .alias('ls')
    .description(t('case.list.description'))
    .option('--status <status>', t('case.list.opt.status', { values: CASE_STATUSES.join(' | ') }))
    .option('--json', t('case.list.opt.json'))
    .addHelpText('after', examples(t('case.list.examples')))
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const options = toListOptions(opts);
      await act(cmd, 'list', options, async (ctx) =>
        printList(ctx, options, await runList(options, ctx)),
      );
    });
}
