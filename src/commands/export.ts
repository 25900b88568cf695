import type { Command } from 'commander';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppContext } from '../context.js';
import { getCase } from '../db/case-repo.js';
import { listContacts } from '../db/contact-repo.js';
import { listEvidence } from '../db/evidence-repo.js';
import type { LetterRecord } from '../db/letter-repo.js';
import { listLetters } from '../db/letter-repo.js';
import type { CaseRecord } from '../domain/model.js';
import { labelOf } from '../domain/vocab.js';
import { readLetterCopy } from '../files/letter-store.js';
import type { DataFile } from '../db/transfer.js';
import { exportData, exportDataText } from '../db/transfer.js';
import { UsageError } from '../errors.js';
import type { BundleResult, ExtraEntry } from '../export/case-bundle.js';
import type { BundleProgress } from '../export/zip-bundle.js';
import { writeFileAtomically, writeTextAtomically } from '../files/atomic.js';
import { convertDocxToPdf, requireSoffice, wantsPdf } from '../files/pdf.js';
import { formatBytes, progressLine } from '../output/progress.js';
import type { Act } from './shared.js';
import { examples, parseId } from './shared.js';
import type { UiLanguage } from '../i18n.js';
import { isUiLanguage, t, uiLanguage } from '../i18n.js';

/** Flags of `complain export`. */
export interface ExportOptions {
  caseArg: string | undefined;
  all: boolean;
  output: string | undefined;
  json: boolean;
  /**
   * Files other features add to a case bundle (the latest letter's DOCX): each is written under
   * its `name`, listed in the index with its kind, label and SHA-256, and verified with the rest.
   */
  extraEntries: ExtraEntry[];
}

export function toExportOptions(
  caseArg: string | undefined,
  opts: Record<string, unknown>,
): ExportOptions {
  const all = Boolean(opts.all);
  if (all && caseArg !== undefined)
    throw new UsageError(t('evidence.export.caseAndAll'), t('evidence.export.caseAndAllHint'));
  if (!all && caseArg === undefined)
    throw new UsageError(t('evidence.export.whichCase'), t('evidence.export.whichCaseHint'));
  return {
    caseArg,
    all,
    output: typeof opts.output === 'string' ? opts.output : undefined,
    json: Boolean(opts.json),
    extraEntries: [],
  };
}

/**
 * The letters a bundle encloses: every letter that was sent, each labelled with its sending
 * record (when, how, tracking, delivery); only when none was sent, the newest draft, marked as
 * one. Each comes from the data dir's copy (checked against its hash), else from the file it was
 * written to when that still has the same hash.
 */
export function letterEntries(ctx: AppContext, letters: LetterRecord[]): ExtraEntry[] {
  const written = letters.filter((l) => l.fileSha256);
  const sent = written.filter((l) => l.sentOn);
  const chosen = sent.length
    ? sent
    : written
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)
        .slice(0, 1);
  const entries: ExtraEntry[] = [];
  for (const letter of chosen) {
    const data = letterBytes(ctx, letter);
    if (!data) {
      ctx.say(
        ctx.color.yellow(
          t('evidence.export.letterGone', {
            id: String(letter.id),
            caseId: String(letter.caseId),
          }),
        ),
      );
      continue;
    }
    const date = letter.createdAt.toISOString().slice(0, 10);
    const draft = !letter.sentOn;
    entries.push({
      name: `letter-${letter.id}-${letter.language}${draft ? '-draft' : ''}.docx`,
      data,
      kind: draft ? 'letter-draft' : 'letter',
      label: draft
        ? t('evidence.export.letterDraftLabel', { id: String(letter.id), date })
        : t('evidence.export.letterSentLabel', {
            id: String(letter.id),
            date,
            sending: sendingRecord(letter),
          }),
    });
  }
  return entries;
}

