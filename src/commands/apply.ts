import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Application } from '../apply/model.js';
import { buildApplication } from '../apply/model.js';
import type { ApplicationTemplate } from '../apply/template.js';
import { applicationForums, loadApplicationTemplate, loadFactTexts } from '../apply/template.js';
import type { ApplicationExport } from '../apply/views.js';
import {
  applicationView,
  renderApplicationFields,
  renderApplicationPreview,
} from '../apply/views.js';
import type { AppContext } from '../context.js';
import { loadSnapshot } from '../db/agenda-repo.js';
import { listContacts } from '../db/contact-repo.js';
import { listEvidence } from '../db/evidence-repo.js';
import { getCompanyLegalId, getNationalId } from '../db/identity-repo.js';
import { listLetters } from '../db/letter-repo.js';
import { localDateOf } from '../domain/dates.js';
import type { ForumChoice } from '../domain/escalation.js';
import { pickForum } from '../domain/escalation.js';
import type { Forum } from '../domain/jurisdiction-rules.js';
import { localize } from '../domain/jurisdiction-rules.js';
import type { CaseRecord } from '../domain/model.js';
import { ComplainError, UsageError } from '../errors.js';
import { writeFileAtomically } from '../files/atomic.js';
import { convertDocxToPdf, requireSoffice, wantsPdf } from '../files/pdf.js';
import { t, uiLanguage } from '../i18n.js';
import { loadJurisdiction, loadLetterTemplate } from '../templates.js';
import type { Act } from './shared.js';
import { collect, examples, resolveCase } from './shared.js';

