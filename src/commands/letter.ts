import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { listStandards } from '../db/standard-repo.js';
import { checkStandards } from '../domain/standards.js';
import { listEvidence } from '../db/evidence-repo.js';
import { loadSnapshot } from '../db/agenda-repo.js';
import type { LetterKind, LetterRecord } from '../db/letter-repo.js';
import { createLetter, getLetter, listLetters } from '../db/letter-repo.js';
import type { CitedLetter } from '../letter/final-notice.js';
import {
  asFinalNotice,
  chooseLetterKind,
  companyContacts,
  finalNoticeDeadline,
  sentLetters,
} from '../letter/final-notice.js';
import { forRegion } from '../letter/template.js';
import type { CardCitedLetter } from '../letter/card-issuer.js';
import { asCardIssuerLetter, cardDeadline, withoutMerchantLaw } from '../letter/card-issuer.js';
import { chooseCardRoute } from '../domain/card-route.js';
import type { CardRoute, Jurisdiction } from '../domain/jurisdiction-rules.js';
import { localize } from '../domain/jurisdiction-rules.js';
import type { CaseSnapshot } from '../domain/clocks.js';
import { cardEditCommand } from '../domain/payment.js';
import { localDateOf, parseLocalDate } from '../domain/dates.js';
import type { CaseRecord } from '../domain/model.js';
import { parseAddress } from '../domain/text.js';
import { saveCompanyId, setCardIssuerAddress, upsertCompany } from '../db/case-repo.js';
import type { Remedy } from '../domain/vocab.js';
import { isOneOf, REMEDIES, SENDING_METHODS } from '../domain/vocab.js';
import { MissingFlagsError, UsageError, ValidationError } from '../errors.js';
import type { DeadlineChoice, DeadlineSpec } from '../letter/deadline.js';
import {
  deadlineAfterLapse,
  deadlineDate,
  defaultDeadline,
  formatDeadlineSpec,
  parseDeadlineSpec,
} from '../letter/deadline.js';
import type { LintWarning } from '../letter/lint.js';
import { lintLetter } from '../letter/lint.js';
import type { Letter } from '../letter/model.js';
import { buildLetter } from '../letter/model.js';
import { isNotarial } from '../letter/notarial.js';
import { rightsOf } from '../domain/rights.js';
import { clocksFor, lapsedDuties, periodText } from '../domain/clocks.js';
import { renderLetterText } from '../letter/render-text.js';
import { formatLetterDate } from '../letter/template.js';
import { formatDate } from '../output/format.js';
import { letterView } from '../output/letter-views.js';
import { writeFileAtomically } from '../files/atomic.js';
import { storeLetterCopy } from '../files/letter-store.js';
import { convertDocxToPdf, requireSoffice, wantsPdf } from '../files/pdf.js';
import { askExport, askLetterGaps } from '../prompts/letter-wizard.js';
import { letterLanguages, loadJurisdiction, loadLetterTemplate } from '../templates.js';
import type { Act } from './shared.js';
import { collect, examples, resolveCase } from './shared.js';
import { t, uiLanguage, uiLocale } from '../i18n.js';

/** The kinds `--kind` takes (the card issuer's letter is `--to card-issuer`). */
const WRITABLE_KINDS = ['complaint', 'final-notice'] as const;

/** Flags of `complain letter`, as typed. */
export interface LetterOptions {
  caseArg: string | undefined;
  lang: string | undefined;
  deadline: string | undefined;
  remedy: Remedy | undefined;
  remedyDetail: string | undefined;
  sendVia: string | undefined;
  /** --notary: the notary a notarial letter is addressed to ("Kadıköy 5."). */
  notary: string | undefined;
  enclose: string[];
  /** The company's postal address when the case has none: used in the letter, kept for the next. */
  companyAddress: string | undefined;
  /** --company-id: the company's registry number (MERSİS), used in the letter and kept. */
  companyId?: string;
  cc: string | undefined;
  /** A file, "-" for stdout, or undefined to preview only. */
  output: string | undefined;
  strict: boolean;
  /** --all-contacts: every contact listed, however long the history (else it is condensed). */
  allContacts: boolean;
  json: boolean;
  /** --kind: what the letter is; by default a final notice once a letter was sent. */
  kind: LetterKind | undefined;
  /** --to card-issuer: the dispute letter to the bank that issued the card. */
  to: 'card-issuer' | undefined;
  /** The card issuer's address for disputes (kept for the next letter to it). */
  issuerAddress: string | undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : undefined;
}

