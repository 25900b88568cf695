import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { createContact, getContact } from '../db/contact-repo.js';
import type { RawContact } from '../domain/contact-fields.js';
import { escalationChannel, parseContact } from '../domain/contact-fields.js';
import type { CaseRecord, ContactRecord } from '../domain/model.js';
import {
  CHANNELS,
  ESCALATION_KINDS,
  OUTCOMES,
  REFERENCE_CHANNELS,
  SUPERVISOR,
  isOneOf,
} from '../domain/vocab.js';
import { MissingFlagsError, UsageError } from '../errors.js';
import { loadSnapshot, recordCaseFacts } from '../db/agenda-repo.js';
import type { CaseSnapshot } from '../domain/clocks.js';
import { localDateOf } from '../domain/dates.js';
import type { Jurisdiction } from '../domain/jurisdiction-rules.js';
import { supplyOf } from '../domain/rights.js';
import { t } from '../i18n.js';
import { contactView } from '../output/views.js';
import { loadJurisdiction } from '../templates.js';
import type { LogGiven } from '../prompts/log-wizard.js';
import { askContact } from '../prompts/log-wizard.js';
import type { Act } from './shared.js';
import { collect, examples, resolveCase } from './shared.js';

/** Flags of `complain log`, as typed. */
export interface LogOptions {
  caseArg: string | undefined;
  given: LogGiven;
  json: boolean;
  yes: boolean;
  /** --exercises: the right this contact exercised (recorded as `clock --rejected` does). */
  exercises?: RightExercise;
}

/** What a contact can exercise: a rejection of the goods, a request for their repair. */
export const RIGHT_EXERCISES = ['rejected', 'repair-requested'] as const;
export type RightExercise = (typeof RIGHT_EXERCISES)[number];

/** The remedies for which each exercise matters. */
const EXERCISE_REMEDIES: Record<RightExercise, readonly string[]> = {
  rejected: ['refund', 'replacement'],
  'repair-requested': ['repair', 'replacement'],
};

/**
 * What the wizard offers to record after an outbound contact on a case of goods asking for a
 * refund, a replacement or a repair: the exercises the jurisdiction's rights or clocks count from
 * (the UK's rejection, Turkey's repair request) that the case has not recorded yet.
 */
