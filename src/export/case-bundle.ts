import { createHash } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import type { EvidenceRecord } from '../db/evidence-repo.js';
import type { LetterRecord } from '../db/letter-repo.js';
import { bundleEvidenceName, safeFileName } from '../domain/evidence.js';
import type { CaseRecord, ContactRecord } from '../domain/model.js';
import { ComplainError } from '../errors.js';
import { storedFilePath } from '../files/evidence-store.js';
import { renderTable } from '../output/format.js';
import { formatBytes } from '../output/progress.js';
import { renderTimelineCsv, timelineDocument } from './timeline.js';
import type { BundleProgress, ZipEntry } from './zip-bundle.js';
import { writeVerifiedZip } from './zip-bundle.js';
import type { UiLanguage } from '../i18n.js';
import { inLanguage, isRtlLanguage, t } from '../i18n.js';

/**
 * A file another feature adds to the bundle, e.g. the latest letter's DOCX:
 * `{ name: 'letter/letter-2026-11-23.docx', data, kind: 'letter', label: 'Complaint letter' }`.
 * It is listed in the index with its SHA-256 and verified like every other entry.
 */
export interface ExtraEntry {
  /** Path inside the zip; each segment is made safe, forward slashes separate folders. */
  name: string;
  data: Buffer;
  kind: string;
  label: string;
}

/** One file listed in the bundle's index. */
export interface BundleIndexItem {
  file: string;
  kind: string;
  label: string;
  size: number;
  sha256: string;
  /** For evidence: its record and the name it had when attached. */
  evidenceId: number | null;
  originalName: string | null;
}

/** index.json. */
export interface BundleIndex {
  format: 'complain-bundle';
  version: 1;
  caseId: number;
  title: string;
  company: string;
  exportedAt: string;
  files: BundleIndexItem[];
}

