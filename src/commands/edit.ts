import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { deleteCase, getCase, listCompanies, updateCase } from '../db/case-repo.js';
import { listEvidence } from '../db/evidence-repo.js';
import { setCompanyLegalId } from '../db/identity-repo.js';
import { parseIdentityNumber } from '../domain/identity.js';
import type { CaseFieldKey } from '../domain/case-fields.js';
import { CASE_FIELDS } from '../domain/case-fields.js';
import { CARD_FIELD_KEYS } from '../domain/payment.js';
import { parseChoice } from '../domain/contact-fields.js';
import type { CaseRecord } from '../domain/model.js';
import { formatMoneyPlain } from '../domain/money.js';
import type { CaseStatus } from '../domain/vocab.js';
import { CASE_STATUSES, isOneOf } from '../domain/vocab.js';

/** Statuses only `close` sets: it records the outcome with them. */
const CLOSING_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter(
  (s) => s === 'resolved' || s === 'abandoned',
);
/** The statuses `edit --status` sets; one of them reopens a closed case. */
export const EDIT_STATUSES = CASE_STATUSES.filter((s) => !CLOSING_STATUSES.includes(s));
import { UsageError } from '../errors.js';
import { t } from '../i18n.js';
import { pruneUnusedCopies } from '../files/evidence-store.js';
import { caseFieldsView } from '../output/views.js';
import type { CaseDraft } from '../prompts/case-wizard.js';
import { askCase } from '../prompts/case-wizard.js';
import { addCaseFlags, draftFromFlags, parseDraft } from './new.js';
import type { Act } from './shared.js';
import { confirmDestructive, examples, parseId } from './shared.js';

/** Flags of `complain edit`. */
export interface EditOptions {
  caseArg: string;
  changes: CaseDraft;
  status: string | undefined;
  /** --company-id: the company's MERSİS, tax or BIN number for applications ("" clears it). */
  companyId: string | undefined;
  json: boolean;
}

export function toEditOptions(caseArg: string, opts: Record<string, unknown>): EditOptions {
  return {
    caseArg,
    changes: draftFromFlags(opts),
    status: typeof opts.status === 'string' ? opts.status : undefined,
    companyId: typeof opts.companyId === 'string' ? opts.companyId : undefined,
    json: Boolean(opts.json),
  };
}

/** A stored case as the raw text its flags would take. */
export function draftOf(c: CaseRecord): CaseDraft {
  const fields: Partial<Record<CaseFieldKey, string>> = {};
  for (const spec of CASE_FIELDS) {
    const v = c[spec.key];
    fields[spec.key] =
      v === null || v === undefined ? '' : typeof v === 'object' ? formatMoneyPlain(v) : String(v);
  }
  return { company: c.company.name, channels: {}, fields };
}

/**
 * A payment changed from a card to something else forgets the card's facts, unless they were
 * given again (then checkCaseFields says they need --paid-by card).
 */
export function withoutStaleCard(changes: CaseDraft['fields']): CaseDraft['fields'] {
  const paidBy = changes.paidBy?.trim().toLowerCase();
  if (paidBy === undefined || paidBy === 'card') return changes;
  const out = { ...changes };
  for (const key of CARD_FIELD_KEYS) out[key] ??= '';
  return out;
}

function hasChanges(options: EditOptions): boolean {
  const d = options.changes;
  return (
    Boolean(d.company) ||
    Object.keys(d.channels).length > 0 ||
    Object.keys(d.fields).length > 0 ||
    options.status !== undefined ||
    options.companyId !== undefined
  );
}

