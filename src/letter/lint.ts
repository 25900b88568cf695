import type { Letter, LetterBlock, Placeholder } from './model.js';
import type { LintLists } from './template.js';
import { pageCapacity, PARAGRAPH_AFTER_PT } from './layout.js';
import { t } from '../i18n.js';
import { segmenter, supportedCurrencies } from '../domain/intl.js';

/** What lint looks for: the revision a careful writer does after a night's rest. */
export type LintCode =
  | 'missing-remedy'
  | 'missing-account'
  | 'missing-enclosures'
  | 'deadline-passed'
  | 'placeholder'
  | 'capitals'
  | 'exclamation'
  | 'insult'
  | 'sarcasm'
  | 'threat'
  | 'length'
  | 'missing-translation';

/** One finding, with the sentence at fault when there is one. */
export interface LintWarning {
  code: LintCode;
  message: string;
  sentence?: string;
  /** An error blocks the export even without --strict (a legal text missing in the language). */
  severity?: 'error';
}

/** What lint needs beyond the letter. */
export interface LintContext {
  lists: LintLists;
  /** The case has papers a company would expect copies of (evidence, an order, a price). */
  documentsExpected: boolean;
  /** The case has an order or account number. */
  hasAccount: boolean;
  /** Names the writer may spell in capitals (the company, the product). */
  names: string[];
  /** The case number, for the commands the warnings suggest. */
  caseId?: number;
}

