import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { createCase, getCase, listCompanies } from '../db/case-repo.js';
import type { CaseFieldKey } from '../domain/case-fields.js';
import {
  CASE_FIELDS,
  checkCaseFields,
  defaultTitle,
  parseCaseField,
} from '../domain/case-fields.js';
import type { Clock } from '../domain/dates.js';
import type { CaseFields, CaseRecord, CompanyChannels } from '../domain/model.js';
import { parseAddress, sanitizeText } from '../domain/text.js';
import { MissingFlagsError, UsageError, ValidationError } from '../errors.js';
import { t } from '../i18n.js';
import { caseFieldsView } from '../output/views.js';
import type { CaseDraft } from '../prompts/case-wizard.js';
import { COMPANY_CHANNEL_FIELDS, askCase } from '../prompts/case-wizard.js';
import { askProfile } from '../prompts/profile-wizard.js';
import { saveProfile } from '../db/profile-repo.js';
import type { Act } from './shared.js';
import { examples } from './shared.js';

/** Flags of `complain new`, as typed. */
export interface NewOptions {
  draft: CaseDraft;
  json: boolean;
  yes: boolean;
}

/** Commander's camelCase key for a flag. */
export function optionKey(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase());
}

/** Reads the case and company flags into a draft (raw text, not yet validated). */
export function draftFromFlags(opts: Record<string, unknown>): CaseDraft {
  const draft: CaseDraft = {
    company: typeof opts.company === 'string' ? opts.company : '',
    channels: {},
    fields: {},
  };
  for (const f of COMPANY_CHANNEL_FIELDS) {
    const v = opts[optionKey(f.flag)];
    if (typeof v === 'string') draft.channels[f.key] = v;
  }
  for (const spec of CASE_FIELDS) {
    const v = opts[optionKey(spec.flag)];
    if (typeof v !== 'string') continue;
    // An issuer given as a flag must name someone: an empty one would be a silent no-op.
    if (spec.key === 'cardIssuer' && !v.trim())
      throw new UsageError(
        t('card.error.issuerEmpty', { flag: `--${spec.flag}` }),
        t('card.error.issuerEmptyHint'),
      );
    draft.fields[spec.key] = v;
  }
  return draft;
}

export function toNewOptions(opts: Record<string, unknown>): NewOptions {
  return { draft: draftFromFlags(opts), json: Boolean(opts.json), yes: Boolean(opts.yes) };
}

/** Validates a whole draft into case fields and the company; names the first bad field. */
export function parseDraft(
  draft: CaseDraft,
  clock: Clock,
): { company: { name: string; channels: Partial<CompanyChannels> }; fields: CaseFields } {
  const name = sanitizeText(draft.company);
  if (!name)
    throw new ValidationError(
      'company',
      t('case.error.empty', { flag: '--company' }),
      t('case.new.companyEmptyHint'),
    );
  const channels: Partial<CompanyChannels> = {};
  for (const f of COMPANY_CHANNEL_FIELDS) {
    const v = draft.channels[f.key];
    if (v !== undefined)
      channels[f.key] = (f.key === 'address' ? parseAddress(v) : sanitizeText(v)) || null;
  }
  const parsed: Partial<Record<CaseFieldKey, unknown>> = {};
  for (const spec of CASE_FIELDS) {
    const raw = draft.fields[spec.key];
    parsed[spec.key] = raw === undefined ? null : parseCaseField(spec.key, raw, clock);
  }
  parsed.title ??= defaultTitle(parsed.product as string, undefined);
  const fields = parsed as unknown as CaseFields;
  checkCaseFields(fields);
  return { company: { name, channels }, fields };
}

/** The required flags a draft lacks, by flag name. */
export function missingCaseFlags(draft: CaseDraft): string[] {
  const missing = draft.company.trim() ? [] : ['--company'];
  for (const spec of CASE_FIELDS) {
    if (spec.required && !draft.fields[spec.key]?.trim()) missing.push(`--${spec.flag}`);
  }
  if (draft.fields.remedy?.trim().toLowerCase() === 'other' && !draft.fields.remedyDetail?.trim())
    missing.push('--remedy-detail');
  return missing;
}

