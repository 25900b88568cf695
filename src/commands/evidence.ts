import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { getCase } from '../db/case-repo.js';
import type { EvidenceRecord } from '../db/evidence-repo.js';
import {
  deleteEvidence,
  getEvidence,
  listAllEvidence,
  listEvidence,
  moveEvidence,
  updateEvidence,
} from '../db/evidence-repo.js';
import { parseChoice } from '../domain/contact-fields.js';
import { sanitizeText } from '../domain/text.js';
import { EVIDENCE_KINDS } from '../domain/vocab.js';
import type { EvidenceKind } from '../domain/vocab.js';
import { ComplainError, UsageError } from '../errors.js';
import type { CopyState } from '../files/evidence-store.js';
import { checkStoredCopy, pruneUnusedCopies } from '../files/evidence-store.js';
import { renderEvidenceList, renderTable } from '../output/format.js';
import { progressLine } from '../output/progress.js';
import { evidenceView } from '../output/views.js';
import type { Act } from './shared.js';
import { confirmDestructive, examples, parseId } from './shared.js';
import { t } from '../i18n.js';

/** Flags of `complain evidence [list] <case>`. */
export interface EvidenceListOptions {
  caseArg: string;
  json: boolean;
}

export async function runEvidenceList(
  options: EvidenceListOptions,
  ctx: AppContext,
): Promise<EvidenceRecord[]> {
  const db = ctx.db();
  return listEvidence(db, getCase(db, parseId(options.caseArg, 'case')).id);
}

export function printEvidenceList(
  ctx: AppContext,
  options: EvidenceListOptions,
  evidence: EvidenceRecord[],
): void {
  if (options.json) ctx.print(JSON.stringify(evidence.map(evidenceView), null, 2));
  else if (evidence.length === 0) ctx.say(t('evidence.list.none', { case: options.caseArg }));
  else ctx.stdout.write(renderEvidenceList(evidence, ctx.colorOut));
}

/** Flags of `complain evidence verify [case]`. */
export interface EvidenceVerifyOptions {
  caseArg: string | undefined;
  json: boolean;
}

/** One record's check. */
export interface VerifiedEvidence {
  record: EvidenceRecord;
  check: CopyState;
}

/** Re-hashes every stored copy (each shared copy once) against the recorded SHA-256. */
export async function runEvidenceVerify(
  options: EvidenceVerifyOptions,
  ctx: AppContext,
  onProgress?: (done: number, total: number) => void,
): Promise<VerifiedEvidence[]> {
  const db = ctx.db();
  const records =
    options.caseArg === undefined
      ? listAllEvidence(db)
      : listEvidence(db, getCase(db, parseId(options.caseArg, 'case')).id);
  const total = records.reduce((n, r) => n + r.size, 0);
  let done = 0;
  const seen = new Map<string, CopyState>();
  const out: VerifiedEvidence[] = [];
  for (const record of records) {
    const key = `${record.storedPath}\u0000${record.sha256}`;
    let check = seen.get(key);
    if (!check) {
      check = await checkStoredCopy(
        ctx.paths.evidenceDir,
        record.storedPath,
        record.sha256,
        (n) => {
          done += n;
          onProgress?.(done, total);
        },
      );
      seen.set(key, check);
    }
    out.push({ record, check });
  }
  return out;
}

export function printEvidenceVerify(
  ctx: AppContext,
  options: EvidenceVerifyOptions,
  result: VerifiedEvidence[],
): void {
  const bad = result.filter((r) => r.check.state !== 'ok');
  if (options.json)
    ctx.print(
      JSON.stringify(
        result.map((r) => ({
          ...evidenceView(r.record),
          state: r.check.state,
          actualSha256: r.check.state === 'changed' ? r.check.sha256 : undefined,
        })),
        null,
        2,
      ),
    );
  else if (bad.length > 0)
    ctx.stdout.write(
      renderTable(
        [
          t('evidence.verify.head.id'),
          t('evidence.verify.head.case'),
          t('evidence.verify.head.state'),
          t('evidence.verify.head.label'),
          t('evidence.verify.head.file'),
        ],
        bad.map((r) => [
          String(r.record.id),
          String(r.record.caseId),
          t('evidence.copyState', { state: r.check.state }),
          r.record.label,
          r.record.originalName,
        ]),
      ),
    );
  if (bad.length > 0)
    throw new ComplainError(t('evidence.verify.bad', { bad: bad.length, count: result.length }), {
      hint: t('evidence.verify.badHint'),
    });
  ctx.say(
    ctx.color.green(
      result.length === 0
        ? t('evidence.verify.nothing')
        : t('evidence.verify.allGood', { count: result.length }),
    ),
  );
}

/** Flags of `complain evidence move|edit|remove <id>`. */
export interface EvidenceChangeOptions {
  id: number;
  action: 'move' | 'edit' | 'remove';
  position?: number;
  label?: string;
  kind?: EvidenceKind;
  yes: boolean;
  json: boolean;
}

export function toEvidenceChangeOptions(
  action: EvidenceChangeOptions['action'],
  idArg: string,
  opts: Record<string, unknown>,
  positionArg?: string,
): EvidenceChangeOptions {
  const options: EvidenceChangeOptions = {
    id: parseId(idArg, 'evidence'),
    action,
    yes: Boolean(opts.yes),
    json: Boolean(opts.json),
  };
  if (positionArg !== undefined) options.position = parseId(positionArg, 'position');
  if (typeof opts.label === 'string') {
    options.label = sanitizeText(opts.label);
    if (!options.label)
      throw new UsageError(t('evidence.labelEmpty'), t('evidence.edit.labelHint'));
  }
  if (typeof opts.kind === 'string') options.kind = parseChoice('kind', EVIDENCE_KINDS, opts.kind);
  if (action === 'edit' && options.label === undefined && options.kind === undefined)
    throw new UsageError(t('evidence.edit.nothing'), t('evidence.edit.nothingHint'));
  return options;
}