/** The blocks the writer's tone shows in (not the addresses, the date or the sign-off). */
const PROSE: readonly LetterBlock['kind'][] = [
  'subject',
  'purchase',
  'problem',
  'contacts',
  'remedy',
  'deadline',
  'cc',
  'enclosures',
  'explanations',
  'grounds',
  'demand',
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lower case with the template's equivalent letters made one (ي → ی, ё → е, ZWNJ → space). */
function folded(text: string, locale: string, equivalents: Record<string, string>): string {
  let out = text.toLocaleLowerCase(locale);
  for (const [from, to] of Object.entries(equivalents)) out = out.split(from).join(to);
  return out.replace(/\s+/g, ' ');
}

/** A phrase as a whole word or words: no letter or digit just before or after it. */
const wholeWords = (pattern: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'u');

/**
 * Finds the first phrase of a list (in the list's order) in a folded sentence. The phrases are
 * folded and compiled once per lint, not once per sentence; one pattern of all of them tells
 * first whether any is there, which is the usual answer for a letter: none.
 */
function phraseFinder(
  phrases: readonly string[],
  locale: string,
  equivalents: Record<string, string>,
): (foldedSentence: string) => string | undefined {
  if (phrases.length === 0) return () => undefined;
  const patterns = phrases.map((phrase) =>
    escapeRegExp(folded(phrase, locale, equivalents).trim()),
  );
  const any = wholeWords(patterns.join('|'));
  let each: RegExp[] | undefined;
  return (sentence) => {
    if (!any.test(sentence)) return undefined;
    each ??= patterns.map(wholeWords);
    const i = each.findIndex((re) => re.test(sentence));
    return i < 0 ? undefined : phrases[i];
  };
}

function sentencesOf(paragraph: string, locale: string): string[] {
  const sentences = segmenter(locale, { granularity: 'sentence' });
  return [...sentences.segment(paragraph)].map((s) => s.segment.trim()).filter(Boolean);
}

const LETTER = /\p{L}/gu;

function shouted(sentence: string, locale: string, allowed: Set<string>): string[] {
  return (
    sentence
      .split(/\s+/)
      .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
      // The cheapest test that rules out most words first: a word in capitals is its upper case.
      .filter(
        (w) =>
          w === w.toLocaleUpperCase(locale) &&
          !/\p{N}/u.test(w) &&
          (w.match(LETTER)?.length ?? 0) >= 3 &&
          w !== w.toLocaleLowerCase(locale) &&
          !allowed.has(w),
      )
  );
}

/** Lines the letter takes on the page, roughly: wrapped text plus paragraph spacing. */
export function estimateLines(letter: Letter): number {
  const { chars } = pageCapacity(letter.pageSize, letter.font.sizePt, letter.font.widthEm);
  let total = 0;
  for (const block of letter.blocks) {
    for (const line of block.lines) total += Math.max(1, Math.ceil([...line].length / chars));
    total += PARAGRAPH_AFTER_PT / (letter.font.sizePt * 1.17);
  }
  // The gap for a handwritten signature above the name.
  return Math.ceil(total + 2);
}

/** Lints a letter: missing elements, tone, length. An empty list means it is ready to send. */
export function lintLetter(letter: Letter, ctx: LintContext): LintWarning[] {
  const warnings: LintWarning[] = [];
  const locale = letter.locale;
  const equivalents = ctx.lists.equivalents ?? {};
  for (const key of letter.missingTranslations)
    warnings.push({
      code: 'missing-translation',
      severity: 'error',
      message: t('letters.lint.missingTranslation', { key }),
    });
  if (letter.remedy === 'other' && !letter.remedyDetail)
    warnings.push({
      code: 'missing-remedy',
      message: t('letter.lint.missingRemedy'),
    });
  if (!ctx.hasAccount)
    warnings.push({
      code: 'missing-account',
      message: t('letter.lint.missingAccount'),
    });
  if (ctx.documentsExpected && letter.enclosures.length === 0)
    warnings.push({
      code: 'missing-enclosures',
      message: t('letter.lint.missingEnclosures'),
    });
  if (letter.deadline.on <= letter.date)
    warnings.push({
      code: 'deadline-passed',
      message: t('letter.lint.deadlinePassed', { deadline: letter.deadline.on, date: letter.date }),
    });
  const caseRef = ctx.caseId === undefined ? '<case>' : String(ctx.caseId);
  const fix: Record<Placeholder['gap'], string> = {
    'sender-name': t('letter.lint.fixSenderName'),
    'company-address': t('letter.lint.fixCompanyAddress', { caseId: caseRef }),
    'remedy-detail': t('letter.lint.fixRemedyDetail'),
    'issuer-address': t('card.lint.fixIssuerAddress', { caseId: caseRef }),
    'national-id': t('notary.lint.fixNationalId'),
    notary: t('notary.lint.fixNotary', { caseId: caseRef }),
  };
  for (const p of letter.placeholders)
    warnings.push({
      code: 'placeholder',
      message: t('letter.lint.placeholderGap', { text: p.text, fix: fix[p.gap] }),
    });

  const allowed = new Set([
    ...ctx.lists.acronyms,
    // Amounts print with their currency code in some locales ("TRY 1,249.90").
    ...supportedCurrencies(),
    ...ctx.names.flatMap((n) => n.split(/[^\p{L}\p{N}]+/u)),
  ]);
  const find = {
    placeholders: phraseFinder(ctx.lists.placeholders, locale, equivalents),
    insult: phraseFinder(ctx.lists.insults, locale, equivalents),
    sarcasm: phraseFinder(ctx.lists.sarcasm, locale, equivalents),
    threat: phraseFinder(ctx.lists.threats, locale, equivalents),
  };
  for (const block of letter.blocks) {
    if (!PROSE.includes(block.kind)) continue;
    for (const line of block.lines) {
      // Quoted rude words are evidence, not the writer's tone; direction marks are not words.
      let own = line.replace(/[\u200e\u200f\u2066-\u2069]/g, '');
      for (const q of letter.quotes) own = own.split(q).join('…');
      for (const sentence of sentencesOf(own, locale)) {
        const lower = folded(sentence, locale, equivalents);
        const unfinished = /\[[^\]]*\]|\?\?\?/.test(sentence) || Boolean(find.placeholders(lower));
        if (
          unfinished &&
          letter.placeholders.length === 0 &&
          letter.missingTranslations.length === 0
        )
          warnings.push({ code: 'placeholder', message: t('letter.lint.placeholder'), sentence });
        const caps = shouted(sentence, locale, allowed);
        if (caps.length > 0)
          warnings.push({
            code: 'capitals',
            message: t('letter.lint.capitals', { words: caps.join(' ') }),
            sentence,
          });
        if (/!{2,}/.test(sentence))
          warnings.push({ code: 'exclamation', message: t('letter.lint.exclamation'), sentence });
        // The template's word lists, each with its own warning.
        for (const code of ['insult', 'sarcasm', 'threat'] as const) {
          const phrase = find[code](lower);
          if (phrase)
            warnings.push({ code, message: t(`letter.lint.${code}`, { phrase }), sentence });
        }
      }
    }
  }
  const { lines } = pageCapacity(letter.pageSize, letter.font.sizePt, letter.font.widthEm);
  const used = estimateLines(letter);
  if (used > lines)
    warnings.push({
      code: 'length',
      message: t('letter.lint.length', { used, lines }),
    });
  return warnings;
}
