import type { EvidenceKind } from '../domain/vocab.js';
import { NotFoundError } from '../errors.js';
import { caseNotFound, touchCase } from './case-repo.js';
import type { Db } from './open.js';
import { t } from '../i18n.js';

/** A document kept as a verified copy in the evidence store. */
export interface EvidenceRecord {
  id: number;
  caseId: number;
  kind: EvidenceKind;
  label: string;
  originalName: string;
  /** Relative to the evidence store. */
  storedPath: string;
  sha256: string;
  size: number;
  /** The order the user chose: the letter's enclosures follow it. */
  position: number;
  addedAt: Date;
}

interface EvidenceRow {
  id: number;
  case_id: number;
  kind: string;
  label: string;
  original_name: string;
  stored_path: string;
  sha256: string;
  size: number;
  position: number;
  added_at: string;
}

function toEvidence(row: EvidenceRow): EvidenceRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind as EvidenceKind,
    label: row.label,
    originalName: row.original_name,
    storedPath: row.stored_path,
    sha256: row.sha256,
    size: row.size,
    position: row.position,
    addedAt: new Date(row.added_at),
  };
}

/** The evidence of a case, in the order the user chose. */
export function listEvidence(db: Db, caseId: number): EvidenceRecord[] {
  const rows = db
    .prepare('SELECT * FROM evidence WHERE case_id = ? ORDER BY position, id')
    .all(caseId) as EvidenceRow[];
  return rows.map(toEvidence);
}

/** A file about to be recorded: its copy is already in the store. */
export interface EvidenceInput {
  kind: EvidenceKind;
  label: string;
  originalName: string;
  storedPath: string;
  sha256: string;
  size: number;
}

/** What `addEvidence` did with one input: a new record, or the one the case already had. */
export interface AddedEvidence {
  record: EvidenceRecord;
  duplicate: boolean;
}

/**
 * Records files on a case in one transaction, at the end of its order. Content the case already
 * has (same SHA-256) is not recorded twice: the existing record comes back with `duplicate`.
 */
export function addEvidence(
  db: Db,
  caseId: number,
  inputs: EvidenceInput[],
  now: Date,
): AddedEvidence[] {
  const write = db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM case_file WHERE id = ?').get(caseId)) throw caseNotFound(caseId);
    const same = db.prepare('SELECT * FROM evidence WHERE case_id = ? AND sha256 = ?');
    const last = db.prepare(
      'SELECT coalesce(max(position), 0) AS p FROM evidence WHERE case_id = ?',
    );
    const insert = db.prepare(
      `INSERT INTO evidence (case_id, kind, label, original_name, stored_path, sha256, size, position, added_at)
       VALUES (@caseId, @kind, @label, @originalName, @storedPath, @sha256, @size, @position, @addedAt)`,
    );
    const out = inputs.map((input) => {
      const existing = same.get(caseId, input.sha256) as EvidenceRow | undefined;
      if (existing) return { record: toEvidence(existing), duplicate: true };
      const position = (last.get(caseId) as { p: number }).p + 1;
      const id = Number(
        insert.run({ caseId, ...input, position, addedAt: now.toISOString() }).lastInsertRowid,
      );
      return { record: getEvidence(db, id), duplicate: false };
    });
    if (out.some((o) => !o.duplicate)) touchCase(db, caseId, now);
    return out;
  });
  return write.immediate();
}

/** An evidence record by id; NotFoundError when there is none. */
export function getEvidence(db: Db, id: number): EvidenceRecord {
  const row = db.prepare('SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow | undefined;
  if (!row)
    throw new NotFoundError(
      t('evidence.repo.noEvidence', { id: String(id) }),
      t('evidence.repo.noEvidenceHint'),
    );
  return toEvidence(row);
}

/** Every evidence record, by case and order. */
export function listAllEvidence(db: Db): EvidenceRecord[] {
  const rows = db
    .prepare('SELECT * FROM evidence ORDER BY case_id, position, id')
    .all() as EvidenceRow[];
  return rows.map(toEvidence);
}

/** How many records point at a stored copy (a copy is shared between cases). */
export function countStoredPathUses(db: Db, storedPath: string): number {
  return (
    db.prepare('SELECT count(*) AS n FROM evidence WHERE stored_path = ?').get(storedPath) as {
      n: number;
    }
  ).n;
}

function renumber(db: Db, caseId: number, ids: number[]): void {
  const set = db.prepare('UPDATE evidence SET position = ? WHERE id = ?');
  ids.forEach((id, i) => set.run(i + 1, id));
}

/** Moves a record to a 1-based place in its case's order; the others close up. */
export function moveEvidence(db: Db, id: number, to: number, now: Date): EvidenceRecord {
  const write = db.transaction(() => {
    const record = getEvidence(db, id);
    const ids = listEvidence(db, record.caseId)
      .map((e) => e.id)
      .filter((x) => x !== id);
    const place = Math.min(Math.max(to, 1), ids.length + 1);
    ids.splice(place - 1, 0, id);
    renumber(db, record.caseId, ids);
    touchCase(db, record.caseId, now);
    return getEvidence(db, id);
  });
  return write.immediate();
}

/** Changes a record's label and/or kind. */
export function updateEvidence(
  db: Db,
  id: number,
  change: { label?: string; kind?: EvidenceKind },
  now: Date,
): EvidenceRecord {
  const write = db.transaction(() => {
    const record = getEvidence(db, id);
    db.prepare('UPDATE evidence SET label = ?, kind = ? WHERE id = ?').run(
      change.label ?? record.label,
      change.kind ?? record.kind,
      id,
    );
    touchCase(db, record.caseId, now);
    return getEvidence(db, id);
  });
  return write.immediate();
}

/**
 * Deletes a record and closes up the order, and returns it. Its stored copy stays: the caller
 * removes it when no record uses it, under the write lock (pruneCopies).
 */
export function deleteEvidence(db: Db, id: number, now: Date): EvidenceRecord {
  const write = db.transaction(() => {
    const record = getEvidence(db, id);
    db.prepare('DELETE FROM evidence WHERE id = ?').run(id);
    renumber(
      db,
      record.caseId,
      listEvidence(db, record.caseId).map((e) => e.id),
    );
    touchCase(db, record.caseId, now);
    return record;
  });
  return write.immediate();
}