/** Corrects a case: the flags given replace those fields; on a terminal with none, pick fields to change. */
export async function runEdit(options: EditOptions, ctx: AppContext): Promise<CaseRecord> {
  // Ending a case is `close`'s work: it records how it ended, so stats and list agree.
  if (
    options.status !== undefined &&
    isOneOf(CLOSING_STATUSES, options.status.trim().toLowerCase())
  )
    throw new UsageError(
      t('case.edit.error.closingStatus', { status: options.status.trim() }),
      t('case.edit.error.closingStatus.hint', { id: options.caseArg }),
    );
  const companyId =
    options.companyId === undefined
      ? undefined
      : parseIdentityNumber(options.companyId, '--company-id');
  const db = ctx.db();
  const current = getCase(db, parseId(options.caseArg, 'case'));
  const clock = ctx.clock();
  let draft: CaseDraft = {
    company: options.changes.company || current.company.name,
    channels: options.changes.channels,
    fields: { ...draftOf(current).fields, ...withoutStaleCard(options.changes.fields) },
  };
  if (!hasChanges(options)) {
    if (!ctx.interactive)
      throw new UsageError(
        t('case.nothingToChange'),
        t('case.edit.nothingToChangeHint', { id: String(current.id) }),
      );
    draft = await askCase(await ctx.prompter(), draft, {
      known: listCompanies(db),
      clock,
      show: (text) => ctx.say(text),
      confirm: true,
    });
  }
  const status = options.status
    ? parseChoice('status', EDIT_STATUSES, options.status)
    : current.status;
  const { company, fields } = parseDraft(draft, clock);
  // One transaction: the number belongs to the case's company (after --company, the new one).
  db.transaction(() => {
    updateCase(db, current.id, company, fields, status, ctx.now(), options.status !== undefined);
    if (companyId !== undefined)
      setCompanyLegalId(db, getCase(db, current.id).company.id, companyId);
  })();
  return getCase(db, current.id);
}

export function printEdit(ctx: AppContext, options: EditOptions, updated: CaseRecord): void {
  if (options.json) ctx.print(JSON.stringify(caseFieldsView(updated), null, 2));
  ctx.say(ctx.color.green(t('case.edit.updated', { id: String(updated.id) })));
}

/** Flags of `complain delete`. */
export interface DeleteOptions {
  caseArg: string;
  yes: boolean;
  json: boolean;
}

/** Deletes a case and everything logged on it, after a confirmation. */
export async function runDelete(options: DeleteOptions, ctx: AppContext): Promise<CaseRecord> {
  const db = ctx.db();
  const current = getCase(db, parseId(options.caseArg, 'case'));
  await confirmDestructive(
    ctx,
    t('case.delete.confirm', {
      id: String(current.id),
      company: current.company.name,
      title: current.title,
    }),
    options.yes,
  );
  const copies = listEvidence(db, current.id).map((e) => e.storedPath);
  deleteCase(db, current.id);
  pruneUnusedCopies(db, ctx.paths.evidenceDir, copies);
  return current;
}

export function registerEdit(program: Command, act: Act): void {
  const cmd = program
    .command('edit')
    .argument('<case>', t('case.arg.case'))
    .description(t('case.edit.description'));
  addCaseFlags(cmd)
    .option('--status <status>', t('case.edit.opt.status', { values: EDIT_STATUSES.join(' | ') }))
    .option('--company-id <number>', t('apply.edit.opt.companyId'))
    .option('--json', t('case.edit.opt.json'))
    .addHelpText('after', examples(`${t('case.edit.examples')}\n${t('card.edit.examples')}`))
    .action(async (caseArg: string, opts: Record<string, unknown>, command: Command) => {
      const options = toEditOptions(caseArg, opts);
      await act(command, 'edit', options, async (ctx) =>
        printEdit(ctx, options, await runEdit(options, ctx)),
      );
    });

  program
    .command('delete')
    .argument('<case>', t('case.arg.case'))
    .description(t('case.delete.description'))
    .option('-y, --yes', t('case.opt.yesAsk'))
    .option('--json', t('case.opt.jsonDeleted'))
    .addHelpText('after', examples(t('case.delete.examples')))
    .action(async (caseArg: string, opts: Record<string, unknown>, command: Command) => {
      const options: DeleteOptions = { caseArg, yes: Boolean(opts.yes), json: Boolean(opts.json) };
      await act(command, 'delete', options, async (ctx) => {
        const gone = await runDelete(options, ctx);
        if (options.json) ctx.print(JSON.stringify({ id: gone.id, deleted: true }));
        ctx.say(t('case.delete.deleted', { id: String(gone.id) }));
      });
    });
}