/** Defines a case: flags first, then the wizard for the rest on a terminal; saved in one transaction. */
export async function runNew(options: NewOptions, ctx: AppContext): Promise<CaseRecord> {
  const db = ctx.db();
  const draft: CaseDraft = {
    ...options.draft,
    channels: { ...options.draft.channels },
    fields: { ...options.draft.fields },
  };
  let profile = ctx.profile();
  if (profile && !draft.fields.jurisdiction && !ctx.interactive)
    draft.fields.jurisdiction = profile.country;
  let final = draft;
  if (ctx.interactive) {
    const prompter = await ctx.prompter();
    if (!profile) {
      ctx.say(ctx.color.bold(t('case.new.profileFirst')));
      profile = await askProfile(prompter, {}, {}, ctx.clock());
    }
    ctx.say(ctx.color.bold(t('case.new.nowTheProblem')));
    const clock = { now: ctx.now(), timeZone: profile.timeZone };
    final = await askCase(prompter, draft, {
      known: listCompanies(db),
      clock,
      defaultJurisdiction: profile.country,
      show: (text) => ctx.say(text),
      confirm: !options.yes,
    });
    const { company, fields } = parseDraft(final, clock);
    const newProfile = ctx.profile() ? undefined : profile;
    const id = db
      .transaction(() => {
        if (newProfile) saveProfile(db, newProfile, ctx.now());
        return createCase(db, company, fields, ctx.now());
      })
      .immediate();
    if (newProfile) ctx.profileChanged(newProfile);
    return getCase(db, id);
  }
  const missing = missingCaseFlags(final);
  if (missing.length > 0) {
    const why =
      !profile && missing.includes('--jurisdiction')
        ? t('case.new.noTerminalJurisdiction')
        : t('case.noTerminal');
    throw new MissingFlagsError(missing, why);
  }
  const { company, fields } = parseDraft(final, ctx.clock());
  return getCase(db, createCase(db, company, fields, ctx.now()));
}

/** The flags shared by `new` and `edit`. */
export function addCaseFlags(cmd: Command): Command {
  cmd.option('--company <name>', t('case.new.opt.company'));
  for (const f of COMPANY_CHANNEL_FIELDS) cmd.option(`--${f.flag} <${f.key}>`, f.help);
  const placeholder: Partial<Record<CaseFieldKey, string>> = {
    purchasedOn: 'date',
    occurredOn: 'date',
    amount: 'money',
    remedy: 'remedy',
    jurisdiction: 'code',
    paidBy: 'how',
    cardType: 'type',
    cardIssuer: 'name',
    cardLast4: 'digits',
    statementDate: 'date',
  };
  for (const spec of CASE_FIELDS)
    cmd.option(`--${spec.flag} <${placeholder[spec.key] ?? 'text'}>`, spec.help);
  return cmd;
}

export function registerNew(program: Command, act: Act): void {
  const cmd = program.command('new').description(t('case.new.description'));
  addCaseFlags(cmd)
    .option('-y, --yes', t('case.opt.yesSummary'))
    .option('--json', t('case.new.opt.json'))
    .addHelpText('after', examples(`${t('case.new.examples')}\n${t('card.new.examples')}`))
    .action(async (opts: Record<string, unknown>, command: Command) => {
      const options = toNewOptions(opts);
      await act(command, 'new', options, async (ctx) =>
        printNew(ctx, options, await runNew(options, ctx)),
      );
    });
}

export function printNew(ctx: AppContext, options: NewOptions, created: CaseRecord): void {
  if (options.json) ctx.print(JSON.stringify(caseFieldsView(created), null, 2));
  else if (!ctx.stdoutIsTTY) ctx.print(String(created.id));
  const id = String(created.id);
  ctx.say(
    ctx.color.green(t('case.new.saved', { id, title: created.title })) +
      ' ' +
      t('case.new.savedNext', { id }),
  );
}
