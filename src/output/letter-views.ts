import type { ChalkInstance } from 'chalk';
import type { LetterRecord } from '../db/letter-repo.js';
import { labelOf } from '../domain/vocab.js';
import type { LintWarning } from '../letter/lint.js';
import type { Letter } from '../letter/model.js';
import { formatDate, formatDay } from './format.js';

/** A recorded letter in `show --json`, `letter --json` and `sent --json`. */
export function letterRecordView(l: LetterRecord) {
  return {
    id: l.id,
    caseId: l.caseId,
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
    },
    forum: letter.forum,
    legalBasis: letter.legalBasis,
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
  const lines = ['', c.bold(`Letters (${letters.length})`)];
  for (const l of letters) {
    const head = [
      c.bold(formatDay(l.createdAt, timeZone)),
      l.language,
      labelOf(l.remedy).toLowerCase(),
      `answer due ${formatDate(l.deadlineOn)}`,
      l.filePath ?? 'stdout',
    ];
    lines.push(`  ${c.cyan(`letter #${l.id}`)}  ${head.join(' · ')}`);
    if (l.sentOn) {
      const via = l.sentVia ? ` by ${labelOf(l.sentVia).toLowerCase()}` : '';
      const tracking = l.tracking ? `, tracking ${l.tracking}` : '';
      const delivered = l.deliveredOn
        ? `; delivered ${formatDate(l.deliveredOn)}`
        : '; delivery not recorded';
      lines.push(`      sent ${formatDate(l.sentOn)}${via}${tracking}${delivered}`);
    } else {
      lines.push(
        `      ${c.yellow('not sent yet')}${l.sendMethod ? ` (planned: ${labelOf(l.sendMethod).toLowerCase()})` : ''}`,
      );
    }
    if (l.enclosures.length > 0)
      lines.push(`      enclosures (${l.enclosures.length}): ${l.enclosures.join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
