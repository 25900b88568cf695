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
} from '../domain/vocab.js';
import { MissingFlagsError, UsageError } from '../errors.js';
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
      `--promise "${undated[0]!.text}" has no --due`,
      'give every --promise its --due right after it: --promise "call back" --due friday',
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
  return { caseArg, given: givenFromFlags(opts), json: Boolean(opts.json), yes: Boolean(opts.yes) };
}

/** What `complain log` saved. */
export interface LogResult {
  caseRecord: CaseRecord;
  contact: ContactRecord;
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
      show: (t) => ctx.say(t),
      confirm: !options.yes,
    });
  } else {
    const missing = [
      raw.channel ? undefined : '--channel',
      raw.summary ? undefined : '--summary',
    ].filter((f): f is string => Boolean(f));
    if (missing.length > 0) throw new MissingFlagsError(missing, 'no terminal to ask');
  }
  const input = parseContact(raw, { ...ctx.clock(), calendar });
  const db = ctx.db();
  const { id } = createContact(db, caseRecord.id, input, ctx.now());
  return { caseRecord, contact: getContact(db, id) };
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
        `${flag} must follow the ${owner} it belongs to`,
        `e.g. ${owner} "Ayşe K." ${flag} …`,
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
    .option('--channel <channel>', `how: ${CHANNELS.join(' | ')}`)
    .option('--direction <direction>', 'outbound (you contacted them, default) | inbound')
    .option(
      '--at <when>',
      'when it started: ISO or "today 14:05", "yesterday 3pm", "2h ago" (default: now)',
    )
    .option('--ended <when>', 'when it ended')
    .option('--duration <duration>', 'how long: 25m, 1h10m (instead of --ended)')
    .option('--rep <name>', 'a representative, in the order they appeared (repeatable)', paired.rep)
    .option('--rep-id <id>', 'the ID of the --rep before it', paired.repId)
    .option('--rep-role <role>', 'the role of the --rep before it', paired.repRole)
    .option('--department <name>', 'the department')
    .option('--reference <number>', 'reference or ticket number they gave')
    .option('--summary <text>', 'what was said')
    .option('--next-steps <text>', 'their answer to "what are the next steps?"')
    .option('--responsible <text>', 'their answer to "who is responsible?"')
    .option('--expected-time <text>', 'their answer to "how long will it take?"')
    .option('--promise <text>', 'what they promised (repeatable, each with --due)', paired.promise)
    .option(
      '--due <date>',
      'when the --promise before it is due: "friday", "in 3 days", 2026-12-01',
      paired.due,
    )
    .option('--outcome <outcome>', `how it ended: ${OUTCOMES.join(' | ')}`)
    .option('--supervisor <state>', `supervisor: ${SUPERVISOR.join(' | ')}`)
    .option('--rude', 'someone was rude')
    .option('--quote <text>', 'their exact words (repeatable; implies --rude)', collect)
    .option(
      '--escalation <kind>',
      `this contact escalated: ${ESCALATION_KINDS.join(' | ')} (a post or an application)`,
    )
    .option('--forum <name>', 'the body applied to (e.g. tr-hakem-heyeti, or its name)')
    .option('--platform <name>', 'where a public post went (X, Instagram, Şikayetvar…)')
    .option('--link <url>', 'the link to the public post')
    .option('--file-number <number>', "the body's file or application number");
}

export function registerLog(program: Command, act: Act): void {
  const cmd = program
    .command('log')
    .argument('[case]', 'case number (default: the only open case, or you pick one)')
    .description('record a call, chat or e-mail right after it ends');
  addContactFlags(cmd)
    .option('-y, --yes', 'save without the summary question')
    .option('--json', 'print the saved contact as JSON')
    .addHelpText(
      'after',
      examples([
        'complain log',
        'complain log 3 --channel phone --at "today 14:05" --duration 25m --rep "Ayşe K." --rep-id 4411 \\\n      --reference TCK-88812 --summary "Promised a technician visit." --promise "technician visit" --due friday',
        'complain log 3 --escalation social-media --platform X --link https://x.com/me/status/1 --summary "Posted the timeline."',
        'complain log 3 --escalation arbitration --forum tr-hakem-heyeti --file-number 2026-123 --channel web-form --summary "Applied via e-Devlet."',
        'complain log 3 --channel chat --at "yesterday 3pm" --rep Mehmet --rep Selin --rep-id S-17 \\\n      --summary "Transferred to billing." --outcome transferred --supervisor refused --quote "Not my problem."',
      ]),
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
  const promises = contact.promises.length
    ? ` with ${contact.promises.length} ${contact.promises.length === 1 ? 'promise' : 'promises'}`
    : '';
  ctx.say(ctx.color.green(`Logged contact #${contact.id} on case #${caseRecord.id}${promises}.`));
  if (!contact.reference && !contact.escalation && REFERENCE_CHANNELS.includes(contact.channel)) {
    ctx.say(
      ctx.color.yellow(
        'No reference number this time: next time, ask "Can I have a reference number for this?" before you hang up.',
      ),
    );
  }
}