/** What `exportCaseBundle` wrote. */
export interface BundleResult {
  file: string;
  index: BundleIndex;
  /** Bytes of the entries (before compression). */
  contentBytes: number;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function bufferEntry(name: string, data: Buffer, compress: boolean): ZipEntry {
  return { name, sha256: sha256(data), size: data.length, source: { data }, compress };
}

/** index.txt: the same list as index.json, as a table a person reads. */
export function renderIndexText(index: BundleIndex): string {
  const table = renderTable(
    [
      t('evidence.index.head.file'),
      t('evidence.index.head.kind'),
      t('evidence.index.head.label'),
      t('evidence.index.head.size'),
      'SHA-256',
    ],
    index.files.map((f) => [f.file, f.kind, f.label, formatBytes(f.size), f.sha256]),
    { maxWidths: [70, 16, 50, 10, 64], layout: 'table' },
  );
  return [
    t('evidence.index.title', {
      id: String(index.caseId),
      title: index.title,
      company: index.company,
    }),
    t('evidence.index.exported', { at: index.exportedAt }),
    '',
    table,
  ].join('\n');
}

/** What the timeline is made of: the case, its log and letters, the evidence under its names. */
export interface TimelineInput {
  caseRecord: CaseRecord;
  contacts: ContactRecord[];
  letters: LetterRecord[];
  language: UiLanguage;
  now: Date;
  timeZone: string;
  named: { record: EvidenceRecord; name: string }[];
}

/** The evidence of a case under the names the bundle gives them (01-receipt.pdf, …). */
export function namedEvidence(evidence: EvidenceRecord[]): TimelineInput['named'] {
  return evidence.map((record, i) => ({
    record,
    name: bundleEvidenceName(i + 1, evidence.length, record.kind, record.originalName),
  }));
}

/** The timeline as DOCX and CSV, in the language given (right to left in Persian). */
export async function renderTimeline(
  input: TimelineInput,
): Promise<{ docx: Buffer; csv: Buffer; rows: number }> {
  const { renderTimelineDocx } = await import('./timeline-docx.js');
  const { timeline, csv } = inLanguage(input.language, () => {
    const model = timelineDocument(
      input.caseRecord,
      input.contacts,
      input.letters,
      input.named,
      input.now,
      input.timeZone,
      isRtlLanguage(input.language),
    );
    return { timeline: model, csv: renderTimelineCsv(model.rows) };
  });
  const docx = await renderTimelineDocx(timeline, input.language);
  return { docx, csv, rows: timeline.rows.length };
}

/**
 * Writes a case bundle: timeline.docx and timeline.csv, the evidence under readable names in the
 * order the user chose, the extras, and index.json/index.txt with every file's kind, label and
 * SHA-256. The zip is verified entry by entry before it is renamed into place.
 */
export async function exportCaseBundle(input: {
  file: string;
  caseRecord: CaseRecord;
  contacts: ContactRecord[];
  /** Every letter of the case: the timeline shows when each was written, sent and delivered. */
  letters: LetterRecord[];
  /** The language of the timeline: the letter's. */
  language: UiLanguage;
  evidence: EvidenceRecord[];
  storeDir: string;
  now: Date;
  timeZone: string;
  extras: ExtraEntry[];
  onProgress?: BundleProgress;
}): Promise<BundleResult> {
  const { caseRecord: k, evidence } = input;
  const named = namedEvidence(evidence);
  for (const { record } of named) {
    const st = await lstat(storedFilePath(input.storeDir, record.storedPath)).catch(
      () => undefined,
    );
    if (!st?.isFile() || st.size !== record.size)
      throw new ComplainError(
        t('evidence.bundle.copyBad', {
          id: String(record.id),
          label: record.label,
          state: st ? 'changed' : 'missing',
        }),
        { hint: t('evidence.bundle.copyBadHint') },
      );
  }
  const { docx, csv } = await renderTimeline({ ...input, named });
  const entries: ZipEntry[] = [
    bufferEntry('timeline.docx', docx, false),
    bufferEntry('timeline.csv', csv, true),
  ];
  const items: BundleIndexItem[] = [
    item(entries[0]!, 'timeline', t('evidence.bundle.timelineDocx')),
    item(entries[1]!, 'timeline', t('evidence.bundle.timelineCsv')),
  ];
  for (const extra of input.extras) {
    const name = extra.name.split('/').filter(Boolean).map(safeFileName).join('/');
    const entry = bufferEntry(name, extra.data, true);
    entries.push(entry);
    items.push(item(entry, extra.kind, extra.label));
  }
  for (const { record, name } of named) {
    const entry: ZipEntry = {
      name,
      sha256: record.sha256,
      size: record.size,
      source: { path: storedFilePath(input.storeDir, record.storedPath) },
      compress: false,
    };
    entries.push(entry);
    items.push({
      ...item(entry, record.kind, record.label),
      evidenceId: record.id,
      originalName: record.originalName,
    });
  }
  const names = new Set<string>();
  for (const e of entries) {
    if (names.has(e.name) || e.name === 'index.json' || e.name === 'index.txt')
      throw new ComplainError(t('evidence.bundle.sameName', { name: e.name }), {
        hint: t('evidence.bundle.sameNameHint'),
      });
    names.add(e.name);
  }
  const index: BundleIndex = {
    format: 'complain-bundle',
    version: 1,
    caseId: k.id,
    title: k.title,
    company: k.company.name,
    exportedAt: input.now.toISOString(),
    files: items,
  };
  // The index first: the file a person opens first, and the first a reader lists.
  entries.unshift(
    bufferEntry('index.json', Buffer.from(JSON.stringify(index, null, 2) + '\n'), true),
    bufferEntry('index.txt', Buffer.from(renderIndexText(index)), true),
  );
  await writeVerifiedZip(input.file, entries, input.now, input.onProgress);
  return { file: input.file, index, contentBytes: entries.reduce((n, e) => n + e.size, 0) };
}

function item(entry: ZipEntry, kind: string, label: string): BundleIndexItem {
  return {
    file: entry.name,
    kind,
    label,
    size: entry.size,
    sha256: entry.sha256,
    evidenceId: null,
    originalName: null,
  };
}
