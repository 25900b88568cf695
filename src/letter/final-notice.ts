import type { LetterKind, LetterRecord } from '../db/letter-repo.js';
import { localDateOf } from '../domain/dates.js';
import type { Forum, Jurisdiction } from '../domain/jurisdiction-rules.js';
import type { ContactRecord } from '../domain/model.js';
import { sanitizeText } from '../domain/text.js';
import { addPeriod } from '../domain/working-days.js';
import type { UiLanguage } from '../i18n.js';
import { isUiLanguage, translate } from '../i18n.js';
import type { DeadlineChoice } from './deadline.js';
import { DEFAULT_DEADLINE } from './deadline.js';
import type { Letter, LetterBlock } from './model.js';
import { notarialBlocks } from './notarial.js';
import type { LetterTemplate } from './template.js';
import { formatLetterDate } from './template.js';

/**
 * The final notice ("letter before action", "son ihtar", "повторная претензия"): the complaint
 * letter as built, turned into the last word before the forum. It cites each earlier letter (its
 * date, how it was sent, the tracking number, the delivery) and what came of it, sets a short
 * final deadline and names the forum and the day from which the user will apply. Its wording is
 * in templates/messages/<lang>/followup.json (followup.notice.*), in the letter's language.
 */

/** The kind of the next letter: --kind, else a final notice once an earlier letter was sent. */
export function chooseLetterKind(
  given: LetterKind | undefined,
  earlier: readonly LetterRecord[],
): LetterKind {
  if (given) return given;
  return sentLetters(earlier).length > 0 ? 'final-notice' : 'complaint';
}

/** The complaints and notices that left (`complain sent`), oldest first: the ones a notice cites. */
export function sentLetters(earlier: readonly LetterRecord[]): LetterRecord[] {
  return earlier
    .filter((l) => l.sentOn && l.kind !== 'card-issuer')
    .sort((a, b) => (a.sentOn! < b.sentOn! ? -1 : a.sentOn! > b.sentOn! ? 1 : a.id - b.id));
}

/** The final deadline by default: the jurisdiction's `finalNotice` period, else 14 days. */
export function finalNoticeDeadline(jurisdiction: Jurisdiction): DeadlineChoice {
  const rule = jurisdiction.finalNotice;
  if (!rule) return { spec: DEFAULT_DEADLINE, basis: 'default' };
  return {
    spec: { kind: 'period', amount: rule.amount, unit: rule.unit },
    basis: 'jurisdiction',
    clock: {
      id: `${jurisdiction.code.toLowerCase()}-final-notice`,
      source: rule.source,
      verified: rule.verified,
    },
  };
}

/** Contacts with the company: escalations (an application, a public post) are not. */
export function companyContacts<C extends Pick<ContactRecord, 'escalation'>>(
  contacts: readonly C[],
): C[] {
  return contacts.filter((c) => !c.escalation);
}

/** What came of an earlier letter: the company's first answer logged after it left, if any. */
export function answerTo(
  letter: LetterRecord,
  contacts: readonly ContactRecord[],
  timeZone: string,
): ContactRecord | undefined {
  return companyContacts(contacts)
    .filter(
      (c) => c.direction === 'inbound' && localDateOf(c.startedAt, timeZone) >= letter.sentOn!,
    )
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())[0];
}

/** Everything the notice adds to the complaint. */
export interface FinalNoticeInput {
  /** The complaint letter built from the case file (buildLetter). */
  letter: Letter;
  template: LetterTemplate;
  jurisdiction: Jurisdiction;
  /** The case's earlier letters (all of them; the sent ones are cited). */
  earlier: readonly LetterRecord[];
  contacts: readonly ContactRecord[];
  /** The forum `complain next` chose, or none. */
  forum: Forum | null;
  timeZone: string;
}

/** One earlier letter and what became of it, for the JSON and the tests. */
export interface CitedLetter {
  id: number;
  sentOn: string;
  sentVia: string | null;
  tracking: string | null;
  deliveredOn: string | null;
  deadlineOn: string;
  outcome: 'answered' | 'no-answer' | 'deadline-running';
  answeredOn: string | null;
}

/** The notice: the letter with the earlier letters cited and the final deadline and forum. */
export interface FinalNotice {
  letter: Letter;
  cited: CitedLetter[];
  /** The day from which the user will apply to the forum: the day after the final deadline. */
  applyFrom: string;
}