/** Flags of `complain apply`, as typed. */
export interface ApplyOptions {
  caseArg: string | undefined;
  forum: string | undefined;
  lang: string | undefined;
  /** A .docx or .pdf file; undefined to preview only. */
  output: string | undefined;
  enclose: string[];
  text: boolean;
  json: boolean;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

export function toApplyOptions(
  caseArg: string | undefined,
  opts: Record<string, unknown>,
): ApplyOptions {
  const output = str(opts.output);
  if (output !== undefined && !/\.(docx|pdf)$/i.test(output))
    throw new UsageError(t('apply.output.invalid', { file: output }), t('apply.output.hint'));
  if (opts.text && opts.json)
    throw new UsageError(t('apply.textAndJson'), t('apply.textAndJsonHint'));
  return {
    caseArg,
    forum: str(opts.forum)?.toLowerCase(),
    lang: str(opts.lang)?.toLowerCase(),
    output,
    enclose: Array.isArray(opts.enclose) ? (opts.enclose as string[]) : [],
    text: Boolean(opts.text),
    json: Boolean(opts.json),
  };
}

/** What `complain apply` built and wrote. */
export interface ApplyResult {
  caseRecord: CaseRecord;
  application: Application;
  /** Why this forum: `next`'s reason, or that --forum chose it. */
  why: string;
  exported: ApplicationExport | null;
  /** How the forum takes applications (e-Devlet, E-Otinish, 124…), in the interface language. */
  how: string | null;
}

/** The forums of the case's country that have an application form, as `--forum` takes them. */
function formsOf(forums: readonly Forum[]): Forum[] {
  const known = applicationForums();
  return forums.filter((f) => known.includes(f.id));
}

/** The language of the application: --lang, else the case's newest letter's, the profile's, the forum's own. */
function chooseLanguage(
  given: string | undefined,
  template: ApplicationTemplate,
  preferred: (string | undefined)[],
): string {
  if (given) {
    if (!template.languages.includes(given))
      throw new UsageError(
        t('apply.lang.invalid', { lang: given, forum: template.forum }),
        t('apply.lang.hint', { options: template.languages.join(', ') }),
      );
    return given;
  }
  return preferred.find((l) => l && template.languages.includes(l)) ?? template.languages[0]!;
}

/** Builds the application to the forum `next` names (or --forum) and writes it when asked. */
export async function runApply(options: ApplyOptions, ctx: AppContext): Promise<ApplyResult> {
  const stored = await resolveCase(ctx, options.caseArg, 'apply');
  const db = ctx.db();
  const clock = ctx.clock();
  const jurisdiction = loadJurisdiction(stored.jurisdiction);
  const available = formsOf(jurisdiction.forums);
  const ids = available.map((f) => f.id).join(', ');
  if (jurisdiction.forums.length === 0)
    throw new ComplainError(t('apply.noForum', { country: stored.jurisdiction }), {
      hint: t('apply.noForumHint', { caseId: String(stored.id) }),
    });
  const year = Number(localDateOf(clock.now, clock.timeZone).slice(0, 4));
  const snapshot = loadSnapshot(db, stored);
  const chosen: ForumChoice | null = pickForum(jurisdiction, snapshot.sector, stored.amount, year);
  let forum: Forum;
  let why: string;
  if (options.forum) {
    const found = available.find((f) => f.id === options.forum);
    if (!found)
      throw new UsageError(
        t('apply.forum.invalid', { forum: options.forum, country: stored.jurisdiction }),
        available.length > 0
          ? t('apply.forum.hint', { options: ids })
          : t('apply.forum.none', { country: stored.jurisdiction }),
      );
    forum = found;
    why = t('apply.why.given', { forum: found.id });
  } else {
    if (!chosen || !available.some((f) => f.id === chosen.forum.id))
      throw new ComplainError(
        t('apply.noForm', {
          forum: chosen?.forum.id ?? stored.jurisdiction,
          country: stored.jurisdiction,
        }),
        {
          hint:
            available.length > 0
              ? t('apply.forum.hint', { options: ids })
              : t('apply.forum.none', { country: stored.jurisdiction }),
        },
      );
    forum = chosen.forum;
    why = chosen.why;
  }
  // The limit that sent a claim above it here (TR mediation), or this forum's own.
  const above = forum.aboveForum
    ? jurisdiction.forums.find((f) => f.id === forum.aboveForum)
    : undefined;
  const limitForum = above ?? forum;
  const limit =
    (limitForum.limits ?? []).filter((l) => l.year <= year).sort((a, b) => b.year - a.year)[0] ??
    null;
  const template = loadApplicationTemplate(forum.id)!;
  const letters = listLetters(db, stored.id);
  const profile = ctx.profile();
  const newest = [...letters].sort((a, b) => b.id - a.id)[0];
  const language = chooseLanguage(options.lang, template, [newest?.language, profile?.language]);
  const application = buildApplication({
    caseRecord: stored,
    contacts: listContacts(db, stored.id),
    letters,
    profile,
    nationalId: getNationalId(db),
    companyLegalId: getCompanyLegalId(db, stored.company.id),
    evidence: listEvidence(db, stored.id).map((e) => e.label),
    enclose: options.enclose,
    jurisdiction,
    forum,
    limit,
    template,
    language,
    letterTemplate: loadLetterTemplate(language),
    facts: loadFactTexts(language),
    region: profile?.country ?? stored.jurisdiction,
    now: clock.now,
    timeZone: clock.timeZone,
  });
  const result: ApplyResult = {
    caseRecord: stored,
    application,
    why,
    exported: null,
    how: forum.apply ? localize(forum.apply, uiLanguage()) : null,
  };
  if (!options.output) return result;
  // A PDF needs LibreOffice: without it, nothing is written (never a DOCX under a .pdf name).
  const soffice = wantsPdf(options.output) ? requireSoffice(ctx.env) : undefined;
  const { renderApplicationDocx } = await import('../apply/render-docx.js');
  const docx = await renderApplicationDocx(application);
  const buffer = soffice ? await convertDocxToPdf(docx, { soffice, env: ctx.env }) : docx;
  const path = resolve(ctx.cwd, options.output);
  await writeFileAtomically(path, buffer);
  result.exported = {
    file: path,
    format: soffice ? 'pdf' : 'docx',
    size: buffer.length,
    sha256: createHash('sha256').update(buffer).digest('hex'),
  };
  return result;
}

export function printApply(ctx: AppContext, options: ApplyOptions, r: ApplyResult): void {
  const app = r.application;
  const caseId = String(r.caseRecord.id);
  if (options.json) {
    ctx.print(JSON.stringify(applicationView(r.caseRecord.id, app, r.exported), null, 2));
  } else if (options.text) {
    ctx.print(renderApplicationFields(app).trimEnd());
  } else if (r.exported) {
    ctx.print(r.exported.file);
  } else {
    ctx.print(renderApplicationPreview(app, ctx.colorOut).trimEnd());
  }
  const c = ctx.color;
  ctx.say(
    c.dim(t('apply.forum.chosen', { forum: app.forum.id, language: app.language, why: r.why })),
  );
  if (!app.form.verified)
    ctx.say(c.yellow(t('apply.form.unverified', { forum: app.forum.id, source: app.form.source })));
  for (const gap of app.gaps) ctx.say(c.yellow(t(`apply.gap.${gap}`, { caseId })));
  if (app.secrets.length > 0 && !r.exported) ctx.say(c.dim(t('apply.masked')));
  if (r.how) ctx.say(t('apply.how', { how: r.how }));
  if (r.exported) {
    ctx.say(
      c.green(
        t('apply.wrote', {
          path: r.exported.file,
          size: Math.ceil(r.exported.size / 1024),
          forum: app.forum.id,
        }),
      ),
    );
  } else if (!options.json) {
    ctx.say(t('apply.exportHint', { caseId }));
  }
  // Filing it is a step on the ladder: the log records it, with the forum's file number.
  ctx.say(
    t(app.form.kind === 'letter' ? 'apply.logHintLetter' : 'apply.logHint', {
      caseId,
      kind: app.forum.kind,
      forum: app.forum.id,
    }),
  );
}

export function registerApply(program: Command, act: Act): void {
  program
    .command('apply')
    .argument('[case]', t('apply.help.case'))
    .description(t('apply.help.description'))
    .option('--forum <id>', t('apply.help.forum'))
    .option('--lang <lang>', t('apply.help.lang'))
    .option('-o, --output <file>', t('apply.help.output'))
    .option('--enclose <label>', t('apply.help.enclose'), collect)
    .option('--text', t('apply.help.text'))
    .option('--json', t('apply.help.json'))
    .addHelpText('after', examples(t('apply.help.examples')))
    .action(async (caseArg: string | undefined, opts: Record<string, unknown>, cmd: Command) => {
      const options = toApplyOptions(caseArg, opts);
      await act(cmd, 'apply', options, async (ctx) =>
        printApply(ctx, options, await runApply(options, ctx)),
      );
    });
}