export function toLetterOptions(
  caseArg: string | undefined,
  opts: Record<string, unknown>,
): LetterOptions {
  const remedy = str(opts.remedy)?.toLowerCase();
  if (remedy !== undefined && !isOneOf(REMEDIES, remedy))
    throw new UsageError(
      t('letter.remedy.invalid', { remedy }),
      t('letter.remedy.hint', { options: REMEDIES.join(' | ') }),
    );
  const sendVia = str(opts.sendVia)?.toLowerCase();
  if (sendVia !== undefined && !isOneOf(SENDING_METHODS, sendVia))
    throw new UsageError(
      t('letter.sendVia.invalid', { method: sendVia }),
      t('letter.sendVia.hint', { options: SENDING_METHODS.join(' | ') }),
    );
  const kind = str(opts.kind)?.toLowerCase();
  if (kind !== undefined && !isOneOf(WRITABLE_KINDS, kind))
    throw new UsageError(
      t('followup.kind.invalid', { kind }),
      t('followup.kind.hint', { options: WRITABLE_KINDS.join(' | ') }),
    );
  const to = str(opts.to)?.toLowerCase();
  if (to !== undefined && to !== 'card-issuer')
    throw new UsageError(t('card.error.to', { to }), t('card.error.toHint'));
  if (to && kind !== undefined)
    throw new UsageError(t('card.error.toAndKind'), t('card.error.toAndKindHint'));
  const output = str(opts.output);
  if (output === '-' && opts.json)
    throw new UsageError(t('letter.stdoutTwice'), t('letter.stdoutTwiceHint'));
  return {
    caseArg,
    lang: str(opts.lang)?.toLowerCase(),
    deadline: str(opts.deadline),
    remedy: remedy as Remedy | undefined,
    remedyDetail: str(opts.remedyDetail),
    sendVia,
    notary: str(opts.notary),
    enclose: Array.isArray(opts.enclose) ? (opts.enclose as string[]) : [],
    companyAddress: str(opts.companyAddress),
    ...(str(opts.companyId) ? { companyId: parseCompanyId(str(opts.companyId)!) } : {}),
    cc: str(opts.cc),
    output,
    strict: Boolean(opts.strict),
    allContacts: Boolean(opts.allContacts),
    json: Boolean(opts.json),
    kind: kind as LetterKind | undefined,
    to: to === 'card-issuer' ? to : undefined,
    issuerAddress: str(opts.issuerAddress),
  };
}

/** A registry number (MERSİS 16 digits, VKN 10, BIN 12): 5 to 20 digits, spaces and dashes dropped. */
function parseCompanyId(text: string): string {
  const value = text.replace(/[\s-]+/g, '');
  if (!/^\d{5,20}$/.test(value))
    throw new UsageError(
      t('notary.letter.companyIdInvalid', { value: text }),
      t('notary.letter.companyIdHint'),
    );
  return value;
}

/** What `complain letter` built, found and wrote. */
export interface LetterResult {
  caseRecord: CaseRecord;
  kind: LetterKind;
  letter: Letter;
  /** A final notice: the earlier letters it cites, and the day from which the user will apply. */
  cited?: CitedLetter[];
  applyFrom?: string;
  /** A letter to the card issuer: its route and the merchant's letters it cites. */
  card?: { route: CardRoute; cited: CardCitedLetter[] };
  text: string;
  warnings: LintWarning[];
  /** The preview was shown already (interactive run). */
  previewShown: boolean;
  exported?: { record: LetterRecord; path: string | null; buffer: Buffer };
}

/** Reads --deadline: 14d, 10bd, a date (ISO or everyday words); the date must be after today. */
function readDeadline(text: string, ctx: AppContext, today: string): DeadlineSpec {
  let spec = parseDeadlineSpec(text);
  if (!spec) {
    try {
      spec = { kind: 'date', date: parseLocalDate(text, '--deadline', ctx.clock()) };
    } catch {
      throw new UsageError(
        t('letter.deadline.invalid', { text }),
        t('letter.deadline.invalidHint'),
      );
    }
  }
  if (spec.kind === 'date') {
    parseLocalDate(spec.date, '--deadline', ctx.clock());
    if (spec.date <= today)
      throw new ValidationError(
        'deadline',
        t('letter.deadline.notAfterToday', { date: spec.date, today }),
        t('letter.deadline.notAfterTodayHint'),
      );
  }
  return spec;
}