/** "sent 2026-11-04 by registered mail, tracking RR…, delivered 2026-11-06". */
function sendingRecord(l: LetterRecord): string {
  return [
    t('evidence.export.sentPart', {
      date: l.sentOn ?? '',
      via: l.sentVia ? labelOf(l.sentVia) : 'none',
    }),
    l.tracking ? t('evidence.timeline.letterTrackingPart', { tracking: l.tracking }) : '',
    l.deliveredOn ? t('evidence.timeline.letterDeliveredPart', { date: l.deliveredOn }) : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function letterBytes(ctx: AppContext, letter: LetterRecord): Buffer | undefined {
  const data = readLetterCopy(ctx.paths.dataDir, letter.fileSha256!);
  if (data) return data;
  if (!letter.filePath) return undefined;
  const onDisk = readFileIfThere(letter.filePath);
  return onDisk && createHash('sha256').update(onDisk).digest('hex') === letter.fileSha256
    ? onDisk
    : undefined;
}

/**
 * The language of the bundle's timeline: that of the newest letter sent, else of the newest
 * letter, else the profile's letter language, else the interface's.
 */
export function timelineLanguage(
  profileLanguage: string | undefined,
  letters: LetterRecord[],
): UiLanguage {
  const newest = (ls: LetterRecord[]) =>
    [...ls].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)[0];
  const pick = newest(letters.filter((l) => l.sentOn)) ?? newest(letters);
  for (const code of [pick?.language, profileLanguage]) if (code && isUiLanguage(code)) return code;
  return uiLanguage();
}

function readFileIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** What `complain export` produced. */
export type ExportResult =
  | { kind: 'bundle'; bundle: BundleResult }
  | { kind: 'data'; data: DataFile; file: undefined }
  /** Written to -o a row at a time: `records` rows. */
  | { kind: 'data-file'; file: string; records: number }
  /** The timeline alone (-o timeline.docx or timeline.pdf): `rows` rows. */
  | { kind: 'timeline'; file: string; format: 'docx' | 'pdf'; caseId: number; rows: number };

/**
 * A case bundle (zip) for a regulator or arbitration body, or with --all every record as JSON
 * (to stdout, or atomically to -o).
 */
export async function runExport(
  options: ExportOptions,
  ctx: AppContext,
  onProgress?: BundleProgress,
): Promise<ExportResult> {
  const db = ctx.db();
  if (options.all) {
    if (!options.output) return { kind: 'data', data: exportData(db, ctx.now()), file: undefined };
    const file = resolve(ctx.cwd, options.output);
    let records = 0;
    await writeTextAtomically(
      file,
      exportDataText(db, ctx.now(), () => (records += 1)),
    );
    return { kind: 'data-file', file, records };
  }
  const caseRecord = getCase(db, parseId(options.caseArg!, 'case'));
  const file = resolve(ctx.cwd, options.output ?? `complain-case-${caseRecord.id}.zip`);
  if (/\.(pdf|docx)$/i.test(file)) return exportTimeline(ctx, caseRecord, file);
  if (!file.toLowerCase().endsWith('.zip'))
    throw new UsageError(
      t('evidence.export.notZip'),
      t('evidence.export.notZipHint', { id: String(caseRecord.id) }),
    );
  const letters = listLetters(db, caseRecord.id);
  const enclosed = letterEntries(ctx, letters);
  const { exportCaseBundle } = await import('../export/case-bundle.js');
  const bundle = await exportCaseBundle({
    file,
    caseRecord,
    contacts: listContacts(db, caseRecord.id),
    letters,
    language: timelineLanguage(ctx.profile()?.language, letters),
    evidence: listEvidence(db, caseRecord.id),
    storeDir: ctx.paths.evidenceDir,
    now: ctx.now(),
    timeZone: ctx.clock().timeZone,
    extras: [...enclosed, ...options.extraEntries],
    ...(onProgress ? { onProgress } : {}),
  });
  return { kind: 'bundle', bundle };
}

/**
 * The timeline alone, for a forum that wants one document: DOCX, or PDF through LibreOffice
 * (found before anything is rendered; without it nothing is written). Written atomically.
 */
async function exportTimeline(
  ctx: AppContext,
  caseRecord: CaseRecord,
  file: string,
): Promise<ExportResult> {
  const pdf = wantsPdf(file);
  const soffice = pdf ? requireSoffice(ctx.env) : undefined;
  const db = ctx.db();
  const letters = listLetters(db, caseRecord.id);
  const { renderTimeline, namedEvidence } = await import('../export/case-bundle.js');
  const { docx, rows } = await renderTimeline({
    caseRecord,
    contacts: listContacts(db, caseRecord.id),
    letters,
    language: timelineLanguage(ctx.profile()?.language, letters),
    named: namedEvidence(listEvidence(db, caseRecord.id)),
    now: ctx.now(),
    timeZone: ctx.clock().timeZone,
  });
  const bytes = soffice ? await convertDocxToPdf(docx, { soffice, env: ctx.env }) : docx;
  await writeFileAtomically(file, bytes);
  return { kind: 'timeline', file, format: pdf ? 'pdf' : 'docx', caseId: caseRecord.id, rows };
}

export function printExport(ctx: AppContext, options: ExportOptions, result: ExportResult): void {
  if (result.kind === 'data') {
    ctx.print(JSON.stringify(result.data, null, 2));
    return;
  }
  if (result.kind === 'data-file') {
    ctx.print(result.file);
    ctx.say(ctx.color.green(t('evidence.export.dataDone', { count: result.records })));
    return;
  }
  if (result.kind === 'timeline') {
    if (options.json) ctx.print(JSON.stringify(result, null, 2));
    else ctx.print(result.file);
    ctx.say(
      ctx.color.green(
        t('evidence.export.timelineDone', {
          rows: result.rows,
          caseId: String(result.caseId),
          format: result.format.toUpperCase(),
        }),
      ),
    );
    return;
  }
  const { bundle } = result;
  if (options.json) ctx.print(JSON.stringify({ file: bundle.file, ...bundle.index }, null, 2));
  else ctx.print(bundle.file);
  ctx.say(
    ctx.color.green(
      t('evidence.export.bundleDone', {
        count: bundle.index.files.length + 2,
        size: formatBytes(bundle.contentBytes),
        caseId: String(bundle.index.caseId),
      }),
    ),
  );
}

export function registerExport(program: Command, act: Act): void {
  program
    .command('export')
    .argument('[case]', t('evidence.arg.case'))
    .description(t('evidence.export.description'))
    .option('-o, --output <file>', t('evidence.export.opt.output'))
    .option('--all', t('evidence.export.opt.all'))
    .option('--json', t('evidence.export.opt.json'))
    .addHelpText('after', examples(t('evidence.export.examples')))
    .action(async (caseArg: string | undefined, opts: Record<string, unknown>, cmd: Command) => {
      const options = toExportOptions(caseArg, opts);
      await act(cmd, 'export', options, async (ctx) =>
        printExport(ctx, options, await runExport(options, ctx, drawProgress(ctx))),
      );
    });
}

function drawProgress(ctx: AppContext): BundleProgress {
  const line = progressLine(ctx.stderr, ctx.stderrIsTTY, t('evidence.export.writing'));
  const check = progressLine(ctx.stderr, ctx.stderrIsTTY, t('evidence.export.verifying'));
  return (phase, done, total) => {
    const l = phase === 'write' ? line : check;
    if (done >= total) l.finish();
    else l.update(done, total);
  };
}
