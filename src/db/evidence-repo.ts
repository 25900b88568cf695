import type { EvidenceKind } from '../domain/vocab.js';
import type { Db } from './open.js';

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
