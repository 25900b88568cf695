import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { getCase } from '../db/case-repo.js';
import type { AddedEvidence, EvidenceInput } from '../db/evidence-repo.js';
import { addEvidence } from '../db/evidence-repo.js';
import { parseChoice } from '../domain/contact-fields.js';
import { defaultLabel, guessKind } from '../domain/evidence.js';
import { sanitizeText } from '../domain/text.js';
import type { CaseRecord } from '../domain/model.js';
import type { EvidenceKind } from '../domain/vocab.js';
import { EVIDENCE_KINDS, labelOf } from '../domain/vocab.js';
import { UsageError } from '../errors.js';
import type { ProgressFn, StagedCopy } from '../files/evidence-store.js';
import {
  copyIntoStore,
  discardCopies,
  ensureStore,
  inspectSource,
  publishCopies,
} from '../files/evidence-store.js';
import { fsyncDir } from '../files/atomic.js';
import { progressLine } from '../output/progress.js';
import { evidenceView } from '../output/views.js';
import type { Act } from './shared.js';
import { examples, parseId } from './shared.js';
import { t } from '../i18n.js';

/** Flags of `complain attach`. */
export interface AttachOptions {
  caseArg: string;
  files: string[];
  kind: EvidenceKind | undefined;
  label: string | undefined;
  json: boolean;
}

export function toAttachOptions(
  caseArg: string,
  files: string[],
  opts: Record<string, unknown>,
): AttachOptions {
  const label = typeof opts.label === 'string' ? sanitizeText(opts.label) : undefined;
  if (label !== undefined && files.length > 1)
    throw new UsageError(t('evidence.attach.labelSeveral'), t('evidence.attach.labelSeveralHint'));
  if (label === '')
    throw new UsageError(t('evidence.labelEmpty'), t('evidence.attach.labelEmptyHint'));
  return {
    caseArg,
    files,
    kind:
      typeof opts.kind === 'string' ? parseChoice('kind', EVIDENCE_KINDS, opts.kind) : undefined,
    label,
    json: Boolean(opts.json),
  };
}

/** What `complain attach` did. */
export interface AttachResult {
  caseRecord: CaseRecord;
  added: AddedEvidence[];
}

/**
 * Checks every file first (nothing is copied when one is bad), copies each into the store under
 * a temp name, records them all in one transaction, and only then gives the copies their names.
 * A failure before the commit removes this run's copies; a kill after it leaves the renames to
 * the next run.
 */
export async function runAttach(
  options: AttachOptions,
  ctx: AppContext,
  onProgress?: (file: string) => ProgressFn,
): Promise<AttachResult> {
  const db = ctx.db();
  const caseRecord = getCase(db, parseId(options.caseArg, 'case'));
  const policy = { cwd: ctx.cwd, home: ctx.home, dataDir: ctx.paths.dataDir };
  const sources = [];
  for (const file of options.files) sources.push(await inspectSource(file, policy));
  const store = ctx.paths.evidenceDir;
  await ensureStore(store);
  const copies: StagedCopy[] = [];
  let recorded = false;
  try {
    for (const source of sources)
      copies.push(await copyIntoStore(source, store, onProgress?.(source.name)));
    const inputs: EvidenceInput[] = sources.map((source, i) => ({
      kind: options.kind ?? guessKind(source.name),
      label: options.label ?? defaultLabel(source.name),
      originalName: sanitizeText(source.name) || 'file',
      storedPath: copies[i]!.storedPath,
      sha256: copies[i]!.sha256,
      size: copies[i]!.size,
    }));
    // The staged names reach the disk before the records that need them do (power loss).
    await fsyncDir(store);
    const added = addEvidence(db, caseRecord.id, inputs, ctx.now());
    recorded = true;
    // Not fsynced after: should a rename be lost, the next run finishes it from the staged name.
    publishCopies(store, copies);
    return { caseRecord, added };
  } catch (error) {
    if (!recorded) await discardCopies(copies);
    throw error;
  }
}

export function registerAttach(program: Command, act: Act): void {
  program
    .command('attach')
    .argument('<case>', t('evidence.arg.case'))
    .argument('<file...>', t('evidence.attach.arg.files'))
    .description(t('evidence.attach.description'))
    .option('--kind <kind>', t('evidence.attach.opt.kind', { kinds: EVIDENCE_KINDS.join(' | ') }))
    .option('--label <text>', t('evidence.attach.opt.label'))
    .option('--json', t('evidence.attach.opt.json'))
    .addHelpText('after', examples(t('evidence.attach.examples')))
    .action(
      async (caseArg: string, files: string[], opts: Record<string, unknown>, cmd: Command) => {
        const options = toAttachOptions(caseArg, files, opts);
        await act(cmd, 'attach', options, async (ctx) =>
          printAttach(ctx, options, await runAttach(options, ctx, drawProgress(ctx))),
        );
      },
    );
}

function drawProgress(ctx: AppContext): (file: string) => ProgressFn {
  return (file) => {
    const line = progressLine(ctx.stderr, ctx.stderrIsTTY, t('evidence.attach.copying', { file }));
    return (done, total) => (done >= total ? line.finish() : line.update(done, total));
  };
}

export function printAttach(ctx: AppContext, options: AttachOptions, result: AttachResult): void {
  const { added, caseRecord } = result;
  if (options.json)
    ctx.print(
      JSON.stringify(
        added.map((a) => ({ ...evidenceView(a.record), duplicate: a.duplicate })),
        null,
        2,
      ),
    );
  else ctx.print(added.map((a) => String(a.record.id)).join('\n'));
  for (const { record, duplicate } of added) {
    if (duplicate)
      ctx.say(
        ctx.color.yellow(
          t('evidence.attach.duplicate', {
            caseId: String(caseRecord.id),
            id: String(record.id),
            label: record.label,
          }),
        ),
      );
    else
      ctx.say(
        ctx.color.green(
          t('evidence.attach.attached', {
            file: record.originalName,
            caseId: String(caseRecord.id),
            id: String(record.id),
            kind: labelOf(record.kind),
            label: record.label,
          }),
        ),
      );
  }
}
