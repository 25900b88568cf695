import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { listCases } from '../db/case-repo.js';
import type { CaseActivity } from '../db/contact-repo.js';
import { listCaseActivity } from '../db/contact-repo.js';
import { listAttention } from '../db/list-repo.js';
import type { CaseRecord } from '../domain/model.js';
import { CASE_STATUSES } from '../domain/vocab.js';
import { isClosed } from '../domain/closure.js';
import { searchKey } from '../domain/text.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n.js';
import { renderCaseList } from '../output/format.js';
import { caseListItemView, lastActivity } from '../output/views.js';
import type { Act } from './shared.js';
import { examples } from './shared.js';
import { parseChoice } from '../domain/contact-fields.js';

/** Flags of `complain list`. */
export interface ListOptions {
  status: string | undefined;
  /** Part of the company's name (case- and accent-insensitive as the company search is). */
  company: string | undefined;
  /** At most this many cases; on the terminal, 20 of the open ones unless a flag says otherwise. */
  limit: number | undefined;
  all: boolean;
  json: boolean;
}

/** How many open cases the terminal view shows when no flag chooses. */
export const ATTENTION_LIMIT = 20;

/** The cases `list` shows, with what it shows of each, and how many it left out. */
export interface ListResult {
  cases: CaseRecord[];
  activity: Map<number, CaseActivity>;
  /** Cases that match but were not shown (the terminal view's limit). */
  more: number;
  /** The terminal view of the open cases that need attention (no flag chose the cases). */
  attention: boolean;
  /** Every case in the file, closed ones included. */
  total: number;
}

export function toListOptions(opts: Record<string, unknown>): ListOptions {
  let limit: number | undefined;
  if (typeof opts.limit === 'string') {
    if (!/^\d{1,6}$/.test(opts.limit.trim()) || Number(opts.limit) === 0)
      throw new UsageError(
        t('commands.list.badLimit', { value: opts.limit }),
        t('commands.list.badLimitHint'),
      );
    limit = Number(opts.limit);
  }
  return {
    status: typeof opts.status === 'string' ? opts.status : undefined,
    company: typeof opts.company === 'string' ? opts.company : undefined,
    limit,
    all: Boolean(opts.all),
    json: Boolean(opts.json),
  };
}

/**
 * `--json`, `--all`, `--status` and `--company`: the matching cases, newest activity first (the
 * JSON contract). Otherwise, on the terminal: the open cases, the most pressing first — an
 * overdue promise, then the next promise due soonest, then the newest activity.
 */
export async function runList(options: ListOptions, ctx: AppContext): Promise<ListResult> {
  const status = options.status ? parseChoice('status', CASE_STATUSES, options.status) : undefined;
  const company = options.company ? searchKey(options.company) : undefined;
  const db = ctx.db();
  const attention = !options.json && !options.all && !status && !company;
  if (attention) {
    // The terminal view reads only the cases it shows.
    const found = listAttention(db, options.limit ?? ATTENTION_LIMIT);
    return {
      cases: found.cases,
      activity: found.activity,
      more: found.open - found.cases.length,
      attention,
      total: found.total,
    };
  }
  const activity = listCaseActivity(db);
  const everyCase = listCases(db);
  // A closed case has nothing due, whatever promise was still pending when it ended.
  for (const c of everyCase) {
    const a = activity.get(c.id);
    if (a && isClosed(c)) activity.set(c.id, { ...a, nextPromise: null });
  }
  const newest = (a: CaseRecord, b: CaseRecord) =>
    lastActivity(b, activity.get(b.id)).getTime() - lastActivity(a, activity.get(a.id)).getTime() ||
    b.id - a.id;
  let cases = everyCase.filter(
    (c) =>
      (!status || c.status === status) && (!company || searchKey(c.company.name).includes(company)),
  );
  cases.sort(newest);
  const limit = options.limit;
  const more = limit === undefined ? 0 : Math.max(0, cases.length - limit);
  if (limit !== undefined) cases = cases.slice(0, limit);
  return { cases, activity, more, attention, total: everyCase.length };
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
        : options.company
          ? t('commands.list.noCompany', { company: options.company })
          : result.attention && result.total > 0
            ? t('commands.list.noneOpen')
            : t('case.list.none'),
    );
    return;
  }
  ctx.stdout.write(
    renderCaseList(result.cases, result.activity, now, ctx.clock().timeZone, ctx.colorOut),
  );
  if (result.more > 0) ctx.say(t('commands.list.more', { count: result.more }));
}

export function registerList(program: Command, act: Act): void {
  program
    .command('list')
    .alias('ls')
    .description(t('case.list.description'))
    .option('--status <status>', t('case.list.opt.status', { values: CASE_STATUSES.join(' | ') }))
    .option('--company <name>', t('commands.list.optCompany'))
    .option('--limit <n>', t('commands.list.optLimit'))
    .option('--all', t('commands.list.optAll'))
    .option('--json', t('case.list.opt.json'))
    .addHelpText('after', examples(t('case.list.examples')))
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const options = toListOptions(opts);
      await act(cmd, 'list', options, async (ctx) =>
        printList(ctx, options, await runList(options, ctx)),
      );
    });
}