/** The language of the letter: --lang, else the profile's when a template exists, else English. */
function chooseLanguage(ctx: AppContext, given: string | undefined): string {
  if (given) return given;
  const preferred = ctx.profile()?.language;
  if (preferred && letterLanguages().includes(preferred)) return preferred;
  if (preferred && preferred !== 'en')
    ctx.say(ctx.color.yellow(t('letter.noTemplate', { language: preferred })));
  return 'en';
}

/** Builds, lints and (when asked) exports the letter; records every export. */
export async function runLetter(options: LetterOptions, ctx: AppContext): Promise<LetterResult> {
  if (options.output === '-' && ctx.stdoutIsTTY)
    throw new UsageError(t('letter.docxToTerminal'), t('letter.docxToTerminalHint'));
  const stored = await resolveCase(ctx, options.caseArg, 'letter');
  let companyAddress = options.companyAddress ? parseAddress(options.companyAddress) : undefined;
  const db = ctx.db();
  const clock = ctx.clock();
  const today = localDateOf(clock.now, clock.timeZone);
  const language = chooseLanguage(ctx, options.lang);
  const template = loadLetterTemplate(language);
  const jurisdiction = loadJurisdiction(stored.jurisdiction);
  const profile = ctx.profile();
  const remedy = options.remedy ?? stored.remedy;
  let remedyDetail = options.remedyDetail ?? stored.remedyDetail ?? undefined;
  const snapshot = loadSnapshot(db, stored);
  // A statutory period that already ran out is stated, and not granted again (issue 13).
  const lapsed = lapsedDuties(
    clocksFor(
      { ...snapshot, case: { ...stored, remedy } },
      jurisdiction,
      clock.now,
      clock.timeZone,
    ),
  );
  const earlier = listLetters(db, stored.id);
  const route = options.to === 'card-issuer' ? cardRouteOrFail(stored, jurisdiction) : undefined;
  const kind: LetterKind = route ? 'card-issuer' : chooseLetterKind(options.kind, earlier);
  if (kind === 'final-notice' && sentLetters(earlier).length === 0)
    throw new ValidationError(
      'kind',
      t('followup.kind.nothingSent', { caseId: String(stored.id) }),
      t('followup.kind.nothingSentHint', { caseId: String(stored.id) }),
    );
  const fallback = route
    ? cardDeadline(route)
    : kind === 'final-notice'
      ? finalNoticeDeadline(jurisdiction)
      : deadlineAfterLapse(defaultDeadline(jurisdiction, remedy), lapsed);
  if (route) warnLateCard(ctx, snapshot, jurisdiction, route);
  let deadline: DeadlineChoice = options.deadline
    ? { spec: readDeadline(options.deadline, ctx, today), basis: 'given' }
    : fallback;
  const methods = [...new Set([...jurisdiction.sendingMethods, ...SENDING_METHODS])].filter((m) =>
    isOneOf(SENDING_METHODS, m),
  );
  const usual = (route ? withoutMerchantLaw(jurisdiction) : jurisdiction).sendingMethods;
  let sendVia = options.sendVia ?? usual[0] ?? 'registered-mail';
  const evidence = listEvidence(db, stored.id).map((e) => e.label);
  let enclose = options.enclose;

  if (ctx.interactive) {
    const explain = (spec: DeadlineSpec) =>
      t('letter.wizard.deadlineExplain', {
        spec: formatDeadlineSpec(spec),
        date: formatLetterDate(deadlineDate(spec, today, jurisdiction), uiLocale(), {
          dateStyle: 'long',
        }),
      });
    const answers = await askLetterGaps(await ctx.prompter(), {
      // The card issuer's letter asks for the charge back: neither the merchant's address nor
      // the remedy's detail is in it.
      remedyDetail: !route && !remedyDetail,
      companyAddress: !route && !stored.company.address && !companyAddress,
      enclosures: evidence.length === 0 && enclose.length === 0,
      ...(options.deadline
        ? {}
        : {
            deadline: {
              default: formatDeadlineSpec(fallback.spec),
              explain: explain(fallback.spec),
              validate: (v: string) => {
                try {
                  readDeadline(v, ctx, today);
                  return true;
                } catch (error) {
                  return (error as Error).message;
                }
              },
            },
          }),
      ...(options.sendVia ? {} : { sendVia: { methods, default: sendVia } }),
    });
    remedyDetail = answers.remedyDetail ?? remedyDetail;
    if (answers.deadline && answers.deadline !== formatDeadlineSpec(fallback.spec))
      deadline = { spec: readDeadline(answers.deadline, ctx, today), basis: 'given' };
    sendVia = answers.sendVia ?? sendVia;
    if (answers.companyAddress) companyAddress = parseAddress(answers.companyAddress);
    if (answers.enclosures) enclose = answers.enclosures;
  } else if (!route && remedy === 'other' && !remedyDetail) {
    throw new MissingFlagsError(['--remedy-detail'], t('letter.remedyOtherWhy'));
  }

  // An address given here is the company's from now on (saved when the letter is exported).
  const withAddress: CaseRecord =
    companyAddress && !stored.company.address
      ? { ...stored, company: { ...stored.company, address: companyAddress } }
      : stored;
  // So is a registry number (MERSİS) given here: the notarial form names the company by it.
  const caseRecord: CaseRecord = options.companyId
    ? { ...withAddress, company: { ...withAddress.company, companyId: options.companyId } }
    : withAddress;
  // The snapshot read them already (the same case, nothing written since).
  const allContacts = snapshot.contacts;
  // An application to a forum or a public post is not a contact with the company.
  const contacts = companyContacts(allContacts);
  const missedStandards = checkStandards(
    allContacts,
    listStandards(db, caseRecord.company.id),
    jurisdiction,
    clock.now,
    clock.timeZone,
  )
    .filter((c) => c.state === 'missed')
    .map((c) => ({
      contactId: c.contact.id,
      standardId: c.standard.id,
      amount: c.standard.amount,
      unit: c.standard.unit,
      source: c.standard.source,
      dueAt: c.dueAt,
    }));
  // A notarial letter takes effect when served: its deadline is a period from service. On a
  // terminal a date typed before the method was chosen is asked for again as a period.
  if (
    ctx.interactive &&
    isNotarial(template, jurisdiction, sendVia) &&
    deadline.spec.kind === 'date'
  ) {
    const suggested = formatDeadlineSpec(fallback.spec);
    const answer = await (
      await ctx.prompter()
    ).input({
      message: t('notary.letter.wizard.period', { date: deadline.spec.date }),
      default: suggested,
      validate: (v: string) =>
        parseDeadlineSpec(v)?.kind === 'period' ? true : t('notary.letter.deadlineDateHint'),
    });
    deadline =
      answer.trim() === suggested ? fallback : { spec: parseDeadlineSpec(answer)!, basis: 'given' };
  }
  if (isNotarial(template, jurisdiction, sendVia) && deadline.spec.kind === 'date')
    throw new UsageError(
      t('notary.letter.deadlineDate', { date: deadline.spec.date }),
      t('notary.letter.deadlineDateHint'),
    );
  const built = buildLetter({
    caseRecord,
    contacts,
    // The card letter cites the card route's law, not the merchant's.
    ...(route
      ? { rights: [], lapsed: [], missedStandards: [] }
      : {
          rights: rightsOf(
            { ...snapshot, contacts: allContacts },
            jurisdiction,
            clock.now,
            clock.timeZone,
          ),
          lapsed,
          missedStandards,
        }),
    profile,
    jurisdiction: route ? withoutMerchantLaw(jurisdiction) : jurisdiction,
    template,
    region: profile?.country ?? caseRecord.jurisdiction,
    evidence,
    enclose,
    cc: options.cc ?? null,
    sendVia,
    notary: options.notary ?? null,
    remedy,
    remedyDetail: remedyDetail ?? null,
    deadline,
    allContacts: options.allContacts,
    now: clock.now,
    timeZone: clock.timeZone,
  });
  const notice =
    kind === 'final-notice'
      ? asFinalNotice({
          letter: built,
          template: forRegion(template, profile?.country ?? caseRecord.jurisdiction),
          jurisdiction,
          earlier,
          contacts: allContacts,
          // The escalation ladder is loaded for a final notice only.
          forum:
            (await import('../domain/escalation.js')).pickForum(
              jurisdiction,
              snapshot.sector,
              caseRecord.amount,
              Number(today.slice(0, 4)),
            )?.forum ?? null,
          timeZone: clock.timeZone,
        })
      : undefined;
  const issuerAddress = options.issuerAddress
    ? parseAddress(options.issuerAddress)
    : (stored.cardIssuerAddress ?? null);
  const card = route
    ? asCardIssuerLetter({
        letter: built,
        template: forRegion(template, profile?.country ?? caseRecord.jurisdiction),
        route,
        caseRecord,
        issuerAddress,
        earlier,
        contacts: allContacts,
        timeZone: clock.timeZone,
      })
    : undefined;
  const letter = card?.letter ?? notice?.letter ?? built;
  for (const early of notice?.cited.filter((c) => c.outcome === 'deadline-running') ?? [])
    ctx.say(
      ctx.color.yellow(
        t('followup.notice.early', {
          id: String(early.id),
          deadline: formatDate(early.deadlineOn),
        }),
      ),
    );
  const warnings = lintLetter(letter, {
    // The card letters cite the US Code and the Code of Federal Regulations by their initials.
    lists: route
      ? { ...template.lint, acronyms: [...template.lint.acronyms, 'U.S.C', 'CFR'] }
      : template.lint,
    documentsExpected:
      evidence.length > 0 ||
      Boolean(caseRecord.amount || caseRecord.orderRef || caseRecord.purchasedOn),
    hasAccount: Boolean(caseRecord.orderRef || caseRecord.accountRef),
    names: [caseRecord.company.name, caseRecord.product, caseRecord.cardIssuer ?? ''],
    caseId: caseRecord.id,
  });
  // The plain text is for the preview: an export without one never lays it out.
  let text: string | undefined;
  const result: LetterResult = {
    caseRecord,
    kind,
    letter,
    get text() {
      return (text ??= renderLetterText(letter));
    },
    warnings,
    previewShown: false,
    ...(notice ? { cited: notice.cited, applyFrom: notice.applyFrom } : {}),
    ...(card && route ? { card: { route, cited: card.cited } } : {}),
  };

  let output = options.output;
  if (ctx.interactive && !options.json) {
    ctx.print(result.text);
    result.previewShown = true;
  }
  reportLint(ctx, letter, warnings);
  if (options.strict && warnings.length > 0)
    throw new ValidationError(
      'letter',
      t('letter.strict', { count: warnings.length }),
      t('letter.strictHint'),
    );
  const errors = warnings.filter((w) => w.severity === 'error');
  if (errors.length > 0 && (output || ctx.interactive)) {
    if (!output) return result;
    throw new ValidationError(
      'letter',
      t('letters.export.refused', { count: errors.length }),
      t('letters.export.refusedHint'),
    );
  }
  if (!output && ctx.interactive)
    output = await askExport(
      await ctx.prompter(),
      `${route ? 'card-issuer' : 'complaint'}-${caseRecord.id}-${language}.docx`,
    );
  if (!output) return result;
  // A PDF needs LibreOffice: without it, nothing is written (never a DOCX under a .pdf name).
  const soffice = wantsPdf(output) ? requireSoffice(ctx.env) : undefined;

  // The DOCX library is heavy: only an export loads it.
  const { renderLetterDocx } = await import('../letter/render-docx.js');
  const docx = await renderLetterDocx(letter);
  const buffer = soffice ? await convertDocxToPdf(docx, { soffice, env: ctx.env }) : docx;
  const path = output === '-' ? null : resolve(ctx.cwd, output);
  if (path) await writeFileAtomically(path, buffer);
  // The hash and the data dir's copy are the DOCX's (an editable original), also for a PDF.
  const fileSha256 = createHash('sha256').update(docx).digest('hex');
  // The data dir keeps its own copy: the case bundle encloses the letter as it was sent, even
  // after the exported file was moved or edited.
  await storeLetterCopy(ctx.paths.dataDir, fileSha256, docx);
  if (route && options.issuerAddress && issuerAddress !== stored.cardIssuerAddress) {
    setCardIssuerAddress(db, caseRecord.id, issuerAddress!, ctx.now());
    ctx.say(t('card.letter.addressSaved', { issuer: caseRecord.cardIssuer ?? '' }));
  }
  if (caseRecord.company.address && caseRecord.company.address !== stored.company.address) {
    upsertCompany(db, caseRecord.company.name, { address: caseRecord.company.address }, ctx.now());
    ctx.say(t('letter.companyAddressSaved', { company: caseRecord.company.name }));
  }
  if (options.companyId && options.companyId !== stored.company.companyId) {
    saveCompanyId(db, caseRecord.company.id, options.companyId);
    ctx.say(t('notary.letter.companyIdSaved', { company: caseRecord.company.name }));
  }
  const id = createLetter(
    db,
    {
      caseId: caseRecord.id,
      kind,
      language,
      deadlineOn: letter.deadline.on,
      deadlineSpec: letter.deadline.specText,
      deadlineFrom: letter.date,
      remedy,
      fileSha256,
      filePath: path,
      fileSize: buffer.length,
      cc: letter.cc,
      sendMethod: sendVia,
      enclosures: letter.enclosures,
    },
    ctx.now(),
  );
  result.exported = { record: getLetter(db, id), path, buffer };
  return result;
}