export function exercisesToOffer(
  snapshot: CaseSnapshot,
  jurisdiction: Jurisdiction,
  direction: string,
): RightExercise[] {
  if (direction === 'inbound' || supplyOf(snapshot.sector) !== 'goods') return [];
  return RIGHT_EXERCISES.filter(
    (e) =>
      EXERCISE_REMEDIES[e].includes(snapshot.case.remedy) &&
      !snapshot.events.some((x) => x.event === e) &&
      ((jurisdiction.rights ?? []).some((r) => r.exercisedBy === e) ||
        jurisdiction.clocks.some((c) => c.start === e)),
  );
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function list(v: unknown): string[] {
  return Array.isArray(v) ? (v as string[]) : [];
}

/** Reads the contact flags, pairing --rep with --rep-id/--rep-role and --promise with --due. */
export function givenFromFlags(opts: Record<string, unknown>): LogGiven {
  const reps = (Array.isArray(opts.rep) ? opts.rep : []) as RepFlag[];
  const promises = (Array.isArray(opts.promise) ? opts.promise : []) as PromiseFlag[];
  const undated = promises.filter((p) => p.due === undefined);
  if (undated.length > 0) {
    throw new UsageError(
      t('case.log.promiseNoDue', { text: undated[0]!.text }),
      t('case.log.promiseNoDueHint'),
    );
  }
  const quotes = list(opts.quote);
  const raw: RawContact = {
    channel: str(opts.channel),
    direction: str(opts.direction),
    at: str(opts.at),
    ended: str(opts.ended),
    duration: str(opts.duration),
    reps: reps.map((r) => ({ name: r.name, repId: r.repId, role: r.role })),
    reference: str(opts.reference),
    department: str(opts.department),
    summary: str(opts.summary),
    nextSteps: str(opts.nextSteps),
    responsible: str(opts.responsible),
    expectedTime: str(opts.expectedTime),
    promises: promises.map((p) => ({ text: p.text, due: p.due! })),
    outcome: str(opts.outcome),
    supervisor: str(opts.supervisor),
    rude: opts.rude === true ? true : undefined,
    quotes,
  };
  const escalation = {
    kind: str(opts.escalation),
    forum: str(opts.forum),
    platform: str(opts.platform),
    link: str(opts.link),
    fileNumber: str(opts.fileNumber),
  };
  // Only when an escalation flag was given: `contact edit` counts every defined value as a change.
  if (Object.values(escalation).some((v) => v !== undefined)) raw.escalation = escalation;
  return {
    raw,
    gaveReps: reps.length > 0,
    gavePromises: promises.length > 0,
    gaveQuotes: quotes.length > 0,
  };
}

export function toLogOptions(
  caseArg: string | undefined,
  opts: Record<string, unknown>,
): LogOptions {
  const exercises = str(opts.exercises)?.trim().toLowerCase();
  if (exercises !== undefined && !isOneOf(RIGHT_EXERCISES, exercises))
    throw new UsageError(
      t('notary.log.exercisesInvalid', { value: exercises }),
      t('notary.log.exercisesHint'),
    );
  return {
    caseArg,
    given: givenFromFlags(opts),
    json: Boolean(opts.json),
    yes: Boolean(opts.yes),
    ...(exercises ? { exercises } : {}),
  };
}

/** What `complain log` saved. */
export interface LogResult {
  caseRecord: CaseRecord;
  contact: ContactRecord;
  /** The right the contact exercised, recorded on the contact's day. */
  exercised?: { event: RightExercise; onDate: string };
}

/** Records a contact: flags first, the wizard for the rest on a terminal, one transaction. */
export async function runLog(options: LogOptions, ctx: AppContext): Promise<LogResult> {
  const caseRecord = await resolveCase(ctx, options.caseArg, 'log');
  // "--due 'in 3 business days'" counts the case's jurisdiction's weekend and holidays.
  const calendar = loadJurisdiction(caseRecord.jurisdiction);
  const clock = { ...ctx.clock(), calendar };
  let raw = options.given.raw;
  // A post goes out on social media, an application through a web form, unless told otherwise.
  const implied = raw.channel ? undefined : escalationChannel(raw.escalation);
  if (implied) raw = { ...raw, channel: implied };
  if (ctx.interactive) {
    raw = await askContact(await ctx.prompter(), options.given, {
      clock,
      show: (text) => ctx.say(text),
      confirm: !options.yes,
    });
  } else {
    const missing = [
      raw.channel ? undefined : '--channel',
      raw.summary ? undefined : '--summary',
    ].filter((f): f is string => Boolean(f));
    if (missing.length > 0) throw new MissingFlagsError(missing, t('case.noTerminal'));
  }
  const input = parseContact(raw, { ...ctx.clock(), calendar });
  const db = ctx.db();
  const { id } = createContact(db, caseRecord.id, input, ctx.now());
  // A contact that exercised a right (a rejection, a repair request) dates it, as `clock` does.
  let exercised = options.exercises;
  if (!exercised && ctx.interactive) {
    const offered = input.escalation
      ? []
      : exercisesToOffer(loadSnapshot(db, caseRecord), calendar, input.fields.direction);
    const prompter = offered.length > 0 ? await ctx.prompter() : undefined;
    for (const e of offered) {
      if (await prompter!.confirm({ message: t(`notary.log.ask.${e}`), default: false })) {
        exercised = e;
        break;
      }
    }
  }
  const onDate = localDateOf(input.fields.startedAt, ctx.clock().timeZone);
  if (exercised)
    recordCaseFacts(db, caseRecord.id, { events: [{ event: exercised, onDate }] }, ctx.now());
  return {
    caseRecord,
    contact: getContact(db, id),
    ...(exercised ? { exercised: { event: exercised, onDate } } : {}),
  };
}

/** A --rep with the --rep-id and --rep-role that followed it. */
export interface RepFlag {
  name: string;
  repId?: string;
  role?: string;
}

/** A --promise with the --due that followed it. */
export interface PromiseFlag {
  text: string;
  due?: string;
}

/**
 * Parsers that pair a flag with the one before it in argv order (commander calls them in that
 * order): `--rep A --rep B --rep-id 17` gives B the ID 17.
 */
function pairedFlags() {
  const reps: RepFlag[] = [];
  const promises: PromiseFlag[] = [];
  function attach<T extends object>(
    list: T[],
    key: keyof T,
    value: string,
    flag: string,
    owner: string,
  ): T[] {
    const last = list.at(-1);
    if (!last || last[key] !== undefined) {
      throw new UsageError(
        t('case.log.mustFollow', { flag, owner }),
        t('case.log.mustFollowHint', { flag, owner }),
      );
    }
    (last as Record<keyof T, unknown>)[key] = value;
    return list;
  }
  return {
    rep: (name: string) => (reps.push({ name }), reps),
    repId: (id: string) => attach(reps, 'repId', id, '--rep-id', '--rep'),
    repRole: (role: string) => attach(reps, 'role', role, '--rep-role', '--rep'),
    promise: (text: string) => (promises.push({ text }), promises),
    due: (due: string) => attach(promises, 'due', due, '--due', '--promise'),
  };
}

/** The contact flags shared by `log` and `contact edit`. */
export function addContactFlags(cmd: Command): Command {
  const paired = pairedFlags();
  return cmd
    .option('--channel <channel>', t('case.log.opt.channel', { values: CHANNELS.join(' | ') }))
    .option('--direction <direction>', t('case.log.opt.direction'))
    .option('--at <when>', t('case.log.opt.at'))
    .option('--ended <when>', t('case.log.opt.ended'))
    .option('--duration <duration>', t('case.log.opt.duration'))
    .option('--rep <name>', t('case.log.opt.rep'), paired.rep)
    .option('--rep-id <id>', t('case.log.opt.repId'), paired.repId)
    .option('--rep-role <role>', t('case.log.opt.repRole'), paired.repRole)
    .option('--department <name>', t('case.log.opt.department'))
    .option('--reference <number>', t('case.log.opt.reference'))
    .option('--summary <text>', t('case.log.opt.summary'))
    .option('--next-steps <text>', t('case.log.opt.nextSteps'))
    .option('--responsible <text>', t('case.log.opt.responsible'))
    .option('--expected-time <text>', t('case.log.opt.expectedTime'))
    .option('--promise <text>', t('case.log.opt.promise'), paired.promise)
    .option('--due <date>', t('case.log.opt.due'), paired.due)
    .option('--outcome <outcome>', t('case.log.opt.outcome', { values: OUTCOMES.join(' | ') }))
    .option(
      '--supervisor <state>',
      t('case.log.opt.supervisor', { values: SUPERVISOR.join(' | ') }),
    )
    .option('--rude', t('case.log.opt.rude'))
    .option('--quote <text>', t('case.log.opt.quote'), collect)
    .option(
      '--escalation <kind>',
      t('case.log.opt.escalation', { values: ESCALATION_KINDS.join(' | ') }),
    )
    .option('--forum <name>', t('case.log.opt.forum'))
    .option('--platform <name>', t('case.log.opt.platform'))
    .option('--link <url>', t('case.log.opt.link'))
    .option('--file-number <number>', t('case.log.opt.fileNumber'));
}

export function registerLog(program: Command, act: Act): void {
  const cmd = program
    .command('log')
    .argument('[case]', t('case.log.arg'))
    .description(t('case.log.description'));
  addContactFlags(cmd)
    .option('-y, --yes', t('case.opt.yesSummary'))
    .option(
      '--exercises <right>',
      t('notary.log.opt.exercises', { values: RIGHT_EXERCISES.join(' | ') }),
    )
    .option('--json', t('case.log.opt.json'))
    .addHelpText(
      'after',
      examples([...t('case.log.examples').split('\n'), t('notary.log.example')]),
    )
    .action(
      async (caseArg: string | undefined, opts: Record<string, unknown>, command: Command) => {
        const options = toLogOptions(caseArg, opts);
        await act(command, 'log', options, async (ctx) =>
          printLog(ctx, options, await runLog(options, ctx)),
        );
      },
    );
}

export function printLog(ctx: AppContext, options: LogOptions, result: LogResult): void {
  const { contact, caseRecord } = result;
  if (options.json) ctx.print(JSON.stringify(contactView(contact, ctx.now()), null, 2));
  else if (!ctx.stdoutIsTTY) ctx.print(String(contact.id));
  ctx.say(
    ctx.color.green(
      t('case.log.logged', {
        id: String(contact.id),
        caseId: String(caseRecord.id),
        count: contact.promises.length,
      }),
    ),
  );
  if (result.exercised)
    ctx.say(
      ctx.color.green(
        t('notary.log.recorded', {
          caseId: String(caseRecord.id),
          event: result.exercised.event,
          date: result.exercised.onDate,
        }),
      ),
    );
  if (!contact.reference && !contact.escalation && REFERENCE_CHANNELS.includes(contact.channel)) {
    ctx.say(ctx.color.yellow(t('case.log.noReference')));
  }
}