/** Turns the complaint letter into the final notice. Pure. */
export function asFinalNotice(input: FinalNoticeInput): FinalNotice {
  const { letter, template, timeZone } = input;
  const lang: UiLanguage = isUiLanguage(letter.language) ? letter.language : 'en';
  const say = (key: string, params: Record<string, string> = {}) =>
    translate(lang, `followup.notice.${key}`, params);
  const long = (date: string) => formatLetterDate(date, template.locale, template.dateFormats.long);
  const rtl = letter.direction === 'rtl';
  const iso = (value: string) => (rtl ? `\u200e${value}\u200e` : value);
  const one = (value: string) => sanitizeText(value).replace(/\s+/g, ' ').trim();

  const cited: CitedLetter[] = [];
  const paragraphs: string[] = [];
  for (const l of sentLetters(input.earlier)) {
    const method = l.sentVia ?? l.sendMethod;
    const answer = answerTo(l, input.contacts, timeZone);
    const outcome: CitedLetter['outcome'] = answer
      ? 'answered'
      : l.deadlineOn < letter.date
        ? 'no-answer'
        : 'deadline-running';
    cited.push({
      id: l.id,
      sentOn: l.sentOn!,
      sentVia: method,
      tracking: l.tracking,
      deliveredOn: l.deliveredOn,
      deadlineOn: l.deadlineOn,
      outcome,
      answeredOn: answer ? localDateOf(answer.startedAt, timeZone) : null,
    });
    const sent = say('earlier', {
      date: long(l.sentOn!),
      kind: l.kind === 'final-notice' ? 'notice' : 'complaint',
      hasMethod: method ? 'yes' : 'no',
      method: method ? (template.sendingMethods[method] ?? method) : '',
      hasTracking: l.tracking ? 'yes' : 'no',
      tracking: l.tracking ? iso(one(l.tracking)) : '',
      hasDelivered: l.deliveredOn ? 'yes' : 'no',
      delivered: l.deliveredOn ? long(l.deliveredOn) : '',
    });
    const result =
      outcome === 'answered'
        ? say('answered', {
            date: long(localDateOf(answer!.startedAt, timeZone)),
            summary: one(answer!.summary).replace(/[\p{L}\p{N}]$/u, '$&.'),
          })
        : say(outcome === 'no-answer' ? 'noAnswer' : 'notYet', { deadline: long(l.deadlineOn) });
    paragraphs.push(`${sent} ${result}`);
  }

  const applyFrom = addPeriod(letter.deadline.on, 1, 'calendar-days', input.jurisdiction);
  const missingTranslations = [...letter.missingTranslations];
  // The forum in the letter's language; never the English name (a bracket, and lint refuses it).
  const where = input.forum
    ? `jurisdictions/${input.jurisdiction.code}.json ${['forums', input.forum.id, 'name', lang].join('.')}`
    : '';
  const forumName = input.forum
    ? (input.forum.letterName?.[lang] ?? input.forum.name[lang] ?? `[${where}]`)
    : '';
  if (input.forum && forumName.startsWith('[')) missingTranslations.push(forumName.slice(1, -1));
  const closing = input.forum
    ? say('deadline', {
        deadline: letter.deadline.text,
        forum: forumName,
        applyFrom: long(applyFrom),
      })
    : say('deadlineNoForum', { deadline: letter.deadline.text, applyFrom: long(applyFrom) });

  if (letter.notarialParts) {
    // The ihtarname: the earlier letters are explanations after the contacts; the demand keeps
    // its deadline from service (no calendar date), the title says it is the final notice.
    const parts = letter.notarialParts;
    const explanations = [...parts.explanations];
    explanations.splice(parts.earlierAt, 0, ...paragraphs);
    const written = notarialBlocks(template, { ...parts, explanations });
    const title = written.find((b) => b.kind === 'title');
    if (title) title.lines.push(say('title'));
    return {
      letter: {
        ...letter,
        blocks: written,
        subject: `${say('title')}: ${letter.subject}`,
        notarialParts: { ...parts, explanations },
      },
      cited,
      applyFrom,
    };
  }

  const blocks: LetterBlock[] = [];
  const titled = letter.blocks.some((b) => b.kind === 'title');
  for (const block of letter.blocks) {
    if (block.kind === 'title') {
      const [first = '', ...rest] = block.lines;
      blocks.push({ kind: 'title', lines: [say('titleWithOriginal', { title: first }), ...rest] });
    } else if (block.kind === 'subject' && !titled) {
      blocks.push({ kind: 'title', lines: [say('title')] }, block);
    } else if (block.kind === 'deadline') {
      blocks.push({
        kind: 'deadline',
        lines: [`${say('request', { deadline: letter.deadline.text })} ${closing}`],
      });
    } else {
      blocks.push(block);
    }
    // The earlier letters come after the facts and the contacts: after the contacts when there
    // are any, else after the problem.
    const hasContacts = letter.blocks.some((b) => b.kind === 'contacts');
    if (block.kind === (hasContacts ? 'contacts' : 'problem') && paragraphs.length > 0)
      blocks.push({ kind: block.kind, lines: paragraphs });
  }
  return {
    letter: {
      ...letter,
      blocks,
      subject: `${say('title')}: ${letter.subject}`,
      forum: input.forum ? { id: input.forum.id, name: forumName } : letter.forum,
      missingTranslations,
    },
    cited,
    applyFrom,
  };
}