/**
 * The card route of a case for `--to card-issuer`, or a one-line error naming the command that
 * records what is missing (the card, its type where the route depends on it, the amount).
 */
function cardRouteOrFail(c: CaseRecord, j: Jurisdiction): CardRoute {
  const id = String(c.id);
  if (c.paidBy !== 'card' || !c.cardIssuer || !c.cardLast4 || !c.statementDate)
    throw new ValidationError(
      'to',
      t(c.paidBy === 'card' ? 'card.error.cardFacts' : 'card.error.notCard', { id }),
      t('card.error.recordHint', { command: cardEditCommand(c.id, c, false) }),
    );
  const choice = chooseCardRoute(c, j);
  if (!choice.route && choice.why === 'card-type')
    throw new ValidationError(
      'to',
      t('card.error.cardType', { id, country: j.code }),
      t('card.error.recordHint', { command: cardEditCommand(c.id, c, true) }),
    );
  if (!choice.route)
    throw new ValidationError(
      'to',
      t('card.error.noRoute', { country: j.code }),
      t('card.error.noRouteHint'),
    );
  if (!c.amount)
    throw new ValidationError(
      'to',
      t('card.error.noAmount', { id }),
      t('card.error.recordHint', { command: `complain edit ${id} --amount "…"` }),
    );
  return choice.route;
}

