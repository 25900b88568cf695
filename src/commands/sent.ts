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
import { t, uiLocale } from '../i18n.js';

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
      t('letter.sent.viaInvalid', { method: via }),
      t('letter.sent.viaHint', { options: SENDING_METHODS.join(' | ') }),
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
        t('letter.sent.otherCase', {
          id: String(letter.id),
          caseId: String(letter.caseId),
          given: String(caseRecord.id),
        }),
        t('letter.sent.otherCaseHint', { caseId: String(letter.caseId), id: String(letter.id) }),
      );
  } else {
    letter = listLetters(db, caseRecord.id).at(-1);
  }
  if (!letter)
    throw new NotFoundError(
      t('letter.sent.noLetter', { caseId: String(caseRecord.id) }),
      t('letter.sent.noLetterHint', { caseId: String(caseRecord.id) }),
    );
  const clock = ctx.clock();
  const today = localDateOf(clock.now, clock.timeZone);
  const sentOn = options.on ? parseLocalDate(options.on, '--on', clock) : (letter.sentOn ?? today);
  const deliveredOn = options.delivered
    ? parseLocalDate(options.delivered, '--delivered', clock)
    : letter.deliveredOn;
  if (sentOn > today)
    throw new ValidationError(
      'on',
      t('letter.sent.onFuture', { date: sentOn }),
      t('letter.sent.onFutureHint'),
    );
  if (deliveredOn && deliveredOn < sentOn)
    throw new ValidationError(
      'delivered',
      t('letter.sent.deliveredBeforeSent', { delivered: deliveredOn, sent: sentOn }),
      t('letter.sent.deliveredBeforeSentHint'),
    );
  if (deliveredOn && deliveredOn > today)
    throw new ValidationError(
      'delivered',
      t('letter.sent.deliveredFuture', { date: deliveredOn }),
      t('letter.sent.deliveredFutureHint'),
    );
  const written = localDateOf(letter.createdAt, clock.timeZone);
  if (sentOn < written)
    ctx.say(
      ctx.color.yellow(
        t('letter.sent.beforeWritten', { sent: sentOn, id: String(letter.id), written }),
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
  ctx.say(
    ctx.color.green(
      t('letter.sent.done', {
        id: String(l.id),
        hasVia: l.sentVia ? 'yes' : 'no',
        via: l.sentVia ? labelOf(l.sentVia).toLocaleLowerCase(uiLocale()) : '',
        sent: formatDate(l.sentOn!),
        hasTracking: l.tracking ? 'yes' : 'no',
        tracking: l.tracking ?? '',
        hasDelivered: l.deliveredOn ? 'yes' : 'no',
        delivered: l.deliveredOn ? formatDate(l.deliveredOn) : '',
        due: formatDate(l.deadlineOn),
        moved: result.deadlineMoved ? 'yes' : 'no',
      }),
    ),
  );
  if (!l.deliveredOn) ctx.say(t('letter.sent.receiptHint', { caseId: String(l.caseId) }));
}

export function registerSent(program: Command, act: Act): void {
  program
    .command('sent')
    .argument('[case]', t('letter.sent.help.case'))
    .description(t('letter.sent.help.description'))
    .option('--via <method>', t('letter.sent.help.via', { options: SENDING_METHODS.join(' | ') }))
    .option('--tracking <number>', t('letter.sent.help.tracking'))
    .option('--on <date>', t('letter.sent.help.on'))
    .option('--delivered <date>', t('letter.sent.help.delivered'))
    .option('--letter <id>', t('letter.sent.help.letter'))
    .option('--json', t('letter.sent.help.json'))
    .addHelpText('after', examples(t('letter.sent.help.examples')))
    .action(async (caseArg: string | undefined, opts: Record<string, unknown>, cmd: Command) => {
      const options = toSentOptions(caseArg, opts);
      await act(cmd, 'sent', options, async (ctx) =>
        printSent(ctx, options, await runSent(options, ctx)),
      );
    });
}