/** Reorders, relabels or removes one record; a removed record's copy goes when no case uses it. */
export async function runEvidenceChange(
  options: EvidenceChangeOptions,
  ctx: AppContext,
): Promise<{ caseId: number; evidence: EvidenceRecord[] }> {
  const db = ctx.db();
  const now = ctx.now();
  const record = getEvidence(db, options.id);
  if (options.action === 'move') moveEvidence(db, options.id, options.position ?? 1, now);
  else if (options.action === 'edit')
    updateEvidence(
      db,
      options.id,
      {
        ...(options.label !== undefined ? { label: options.label } : {}),
        ...(options.kind !== undefined ? { kind: options.kind } : {}),
      },
      now,
    );
  else {
    await confirmDestructive(
      ctx,
      t('evidence.remove.confirm', {
        id: String(record.id),
        label: record.label,
        caseId: String(record.caseId),
      }),
      options.yes,
    );
    deleteEvidence(db, options.id, now);
    pruneUnusedCopies(db, ctx.paths.evidenceDir, [record.storedPath]);
  }
  return { caseId: record.caseId, evidence: listEvidence(db, record.caseId) };
}

function printChange(
  ctx: AppContext,
  options: EvidenceChangeOptions,
  result: { caseId: number; evidence: EvidenceRecord[] },
) {
  printEvidenceList(ctx, { caseArg: String(result.caseId), json: options.json }, result.evidence);
  ctx.say(
    ctx.color.green(t('evidence.changed', { action: options.action, id: String(options.id) })),
  );
}

export function registerEvidence(program: Command, act: Act): void {
  const evidence = program
    .command('evidence')
    .description(t('evidence.description'))
    .addHelpText('after', examples(t('evidence.examples')));
  evidence
    .command('list', { isDefault: true })
    .argument('<case>', t('evidence.arg.case'))
    .description(t('evidence.list.description'))
    .option('--json', t('evidence.list.opt.json'))
    .addHelpText('after', examples(t('evidence.list.examples')))
    .action(async (caseArg: string, opts: Record<string, unknown>, cmd: Command) => {
      const options = { caseArg, json: Boolean(opts.json) };
      await act(cmd, 'evidence list', options, async (ctx) =>
        printEvidenceList(ctx, options, await runEvidenceList(options, ctx)),
      );
    });
  evidence
    .command('verify')
    .argument('[case]', t('evidence.verify.arg.case'))
    .description(t('evidence.verify.description'))
    .option('--json', t('evidence.verify.opt.json'))
    .addHelpText('after', examples(t('evidence.verify.examples')))
    .action(async (caseArg: string | undefined, opts: Record<string, unknown>, cmd: Command) => {
      const options = { caseArg, json: Boolean(opts.json) };
      await act(cmd, 'evidence verify', options, async (ctx) =>
        printEvidenceVerify(ctx, options, await runEvidenceVerify(options, ctx, verifyLine(ctx))),
      );
    });
  evidence
    .command('move')
    .argument('<id>', t('evidence.arg.evidenceId'))
    .argument('<position>', t('evidence.move.arg.position'))
    .description(t('evidence.move.description'))
    .option('--json', t('evidence.change.opt.json'))
    .addHelpText('after', examples(t('evidence.move.examples')))
    .action(async (id: string, pos: string, opts: Record<string, unknown>, cmd: Command) => {
      const options = toEvidenceChangeOptions('move', id, opts, pos);
      await act(cmd, 'evidence move', options, async (ctx) =>
        printChange(ctx, options, await runEvidenceChange(options, ctx)),
      );
    });
  evidence
    .command('edit')
    .argument('<id>', t('evidence.arg.evidenceId'))
    .description(t('evidence.edit.description'))
    .option('--label <text>', t('evidence.edit.opt.label'))
    .option('--kind <kind>', t('evidence.edit.opt.kind', { kinds: EVIDENCE_KINDS.join(' | ') }))
    .option('--json', t('evidence.change.opt.json'))
    .addHelpText('after', examples(t('evidence.edit.examples')))
    .action(async (id: string, opts: Record<string, unknown>, cmd: Command) => {
      const options = toEvidenceChangeOptions('edit', id, opts);
      await act(cmd, 'evidence edit', options, async (ctx) =>
        printChange(ctx, options, await runEvidenceChange(options, ctx)),
      );
    });
  evidence
    .command('remove')
    .argument('<id>', t('evidence.arg.evidenceId'))
    .description(t('evidence.remove.description'))
    .option('-y, --yes', t('evidence.remove.opt.yes'))
    .option('--json', t('evidence.change.opt.json'))
    .addHelpText('after', examples(t('evidence.remove.examples')))
    .action(async (id: string, opts: Record<string, unknown>, cmd: Command) => {
      const options = toEvidenceChangeOptions('remove', id, opts);
      await act(cmd, 'evidence remove', options, async (ctx) =>
        printChange(ctx, options, await runEvidenceChange(options, ctx)),
      );
    });
}

function verifyLine(ctx: AppContext) {
  const line = progressLine(ctx.stderr, ctx.stderrIsTTY, t('evidence.verify.progress'));
  return (done: number, total: number) =>
    done >= total ? line.finish() : line.update(done, total);
}