/** Says so when a time limit of the consumer's on this card route has run out (the US 60 days). */
function warnLateCard(ctx: AppContext, s: CaseSnapshot, j: Jurisdiction, route: CardRoute): void {
  const { now, timeZone } = ctx.clock();
  for (const k of clocksFor(s, j, now, timeZone))
    if (k.owes === 'consumer' && k.rule.cardRoutes?.includes(route.id) && k.state === 'passed')
      ctx.say(
        ctx.color.yellow(
          t('card.letter.late', {
            label: localize(k.rule.label, uiLanguage()),
            due: k.dueOn ?? '',
          }),
        ),
      );
}

/** Lint warnings and notices to stderr, each with the sentence at fault. */
function reportLint(ctx: AppContext, letter: Letter, warnings: LintWarning[]): void {
  for (const notice of letter.notices) ctx.say(ctx.color.yellow(t('letter.note', { notice })));
  if (warnings.length === 0) {
    ctx.say(ctx.color.green(t('letter.lint.none')));
    return;
  }
  ctx.say(ctx.color.yellow(t('letter.lint.some', { count: warnings.length })));
  for (const w of warnings) {
    ctx.say(`  ${ctx.color.yellow('•')} ${w.message}`);
    if (w.sentence)
      ctx.say(ctx.color.dim(`      ${t('letter.lint.sentence', { sentence: w.sentence })}`));
  }
}

