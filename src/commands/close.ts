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
      message: `Did the remedy you asked for (${labelOf(k.remedy).toLowerCase()}) actually arrive?`,
      default: false,
    });
    raw.as = arrived
      ? 'resolved'
      : await p.select({
          message: 'Then how does it end?',
          choices: [
            { value: 'abandoned', name: 'I give up on it (abandoned)' },
            { value: 'escalated-elsewhere', name: 'It goes on elsewhere (court, regulator…)' },
          ],
        });
  }
  const today = localDateOf(ctx.now(), ctx.clock().timeZone);
  if (raw.as === 'resolved') {
    raw.received ??= await p.input({ message: 'What arrived?', default: labelOf(k.remedy) });
    raw.receivedOn ??= await p.input({ message: 'On which day?', default: today });
    if (!raw.amount && MONEY_REMEDIES.includes(k.remedy))
      raw.amount = await p.input({
        message: 'How much arrived?',
        ...(k.amount ? { default: formatMoneyPlain(k.amount) } : {}),
      });
  }
  if (raw.as === 'escalated-elsewhere')
    raw.to ??= await p.input({ message: 'Where did it go (body, file number)?', required: true });
  raw.rating ??= await p.select({
    message: 'How did the company handle it?',
    choices: ['1', '2', '3', '4', '5'].map((v) => ({
      value: v,
      name: `${v} — ${['very badly', 'badly', 'so-so', 'well', 'very well'][Number(v) - 1]}`,
    })),
  });
  return raw;
}

/** Ends a case honestly: resolved only when the remedy arrived. */
export async function runClose(options: CloseOptions, ctx: AppContext): Promise<CloseResult> {
  const db = ctx.db();
  const k = await resolveCase(ctx, options.caseArg, 'close');
  if (k.closedAt)
    throw new ComplainError(`case #${k.id} is already closed`, {
      hint: `reopen it first: complain edit ${k.id} --status open`,
    });
  let raw = options.raw;
  const missing = missingCloseFlags(raw, k.remedy);
  if (missing.length > 0) {
    if (!ctx.interactive) throw new MissingFlagsError(missing, 'no terminal to ask');
    raw = await askMissing(ctx, k, raw);
  }
  const plan = parseClosure(raw, k, ctx.clock());
  closeCase(db, k.id, plan.status, plan.closure, plan.outcome, ctx.now());
  return { case: getCase(db, k.id), extras: getCaseExtras(db, k.id) };
}

export function printClose(ctx: AppContext, options: CloseOptions, r: CloseResult): void {
  if (options.json)
    ctx.print(JSON.stringify({ ...caseFieldsView(r.case), ...caseExtrasView(r.extras) }, null, 2));
  ctx.say(ctx.color.green(`Closed case #${r.case.id}: ${r.case.outcome}.`));
}

export function registerClose(program: Command, act: Act): void {
  program
    .command('close')
    .argument('[case]', 'case number (default: the only open case)')
    .description(
      'end a case honestly: resolved only when the remedy arrived; else abandoned or escalated elsewhere',
    )
    .option('--as <outcome>', `how it ends: ${CLOSE_OUTCOMES.join(' | ')}`)
    .option('--received <what>', 'resolved: what arrived')
    .option('--received-on <date>', 'resolved: the day it arrived')
    .option(
      '--amount <money>',
      'resolved: how much arrived (refund, compensation, price reduction)',
    )
    .option('--to <where>', 'escalated elsewhere: the body and its file number')
    .option('--rating <1-5>', 'how the company handled it, 1 (very badly) to 5 (very well)')
    .option('--note <text>', 'a sentence to keep with the outcome')
    .option('--json', 'print the closed case as JSON')
    .addHelpText(
      'after',
      examples([
        'complain close 3',
        'complain close 3 --as resolved --received "full refund to my card" --received-on 2026-11-20 --amount "12.400 TL" --rating 2',
        'complain close 3 --as escalated-elsewhere --to "consumer court, file 2026/123" --rating 1',
        'complain close 3 --as abandoned --rating 1',
      ]),
    )
    .action(async (caseArg: string | undefined, opts: Record<string, unknown>, cmd: Command) => {
      const options = toCloseOptions(caseArg, opts);
      await act(cmd, 'close', options, async (ctx) =>
        printClose(ctx, options, await runClose(options, ctx)),
      );
    });
}
