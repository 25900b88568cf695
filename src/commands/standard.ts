import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { findCompanyByName, listCompanies } from '../db/case-repo.js';
import { addStandard, getStandard, listStandards, removeStandard } from '../db/standard-repo.js';
import { parseChoice } from '../domain/contact-fields.js';
import type { ServiceStandard } from '../domain/standards.js';
import { parseWithin, withinSpec, withinText } from '../domain/standards.js';
import { sanitizeText } from '../domain/text.js';
import { CHANNELS, labelOf } from '../domain/vocab.js';
import { MissingFlagsError, NotFoundError, ValidationError } from '../errors.js';
import { t } from '../i18n.js';
import { renderTable } from '../output/format.js';
import { validatorFor } from '../prompts/validate.js';
import type { Act } from './shared.js';
import { confirmDestructive, examples, parseId } from './shared.js';

/** Flags of `complain standard add`. */
export interface StandardAddOptions {
  company: string;
  channel: string | undefined;
  within: string | undefined;
  source: string | undefined;
  json: boolean;
}

/** Flags of `complain standard list`. */
export interface StandardListOptions {
  company: string | undefined;
  json: boolean;
}

/** Flags of `complain standard remove`. */
export interface StandardRemoveOptions {
  idArg: string;
  yes: boolean;
  json: boolean;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** `standard list --json`, `standard add --json`: one standard. */
export function standardView(s: ServiceStandard) {
  return {
    id: s.id,
    companyId: s.companyId,
    company: s.company,
    channel: s.channel,
    within: withinSpec(s),
    amount: s.amount,
    unit: s.unit,
    source: s.source,
    createdAt: s.createdAt.toISOString(),
  };
}

function companyOf(ctx: AppContext, name: string) {
  const db = ctx.db();
  const found = findCompanyByName(db, name);
  if (found) return found;
  const known = listCompanies(db).map((c) => c.name);
  throw new NotFoundError(
    t('standards.error.company', { name }),
    known.length
      ? t('standards.error.company.hint', { names: known.join(', ') })
      : t('standards.error.company.none'),
  );
}

function parseSource(text: string): string {
  const source = sanitizeText(text).replace(/\s+/g, ' ').trim();
  if (!source)
    throw new ValidationError(
      'source',
      t('standards.error.source'),
      t('standards.error.source.hint'),
    );
  return source;
}

/** Records a company's own service standard; on a terminal, asks for what the flags lack. */
export async function runStandardAdd(
  options: StandardAddOptions,
  ctx: AppContext,
): Promise<ServiceStandard> {
  const company = companyOf(ctx, options.company);
  let { channel, within, source } = options;
  const missing = [
    ...(channel ? [] : ['--channel']),
    ...(within ? [] : ['--within']),
    ...(source ? [] : ['--source']),
  ];
  // Check what was typed before asking for the rest.
  if (channel) parseChoice('channel', CHANNELS, channel);
  if (within) parseWithin(within);
  if (source) parseSource(source);
  if (missing.length > 0) {
    if (!ctx.interactive) throw new MissingFlagsError(missing, t('standards.no-terminal'));
    const p = await ctx.prompter();
    channel ??= await p.select({
      message: t('standards.ask.channel', { company: company.name }),
      choices: CHANNELS.map((c) => ({ value: c, name: labelOf(c) })),
    });
    within ??= await p.input({
      message: t('standards.ask.within'),
      required: true,
      validate: validatorFor(parseWithin),
    });
    source ??= await p.input({
      message: t('standards.ask.source'),
      required: true,
      validate: validatorFor(parseSource),
    });
  }
  const w = parseWithin(within!);
  return addStandard(
    ctx.db(),
    {
      companyId: company.id,
      channel: parseChoice('channel', CHANNELS, channel!),
      amount: w.amount,
      unit: w.unit,
      source: parseSource(source!),
    },
    ctx.now(),
  );
}

/** The standards of one company, or all. */
export async function runStandardList(
  options: StandardListOptions,
  ctx: AppContext,
): Promise<ServiceStandard[]> {
  const company = options.company ? companyOf(ctx, options.company) : undefined;
  return listStandards(ctx.db(), company?.id);
}

/** Removes a standard after a confirmation (`--yes` without a terminal). */
export async function runStandardRemove(
  options: StandardRemoveOptions,
  ctx: AppContext,
): Promise<ServiceStandard> {
  const db = ctx.db();
  const s = getStandard(db, parseId(options.idArg, 'standard'));
  await confirmDestructive(
    ctx,
    t('standards.remove.confirm', {
      id: String(s.id),
      company: s.company,
      channel: labelOf(s.channel),
      within: withinText(s),
    }),
    options.yes,
  );
  return removeStandard(db, s.id);
}

function printList(ctx: AppContext, options: StandardListOptions, list: ServiceStandard[]): void {
  if (options.json) {
    ctx.print(JSON.stringify(list.map(standardView), null, 2));
    return;
  }
  if (list.length === 0) {
    ctx.say(t('standards.list.none'));
    return;
  }
  ctx.stdout.write(
    renderTable(
      [
        t('standards.col.id'),
        t('standards.col.company'),
        t('standards.col.channel'),
        t('standards.col.within'),
        t('standards.col.source'),
      ],
      list.map((s) => [`#${s.id}`, s.company, labelOf(s.channel), withinText(s), s.source]),
      { maxWidths: [6, 24, 14, 20, 48], header: (h) => ctx.colorOut.bold(h) },
    ),
  );
}

export function registerStandard(program: Command, act: Act): void {
  const standard = program
    .command('standard')
    .description(t('standards.description'))
    .addHelpText('after', examples(t('standards.examples')));

  standard
    .command('add')
    .argument('<company>', t('standards.arg.company'))
    .description(t('standards.add.description'))
    .option('--channel <channel>', t('standards.opt.channel', { list: CHANNELS.join(' | ') }))
    .option('--within <time>', t('standards.opt.within'))
    .option('--source <where>', t('standards.opt.source'))
    .option('--json', t('standards.opt.json'))
    .addHelpText('after', examples(t('standards.add.examples')))
    .action(async (company: string, opts: Record<string, unknown>, cmd: Command) => {
      const options: StandardAddOptions = {
        company,
        channel: str(opts.channel),
        within: str(opts.within),
        source: str(opts.source),
        json: Boolean(opts.json),
      };
      await act(cmd, 'standard add', options, async (ctx) => {
        const s = await runStandardAdd(options, ctx);
        if (options.json) ctx.print(JSON.stringify(standardView(s), null, 2));
        ctx.say(
          ctx.color.green(
            t('standards.add.saved', {
              id: String(s.id),
              company: s.company,
              channel: labelOf(s.channel),
              within: withinText(s),
            }),
          ),
        );
      });
    });

  standard
    .command('list')
    .argument('[company]', t('standards.arg.company-filter'))
    .description(t('standards.list.description'))
    .option('--json', t('standards.opt.json-list'))
    .addHelpText('after', examples(t('standards.list.examples')))
    .action(async (company: string | undefined, opts: Record<string, unknown>, cmd: Command) => {
      const options: StandardListOptions = { company, json: Boolean(opts.json) };
      await act(cmd, 'standard list', options, async (ctx) =>
        printList(ctx, options, await runStandardList(options, ctx)),
      );
    });

  standard
    .command('remove')
    .argument('<id>', t('standards.arg.id'))
    .description(t('standards.remove.description'))
    .option('-y, --yes', t('standards.opt.yes'))
    .option('--json', t('standards.opt.json-removed'))
    .addHelpText('after', examples(t('standards.remove.examples')))
    .action(async (idArg: string, opts: Record<string, unknown>, cmd: Command) => {
      const options: StandardRemoveOptions = {
        idArg,
        yes: Boolean(opts.yes),
        json: Boolean(opts.json),
      };
      await act(cmd, 'standard remove', options, async (ctx) => {
        const s = await runStandardRemove(options, ctx);
        if (options.json) ctx.print(JSON.stringify({ id: s.id, removed: true }));
        ctx.say(t('standards.remove.done', { id: String(s.id) }));
      });
    });
}