export function printLetter(ctx: AppContext, options: LetterOptions, result: LetterResult): void {
  const { exported, letter } = result;
  if (exported && exported.path === null) {
    ctx.stdout.write(exported.buffer);
    return;
  }
  if (options.json) {
    ctx.print(
      JSON.stringify(
        {
          kind: result.kind,
          ...letterView(letter, result.warnings, exported?.record),
          ...(result.cited ? { cites: result.cited, applyFrom: result.applyFrom } : {}),
          ...(result.card
            ? {
                cardRoute: {
                  id: result.card.route.id,
                  kind: result.card.route.kind,
                  source: result.card.route.source,
                  verified: result.card.route.verified,
                },
                cites: result.card.cited,
              }
            : {}),
        },
        null,
        2,
      ),
    );
  } else if (exported) {
    ctx.print(String(exported.record.id));
  } else if (!result.previewShown) {
    ctx.print(result.text);
  }
  if (exported && letter.notarial) {
    // A notarial letter's deadline runs from service: the date is only what it would be today.
    ctx.say(
      ctx.color.green(
        t('notary.letter.wrote', {
          path: exported.path,
          size: Math.ceil(exported.buffer.length / 1024),
          id: String(exported.record.id),
          caseId: String(result.caseRecord.id),
          spec:
            letter.deadline.spec.kind === 'period'
              ? periodText(letter.deadline.spec.amount, letter.deadline.spec.unit)
              : letter.deadline.specText,
          due: formatLetterDate(letter.deadline.on, uiLocale(), { dateStyle: 'long' }),
        }),
      ),
    );
    ctx.say(t('notary.letter.wroteNext', { caseId: String(result.caseRecord.id) }));
  } else if (exported) {
    ctx.say(
      ctx.color.green(
        t('letter.wrote', {
          path: exported.path,
          size: Math.ceil(exported.buffer.length / 1024),
          id: String(exported.record.id),
          caseId: String(result.caseRecord.id),
          due: formatLetterDate(letter.deadline.on, uiLocale(), { dateStyle: 'long' }),
        }),
      ),
    );
    ctx.say(
      t('letter.wroteNext', { caseId: String(result.caseRecord.id), method: letter.sendVia }),
    );
  } else if (!ctx.interactive) {
    ctx.say(
      t(result.card ? 'card.letter.exportHint' : 'letter.exportHint', {
        caseId: String(result.caseRecord.id),
      }),
    );
  }
}

