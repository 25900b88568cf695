import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { deleteContact, getContact, updateContact } from '../db/contact-repo.js';
import type { RawContact } from '../domain/contact-fields.js';
import { parseContact } from '../domain/contact-fields.js';
import type { ContactRecord } from '../domain/model.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n.js';
import { contactView } from '../output/views.js';
import type { LogGiven } from '../prompts/log-wizard.js';
import { editContact } from '../prompts/log-wizard.js';
import { addContactFlags, givenFromFlags } from './log.js';
import type { Act } from './shared.js';
import { confirmDestructive, examples, parseId } from './shared.js';

/** A stored contact as the raw text its flags would take. */
export function rawOf(c: ContactRecord): RawContact {
  return {
    channel: c.channel,
    direction: c.direction,
    at: c.startedAt.toISOString(),
    ended: c.endedAt?.toISOString(),
    reps: c.reps.map((r) => ({
      name: r.name,
      repId: r.repId ?? undefined,
      role: r.role ?? undefined,
    })),
    // '' is "known to be empty": the wizard asks only for what is undefined.
    reference: c.reference ?? '',
    department: c.department ?? '',
    summary: c.summary,
    nextSteps: c.nextSteps ?? '',
    responsible: c.responsible ?? '',
    expectedTime: c.expectedTime ?? '',
    promises: c.promises.map((p) => ({ text: p.text, due: p.dueAt.toISOString() })),
    outcome: c.outcome ?? '',
    supervisor: c.supervisor ?? '',
    rude: c.rude,
    quotes: c.quotes,
    ...(c.escalation
      ? {
          escalation: {
            kind: c.escalation.kind,
            forum: c.escalation.forum ?? undefined,
            platform: c.escalation.platform ?? undefined,
            link: c.escalation.link ?? undefined,
            fileNumber: c.escalation.fileNumber ?? undefined,
          },
        }
      : {}),
  };
}

/** Flags of `complain contact edit`. */
export interface ContactEditOptions {
  contactArg: string;
  given: LogGiven;
  json: boolean;
}

/** Lays the flags given over the stored contact: a list flag replaces the whole list. */
export function mergeContact(current: RawContact, given: LogGiven): RawContact {
  const merged: RawContact = { ...current };
  for (const [key, value] of Object.entries(given.raw) as [keyof RawContact, unknown][]) {
    if (value === undefined || Array.isArray(value)) continue;
    (merged as unknown as Record<string, unknown>)[key] = value;
  }
  if (given.raw.duration !== undefined) merged.ended = undefined;
  if (
    given.raw.at !== undefined &&
    given.raw.duration === undefined &&
    given.raw.ended === undefined &&
    current.ended &&
    current.at
  ) {
    // Keep the length of the contact when only its start moves.
    const minutes = Math.round((Date.parse(current.ended) - Date.parse(current.at)) / 60_000);
    merged.ended = undefined;
    merged.duration = minutes > 0 ? `${minutes}m` : undefined;
  }
  if (given.raw.escalation) {
    // An escalation flag changes that field only: --file-number alone keeps the kind.
    const changed = Object.entries(given.raw.escalation).filter(([, v]) => v !== undefined);
    merged.escalation = { ...current.escalation, ...Object.fromEntries(changed) };
  }
  if (given.gaveReps) merged.reps = given.raw.reps;
  if (given.gavePromises) merged.promises = given.raw.promises;
  if (given.gaveQuotes) merged.quotes = given.raw.quotes;
  return merged;
}

function hasChanges(given: LogGiven): boolean {
  return (
    given.gaveReps ||
    given.gavePromises ||
    given.gaveQuotes ||
    Object.values(given.raw).some((v) => v !== undefined && !Array.isArray(v))
  );
}

/** Corrects a logged contact. */
export async function runContactEdit(
  options: ContactEditOptions,
  ctx: AppContext,
): Promise<ContactRecord> {
  const db = ctx.db();
  const current = getContact(db, parseId(options.contactArg, 'contact'));
  let raw = mergeContact(rawOf(current), options.given);
  if (!hasChanges(options.given)) {
    if (!ctx.interactive)
      throw new UsageError(
        t('case.nothingToChange'),
        t('case.contactEdit.nothingToChangeHint', { id: String(current.id) }),
      );
    raw = await editContact(await ctx.prompter(), raw, {
      clock: ctx.clock(),
      show: (text) => ctx.say(text),
    });
  }
  const input = parseContact(raw, ctx.clock());
  updateContact(db, current.id, input, ctx.now());
  return getContact(db, current.id);
}

/** Deletes a logged contact with its promises, after a confirmation. */
export function printContactEdit(
  ctx: AppContext,
  options: ContactEditOptions,
  updated: ContactRecord,
): void {
  if (options.json) ctx.print(JSON.stringify(contactView(updated, ctx.now()), null, 2));
  ctx.say(ctx.color.green(t('case.contactEdit.updated', { id: String(updated.id) })));
}

export async function runContactDelete(
  options: { contactArg: string; yes: boolean },
  ctx: AppContext,
): Promise<ContactRecord> {
  const db = ctx.db();
  const current = getContact(db, parseId(options.contactArg, 'contact'));
  await confirmDestructive(
    ctx,
    t('case.contactDelete.confirm', { id: String(current.id), caseId: String(current.caseId) }),
    options.yes,
  );
  deleteContact(db, current.id, ctx.now());
  return current;
}

export function printContactDelete(
  ctx: AppContext,
  options: { json: boolean },
  gone: ContactRecord,
): void {
  if (options.json) ctx.print(JSON.stringify({ id: gone.id, caseId: gone.caseId, deleted: true }));
  ctx.say(t('case.contactDelete.deleted', { id: String(gone.id) }));
}

export function registerContact(program: Command, act: Act): void {
  const contact = program.command('contact').description(t('case.contact.description'));
  const edit = contact
    .command('edit')
    .argument('<contact>', t('case.contactEdit.arg'))
    .description(t('case.contactEdit.description'));
  addContactFlags(edit)
    .option('--json', t('case.contactEdit.opt.json'))
    .addHelpText('after', examples(t('case.contactEdit.examples')))
    .action(async (contactArg: string, opts: Record<string, unknown>, command: Command) => {
      const options: ContactEditOptions = {
        contactArg,
        given: givenFromFlags(opts),
        json: Boolean(opts.json),
      };
      await act(command, 'contact edit', options, async (ctx) =>
        printContactEdit(ctx, options, await runContactEdit(options, ctx)),
      );
    });
  contact
    .command('delete')
    .argument('<contact>', t('case.contactDelete.arg'))
    .description(t('case.contactDelete.description'))
    .option('-y, --yes', t('case.opt.yesAsk'))
    .option('--json', t('case.opt.jsonDeleted'))
    .addHelpText('after', examples(t('case.contactDelete.examples')))
    .action(async (contactArg: string, opts: Record<string, unknown>, command: Command) => {
      const options = { contactArg, yes: Boolean(opts.yes), json: Boolean(opts.json) };
      await act(command, 'contact delete', options, async (ctx) =>
        printContactDelete(ctx, options, await runContactDelete(options, ctx)),
      );
    });
}
