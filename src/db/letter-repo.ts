import { NotFoundError } from '../errors.js';
import { touchCase } from './case-repo.js';
import type { Db } from './open.js';
import { t } from '../i18n.js';

/** The kinds of letter, as stored (schema 7). */
export const LETTER_KINDS = ['complaint', 'final-notice', 'card-issuer'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** A letter that was exported, and what became of it. */
export interface LetterRecord {
  id: number;
  caseId: number;
  /** What the letter is (schema 7): a complaint, a final notice, a dispute to the card issuer. */
  kind: LetterKind;
  language: string;
  createdAt: Date;
  /** The response deadline (YYYY-MM-DD), counted again from the delivery date once known. */
  deadlineOn: string;
  /** "14d", "10bd", "30bd" or a fixed date: how the deadline is counted. */
  deadlineSpec: string | null;
  /** The day the deadline counts from (the letter's date, then the delivery date). */
  deadlineFrom: string | null;
  remedy: string;
  fileSha256: string | null;
  /** Where it was written; null when it went to stdout. */
  filePath: string | null;
  fileSize: number | null;
  cc: string | null;
  /** How the user planned to send it (the letter's last line). */
  sendMethod: string | null;
  enclosures: string[];
  sentOn: string | null;
  sentVia: string | null;
  tracking: string | null;
  deliveredOn: string | null;
}

/** What an export records. */
export type NewLetter = Omit<
  LetterRecord,
  'id' | 'kind' | 'createdAt' | 'sentOn' | 'sentVia' | 'tracking' | 'deliveredOn'
> & { kind?: LetterKind };

interface LetterRow {
  id: number;
  case_id: number;
  kind: string | null;
  language: string;
  created_at: string;
  deadline_on: string;
  deadline_spec: string | null;
  deadline_from: string | null;
  remedy: string;
  file_sha256: string | null;
  file_path: string | null;
  file_size: number | null;
  cc: string | null;
  send_method: string | null;
  enclosures: string;
  sent_at: string | null;
  sent_via: string | null;
  tracking: string | null;
  delivered_at: string | null;
}

function toLetter(row: LetterRow): LetterRecord {
  let enclosures: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.enclosures);
    if (Array.isArray(parsed)) enclosures = parsed.map(String);
  } catch {
    // A hand-edited row: show no enclosures rather than fail the whole case file.
  }
  return {
    id: row.id,
    caseId: row.case_id,
    kind: (LETTER_KINDS as readonly string[]).includes(row.kind ?? '')
      ? (row.kind as LetterKind)
      : 'complaint',
    language: row.language,
    createdAt: new Date(row.created_at),
    deadlineOn: row.deadline_on,
    deadlineSpec: row.deadline_spec,
    deadlineFrom: row.deadline_from,
    remedy: row.remedy,
    fileSha256: row.file_sha256,
    filePath: row.file_path,
    fileSize: row.file_size,
    cc: row.cc,
    sendMethod: row.send_method,
    enclosures,
    sentOn: row.sent_at,
    sentVia: row.sent_via,
    tracking: row.tracking,
    deliveredOn: row.delivered_at,
  };
}

/** Records an exported letter; returns its id. */
export function createLetter(db: Db, letter: NewLetter, now: Date): number {
  const write = db.transaction(() => {
    touchCase(db, letter.caseId, now);
    return Number(
      db
        .prepare(
          `INSERT INTO letter (case_id, kind, language, created_at, deadline_on, deadline_spec, deadline_from,
             remedy, file_sha256, file_path, file_size, cc, send_method, enclosures)
           VALUES (@caseId, @kind, @language, @createdAt, @deadlineOn, @deadlineSpec, @deadlineFrom,
             @remedy, @fileSha256, @filePath, @fileSize, @cc, @sendMethod, @enclosures)`,
        )
        .run({
          ...letter,
          kind: letter.kind ?? 'complaint',
          createdAt: now.toISOString(),
          enclosures: JSON.stringify(letter.enclosures),
        }).lastInsertRowid,
    );
  });
  return write.immediate();
}

/** The letters of a case, oldest first. */
export function listLetters(db: Db, caseId: number): LetterRecord[] {
  const rows = db
    .prepare('SELECT * FROM letter WHERE case_id = ? ORDER BY created_at, id')
    .all(caseId) as LetterRow[];
  return rows.map(toLetter);
}

/** A letter by id; NotFoundError when there is none. */
export function getLetter(db: Db, id: number): LetterRecord {
  const row = db.prepare('SELECT * FROM letter WHERE id = ?').get(id) as LetterRow | undefined;
  if (!row)
    throw new NotFoundError(
      t('evidence.repo.noLetter', { id: String(id) }),
      t('evidence.repo.noLetterHint'),
    );
  return toLetter(row);
}

/** How and when a letter left and arrived, and the deadline counted from its arrival. */
export interface LetterSending {
  sentOn: string | null;
  sentVia: string | null;
  tracking: string | null;
  deliveredOn: string | null;
  deadlineOn: string;
  deadlineFrom: string | null;
}

/** Records the sending of a letter. */
export function recordSending(db: Db, id: number, sending: LetterSending, now: Date): void {
  db.transaction(() => {
    const row = db.prepare('SELECT case_id FROM letter WHERE id = ?').get(id) as
      { case_id: number } | undefined;
    if (row) touchCase(db, row.case_id, now);
    db.prepare(
      `UPDATE letter SET sent_at = @sentOn, sent_via = @sentVia, tracking = @tracking,
         delivered_at = @deliveredOn, deadline_on = @deadlineOn, deadline_from = @deadlineFrom
       WHERE id = @id`,
    ).run({ ...sending, id });
  }).immediate();
}