export function registerLetter(program: Command, act: Act): void {
  program
    .command('letter')
    .argument('[case]', t('letter.help.case'))
    .description(t('letter.help.description'))
    .option('-o, --output <file>', t('followup.letter.help.output'))
    .option('--lang <lang>', t('letter.help.lang'))
    .option('--deadline <when>', t('letter.help.deadline'))
    .option('--remedy <remedy>', t('letter.help.remedy', { options: REMEDIES.join(' | ') }))
    .option('--remedy-detail <text>', t('letter.help.remedyDetail'))
    .option(
      '--send-via <method>',
      t('letter.help.sendVia', { options: SENDING_METHODS.join(' | ') }),
    )
    .option('--notary <name>', t('notary.letter.help.notary'))
    .option('--enclose <label>', t('letter.help.enclose'), collect)
    .option('--company-address <address>', t('letter.help.companyAddress'))
    .option('--company-id <number>', t('notary.letter.help.companyId'))
    .option('--cc <text>', t('letter.help.cc'))
    .option(
      '--kind <kind>',
      t('followup.letter.help.kind', { options: WRITABLE_KINDS.join(' | ') }),
    )
    .option('--to <recipient>', t('card.letter.help.to'))
    .option('--issuer-address <address>', t('card.letter.help.issuerAddress'))
    .option('--strict', t('letter.help.strict'))
    .option('--all-contacts', t('letter.help.allContacts'))
    .option('--json', t('letter.help.json'))
    .addHelpText(
      'after',
      examples([
        ...t('letter.help.examples').split('\n'),
        ...t('followup.letter.examples').split('\n'),
        ...t('card.letter.examples').split('\n'),
        t('notary.letter.example'),
      ]),
    )
    .action(async (caseArg: string | undefined, opts: Record<string, unknown>, cmd: Command) => {
      const options = toLetterOptions(caseArg, opts);
      await act(cmd, 'letter', options, async (ctx) =>
        printLetter(ctx, options, await runLetter(options, ctx)),
      );
    });
}
