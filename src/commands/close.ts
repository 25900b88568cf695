import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { closeCase, getCaseExtras } from '../db/agenda-repo.js';
import { getCase } from '../db/case-repo.js';
import type { RawClosure } from '../domain/closure.js';
import { missingCloseFlags, parseClosure } from '../domain/closure.js';
import { MONEY_REMEDIES } from '../domain/vocab.js';
import { localDateOf } from '../domain/dates.js';
import type { CaseRecord } from '../domain/model.js';
import { formatMoneyPlain } from '../domain/money.js';
import type { CaseExtras } from '../domain/closure.js';
import { CLOSE_OUTCOMES, labelOf } from '../domain/vocab.js';
import { ComplainError, MissingFlagsError } from '../errors.js';
import { t, uiLocale } from '../i18n.js';
import { caseExtrasView } from '../output/agenda-views.js';
import { caseFieldsView } from '../output/views.js';
import type { Act } from './shared.js';
import { examples, resolveCase } from './shared.js';

/** Flags of `complain close`. */
export interface CloseOptions {
  caseArg: string | undefined;
  raw: RawClosure;
  json: boolean;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function toCloseOptions(
  caseArg: string | undefined,
  opts: Record<string, unknown>,
): CloseOptions {
  return {
    caseArg,
    raw: {
      as: str(opts.as),
      received: str(opts.received),
      receivedOn: str(opts.receivedOn),
      amount: str(opts.amount),
      to: str(opts.to),
      rating: str(opts.rating),
      note: str(opts.note),
    },
    json: Boolean(opts.json),
  };
}

/** The closed case. */
export interface CloseResult {
  case: CaseRecord;
  extras: CaseExtras;
}

async function askMissing(ctx: AppContext, k: CaseRecord, given: RawClosure): Promise<RawClosure> {
  const p = await ctx.prompter();
  const raw = { ...given };
  if (!raw.as) {
    const arrived = await p.confirm({
      message: t('agenda.close.ask.arrived', {
        remedy: labelOf(k.remedy).toLocaleLowerCase(uiLocale()),
      }),
      default: false,
    });
    raw.as = arrived
      ? 'resolved'
      : await p.select({
          message: t('agenda.close.ask.how'),
          choices: [
            { value: 'abandoned', name: t('agenda.close.choice.abandoned') },
            { value: 'escalated-elsewhere', name: t('agenda.close.choice.elsewhere') },
          ],
        });
  }
  const today = localDateOf(ctx.now(), ctx.clock().timeZone);
  if (raw.as === 'resolved') {
    raw.received ??= await p.input({
      message: t('agenda.close.ask.received'),
      default: labelOf(k.remedy),
    });
    raw.receivedOn ??= await p.input({
      message: t('agenda.close.ask.received-on'),
      default: today,
    });
    if (!raw.amount && MONEY_REMEDIES.includes(k.remedy))
      raw.amount = await p.input({
        message: t('agenda.close.ask.amount'),
        ...(k.amount ? { default: formatMoneyPlain(k.amount) } : {}),
      });
  }
  if (raw.as === 'escalated-elsewhere')
    raw.to ??= await p.input({ message: t('agenda.close.ask.to'), required: true });
  raw.rating ??= await p.select({
    message: t('agenda.close.ask.rating'),
    choices: ['1', '2', '3', '4', '5'].map((v) => ({
      value: v,
      name: t('agenda.close.rating', { value: v }),
    })),
  });
  return raw;
}

/** Ends a case honestly: resolved only when the remedy arrived. */
export async function runClose(options: CloseOptions, ctx: AppContext): Promise<CloseResult> {
  const db = ctx.db();
  const k = await resolveCase(ctx, options.caseArg, 'close');
  if (k.closedAt)
    throw new ComplainError(t('agenda.close.error.closed', { id: String(k.id) }), {
      hint: t('agenda.close.error.closed.hint', { id: String(k.id) }),
    });
  let raw = options.raw;
  const missing = missingCloseFlags(raw, k.remedy);
  if (missing.length > 0) {
    if (!ctx.interactive) throw new MissingFlagsError(missing, t('agenda.no-terminal'));
    raw = await askMissing(ctx, k, raw);
  }
  const plan = parseClosure(raw, k, ctx.clock());
  closeCase(db, k.id, plan.status, plan.closure, plan.outcome, ctx.now());
  return { case: getCase(db, k.id), extras: getCaseExtras(db, k.id) };
}

export function printClose(ctx: AppContext, options: CloseOptions, r: CloseResult): void {
  if (options.json)
    ctx.print(JSON.stringify({ ...caseFieldsView(r.case), ...caseExtrasView(r.extras) }, null, 2));
  ctx.say(
    ctx.color.green(
      t('agenda.close.done', { id: String(r.case.id), outcome: r.case.outcome ?? '' }),
    ),
  );
}

export function registerClose(program: Command, act: Act): void {
  program
    .command('close')
    .argument('[case]', t('agenda.arg.case-default'))
    .description(t('agenda.close.description'))
    .option('--as <outcome>', t('agenda.close.opt.as', { list: CLOSE_OUTCOMES.join(' | ') }))
    .option('--received <what>', t('agenda.close.opt.received'))
    .option('--received-on <date>', t('agenda.close.opt.received-on'))
    .option('--amount <money>', t('agenda.close.opt.amount'))
    .option('--to <where>', t('agenda.close.opt.to'))
    .option('--rating <1-5>', t('agenda.close.opt.rating'))
    .option('--note <text>', t('agenda.close.opt.note'))
    .option('--json', t('agenda.close.opt.json'))
    .addHelpText('after', examples(t('agenda.close.examples')))
    .action(async (caseArg: string | undefined, opts: Record<string, unknown>, cmd: Command) => {
      const options = toCloseOptions(caseArg, opts);
      await act(cmd, 'close', options, async (ctx) =>
        printClose(ctx, options, await runClose(options, ctx)),
      );
    });
}
