import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import type { LetterRecord } from '../db/letter-repo.js';
import { getLetter, listLetters, recordSending } from '../db/letter-repo.js';
import { localDateOf, parseLocalDate } from '../domain/dates.js';
import { sanitizeText } from '../domain/text.js';
import type { CaseRecord } from '../domain/model.js';
import { isOneOf, labelOf, SENDING_METHODS } from '../domain/vocab.js';
import { NotFoundError, UsageError, ValidationError } from '../errors.js';
import { deadlineDate, parseDeadlineSpec } from '../letter/deadline.js';
import { formatDate } from '../output/format.js';
import { letterRecordView } from '../output/letter-views.js';
import { loadJurisdiction } from '../templates.js';
import type { Act } from './shared.js';
import { examples, parseId, resolveCase } from './shared.js';

/** Flags of `complain sent`. */
export interface SentOptions {
  caseArg: string | undefined;
  via: string | undefined;
  tracking: string | undefined;
  on: string | undefined;
  delivered: string | undefined;
  letterId: number | undefined;
  json: boolean;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

export function toSentOptions(
  caseArg: string | undefined,
  opts: Record<string, unknown>,
): SentOptions {
  const via = str(opts.via)?.toLowerCase();
  if (via !== undefined && !isOneOf(SENDING_METHODS, via))
    throw new UsageError(
      `--via "${via}" is not a sending method`,
      `use ${SENDING_METHODS.join(' | ')}`,
    );
  const letter = str(opts.letter);
  return {
    caseArg,
    via,
    tracking: str(opts.tracking),
    on: str(opts.on),
    delivered: str(opts.delivered),
    letterId: letter === undefined ? undefined : parseId(letter, 'letter'),
    json: Boolean(opts.json),
  };
}

/** What `complain sent` recorded. */
export interface SentResult {
  caseRecord: CaseRecord;
  letter: LetterRecord;
  /** The deadline moved to count from the delivery date. */
  deadlineMoved: boolean;
}

/**
 * Records how and when a letter left (and arrived). Once delivered, a deadline given as a period
 * counts again from the delivery date.
 */
export async function runSent(options: SentOptions, ctx: AppContext): Promise<SentResult> {
  const caseRecord = await resolveCase(ctx, options.caseArg, 'sent');
  const db = ctx.db();
  let letter: LetterRecord | undefined;
  if (options.letterId !== undefined) {
    letter = getLetter(db, options.letterId);
    if (letter.caseId !== caseRecord.id)
      throw new NotFoundError(
        `letter #${letter.id} belongs to case #${letter.caseId}, not #${caseRecord.id}`,
        `run: complain sent ${letter.caseId} --letter ${letter.id}`,
      );
  } else {
    letter = listLetters(db, caseRecord.id).at(-1);
  }
  if (!letter)
    throw new NotFoundError(
      `case #${caseRecord.id} has no exported letter`,
      `export it first: complain letter ${caseRecord.id} -o letter.docx`,
    );
  const clock = ctx.clock();
  const today = localDateOf(clock.now, clock.timeZone);
  const sentOn = options.on ? parseLocalDate(options.on, '--on', clock) : (letter.sentOn ?? today);
  const deliveredOn = options.delivered
    ? parseLocalDate(options.delivered, '--delivered', clock)
    : letter.deliveredOn;
  if (sentOn > today)
    throw new ValidationError('on', `--on ${sentOn} is in the future`, 'give the day it left');
  if (deliveredOn && deliveredOn < sentOn)
    throw new ValidationError(
      'delivered',
      `--delivered ${deliveredOn} is before the day it was sent (${sentOn})`,
      'check both dates',
    );
  if (deliveredOn && deliveredOn > today)
    throw new ValidationError(
      'delivered',
      `--delivered ${deliveredOn} is in the future`,
      'give the day it arrived',
    );
  const written = localDateOf(letter.createdAt, clock.timeZone);
  if (sentOn < written)
    ctx.say(
      ctx.color.yellow(
        `Note: --on ${sentOn} is before letter #${letter.id} was written (${written}); recorded as given.`,
      ),
    );
  let deadlineOn = letter.deadlineOn;
  let deadlineFrom = letter.deadlineFrom;
  const spec = letter.deadlineSpec ? parseDeadlineSpec(letter.deadlineSpec) : undefined;
  if (deliveredOn && spec?.kind === 'period') {
    deadlineOn = deadlineDate(spec, deliveredOn, loadJurisdiction(caseRecord.jurisdiction));
    deadlineFrom = deliveredOn;
  }
  recordSending(
    db,
    letter.id,
    {
      sentOn,
      sentVia: options.via ?? letter.sentVia ?? letter.sendMethod,
      tracking: options.tracking ? sanitizeText(options.tracking) : letter.tracking,
      deliveredOn: deliveredOn ?? null,
      deadlineOn,
      deadlineFrom,
    },
    ctx.now(),
  );
  return {
    caseRecord,
    letter: getLetter(db, letter.id),
    deadlineMoved: deadlineOn !== letter.deadlineOn,
  };
}

export function printSent(ctx: AppContext, options: SentOptions, result: SentResult): void {
  const l = result.letter;
  if (options.json) ctx.print(JSON.stringify(letterRecordView(l), null, 2));
  else ctx.print(String(l.id));
  const parts = [
    `Letter #${l.id} sent${l.sentVia ? ` by ${labelOf(l.sentVia).toLowerCase()}` : ''} on ${formatDate(l.sentOn!)}`,
    l.tracking ? ` (tracking ${l.tracking})` : '',
    l.deliveredOn ? `, delivered ${formatDate(l.deliveredOn)}` : '',
    `: their answer is due ${formatDate(l.deadlineOn)}`,
    result.deadlineMoved ? ' (counted from the delivery)' : '',
    '.',
  ];
  ctx.say(ctx.color.green(parts.join('')));
  if (!l.deliveredOn)
    ctx.say(`When the return receipt comes back: complain sent ${l.caseId} --delivered <date>`);
}

export function registerSent(program: Command, act: Act): void {
  program
    .command('sent')
    .argument('[case]', 'case number (default: the only open case, or you pick one)')
    .description('record how and when the letter left, and when it arrived')
    .option('--via <method>', `how: ${SENDING_METHODS.join(' | ')} (default: as planned)`)
    .option('--tracking <number>', 'the tracking or receipt number')
    .option('--on <date>', 'the day it left (default: today)')
    .option('--delivered <date>', 'the day it arrived: the answer deadline counts from it')
    .option('--letter <id>', 'which letter (default: the latest of the case)')
    .option('--json', 'print the letter record as JSON')
    .addHelpText(
      'after',
      examples([
        'complain sent 3 --via certified-mail --tracking RR123456789US --on 2026-11-20',
        'complain sent 3 --delivered 2026-11-24',
      ]),
    )
    .action(async (caseArg: string | undefined, opts: Record<string, unknown>, cmd: Command) => {
      const options = toSentOptions(caseArg, opts);
      await act(cmd, 'sent', options, async (ctx) =>
        printSent(ctx, options, await runSent(options, ctx)),
      );
    });
}
