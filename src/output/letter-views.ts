import { withinSpec } from '../domain/standards.js';
import type { ChalkInstance } from 'chalk';
import type { LetterRecord } from '../db/letter-repo.js';
import { labelOf } from '../domain/vocab.js';
import type { LintWarning } from '../letter/lint.js';
import type { Letter } from '../letter/model.js';
import { formatDate, formatDay } from './format.js';
import { t, uiLocale } from '../i18n.js';

/** A recorded letter in `show --json`, `letter --json` and `sent --json`. */
export function letterRecordView(l: LetterRecord) {
  return {
    id: l.id,
    caseId: l.caseId,
    kind: l.kind,
    language: l.language,
    createdAt: l.createdAt.toISOString(),
    remedy: l.remedy,
    deadlineOn: l.deadlineOn,
    deadlineSpec: l.deadlineSpec,
    deadlineFrom: l.deadlineFrom,
    sendMethod: l.sendMethod,
    enclosures: l.enclosures,
    cc: l.cc,
    file: l.filePath,
    fileSize: l.fileSize,
    sha256: l.fileSha256,
    sentOn: l.sentOn,
    sentVia: l.sentVia,
    tracking: l.tracking,
    deliveredOn: l.deliveredOn,
  };
}

/** `complain letter --json`: the letter as built, its lint, and the record when exported. */
export function letterView(
  letter: Letter,
  warnings: LintWarning[],
  record: LetterRecord | undefined,
) {
  return {
    language: letter.language,
    date: letter.date,
    pageSize: letter.pageSize,
    subject: letter.subject,
    remedy: letter.remedy,
    remedyDetail: letter.remedyDetail,
    deadline: {
      on: letter.deadline.on,
      text: letter.deadline.text,
      spec: letter.deadline.specText,
      basis: letter.deadline.basis,
      source: letter.deadline.clock?.source ?? null,
      from: letter.deadline.from,
    },
    form: letter.notarial ? 'notarial' : 'letter',
    forum: letter.forum,
    legalBasis: letter.legalBasis,
    missedStandards: letter.missedStandards.map((m) => ({
      contactId: m.contactId,
      standardId: m.standardId,
      within: withinSpec(m),
      source: m.source,
      dueAt: m.dueAt.toISOString(),
    })),
    enclosures: letter.enclosures,
    cc: letter.cc,
    sendVia: letter.sendVia,
    blocks: letter.blocks.map((b) => ({ kind: b.kind, lines: b.lines })),
    warnings: warnings.map((w) => ({
      code: w.code,
      message: w.message,
      sentence: w.sentence ?? null,
    })),
    notices: letter.notices,
    letter: record ? letterRecordView(record) : null,
  };
}

/** The letters section of `complain show`; empty when there are none. */
export function renderLetterList(
  letters: LetterRecord[],
  timeZone: string,
  c: ChalkInstance,
): string {
  if (letters.length === 0) return '';
  const lines = ['', c.bold(t('letter.list.title', { count: letters.length }))];
  for (const l of letters) {
    const head = [
      c.bold(formatDay(l.createdAt, timeZone)),
      l.language,
      // The dispute letter to the card issuer asks the bank, not the company, for the remedy.
      l.kind === 'card-issuer'
        ? t('card.list.kind')
        : labelOf(l.remedy).toLocaleLowerCase(uiLocale()),
      t('letter.list.due', { date: formatDate(l.deadlineOn) }),
      l.filePath ?? t('letter.list.stdout'),
    ];
    lines.push(`  ${c.cyan(t('letter.list.letter', { id: String(l.id) }))}  ${head.join(' · ')}`);
    if (l.sentOn) {
      const sent = t('letter.list.sent', {
        sent: formatDate(l.sentOn),
        hasVia: l.sentVia ? 'yes' : 'no',
        via: l.sentVia ? labelOf(l.sentVia).toLocaleLowerCase(uiLocale()) : '',
        hasTracking: l.tracking ? 'yes' : 'no',
        tracking: l.tracking ?? '',
        hasDelivered: l.deliveredOn ? 'yes' : 'no',
        delivered: l.deliveredOn ? formatDate(l.deliveredOn) : '',
      });
      lines.push(`      ${sent}`);
    } else {
      const notSent = c.yellow(t('letter.list.notSent'));
      lines.push(
        `      ${l.sendMethod ? t('letter.list.planned', { notSent, method: labelOf(l.sendMethod).toLocaleLowerCase(uiLocale()) }) : notSent}`,
      );
    }
    if (l.enclosures.length > 0)
      lines.push(
        `      ${t('letter.list.enclosures', { count: l.enclosures.length, list: l.enclosures.join(t('letter.list.join')) })}`,
      );
  }
  return lines.join('\n') + '\n';
}
