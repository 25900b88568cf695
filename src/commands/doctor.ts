import type { Command } from 'commander';
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../context.js';
import { listAllEvidence } from '../db/evidence-repo.js';
import { SCHEMA_VERSION } from '../db/migrations.js';
import type { Db } from '../db/open.js';
import { APPLICATION_ID } from '../db/open.js';
import { ComplainError } from '../errors.js';
import { checkStoredCopy, listStore, storedFilePath } from '../files/evidence-store.js';
import { letterStoreDir, readLetterCopy } from '../files/letter-store.js';
import type { Act } from './shared.js';
import { examples } from './shared.js';
import { t } from '../i18n.js';

/** One thing `doctor` looked at: what it found and, when wrong, what to do. */
export interface DoctorCheck {
  name: string;
  ok: boolean;
  detail: string;
  fix: string | null;
}

/** Flags of `complain doctor`. */
export interface DoctorOptions {
  json: boolean;
}

/**
 * A check's `name` in the JSON: its id in words ('evidence-store' → 'evidence store'), the same in
 * every language; the terminal shows its label from the catalogue (`checkLabel`).
 */
const checkName = (id: string) => id.replace(/-/g, ' ');

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(3, '0');

function modeCheck(name: string, path: string, want: number, platform: string): DoctorCheck {
  const st = lstatSync(path);
  // Windows has no POSIX modes to check.
  if (platform === 'win32' || (st.mode & 0o777) === want)
    return {
      name,
      ok: true,
      detail: t('evidence.doctor.modeOk', { path, mode: octal(want) }),
      fix: null,
    };
  return {
    name,
    ok: false,
    detail: t('evidence.doctor.modeBad', {
      path,
      mode: octal(st.mode),
      access: st.mode & 0o044 ? 'read' : 'reach',
    }),
    fix: `chmod ${octal(want)} '${path}'`,
  };
}

function databaseChecks(db: Db): DoctorCheck[] {
  const out: DoctorCheck[] = [];
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
    (r) => r.integrity_check,
  );
  out.push(
    integrity.length === 1 && integrity[0] === 'ok'
      ? {
          name: checkName('database-integrity'),
          ok: true,
          detail: t('evidence.doctor.integrityOk'),
          fix: null,
        }
      : {
          name: checkName('database-integrity'),
          ok: false,
          detail: `integrity_check: ${integrity.slice(0, 3).join('; ')}`,
          fix: t('evidence.doctor.integrityFix'),
        },
  );
  const version = db.pragma('user_version', { simple: true }) as number;
  const appId = db.pragma('application_id', { simple: true }) as number;
  out.push(
    version === SCHEMA_VERSION && appId === APPLICATION_ID
      ? {
          name: 'schema',
          ok: true,
          detail: t('evidence.doctor.schemaOk', { version: String(version) }),
          fix: null,
        }
      : {
          name: 'schema',
          ok: false,
          detail: t('evidence.doctor.schemaBad', {
            version: String(version),
            known: String(SCHEMA_VERSION),
            appId: String(appId),
          }),
          fix: t('evidence.doctor.schemaFix'),
        },
  );
  const orphans = db.pragma('foreign_key_check') as {
    table: string;
    rowid: number;
    parent: string;
  }[];
  out.push(
    orphans.length === 0
      ? {
          name: 'references',
          ok: true,
          detail: t('evidence.doctor.referencesOk'),
          fix: null,
        }
      : {
          name: 'references',
          ok: false,
          detail: t('evidence.doctor.referencesBad', {
            count: orphans.length,
            table: orphans[0]!.table,
            row: String(orphans[0]!.rowid),
            parent: orphans[0]!.parent,
          }),
          fix: t('evidence.doctor.referencesFix'),
        },
  );
  return out;
}

async function storeChecks(ctx: AppContext, db: Db): Promise<DoctorCheck[]> {
  const store = ctx.paths.evidenceDir;
  const records = listAllEvidence(db);
  const out: DoctorCheck[] = [];
  if (!existsSync(store)) {
    out.push(
      records.length === 0
        ? {
            name: checkName('evidence-store'),
            ok: true,
            detail: t('evidence.doctor.noEvidence'),
            fix: null,
          }
        : {
            name: checkName('evidence-store'),
            ok: false,
            detail: t('evidence.doctor.storeMissing', { store, count: records.length }),
            fix: t('evidence.doctor.storeMissingFix'),
          },
    );
    return out;
  }
  out.push(modeCheck(checkName('evidence-store-permissions'), store, 0o700, ctx.platform));
  const checked = new Map<string, string>();
  const referenced = new Set<string>();
  for (const r of records) {
    let state: string;
    try {
      const full = storedFilePath(store, r.storedPath);
      referenced.add(full);
      state =
        checked.get(r.storedPath) ?? (await checkStoredCopy(store, r.storedPath, r.sha256)).state;
    } catch (error) {
      state = error instanceof ComplainError ? 'outside' : 'unreadable';
    }
    checked.set(r.storedPath, state);
    if (state !== 'ok')
      out.push({
        name: `evidence #${r.id}`,
        ok: false,
        detail: t('evidence.doctor.copyBad', {
          label: r.label,
          file: r.originalName,
          caseId: String(r.caseId),
          state,
        }),
        fix: t('evidence.doctor.copyBadFix', {
          caseId: String(r.caseId),
          file: r.originalName,
          id: String(r.id),
        }),
      });
  }
  const bad = out.filter((c) => !c.ok && c.name.startsWith('evidence #')).length;
  if (bad === 0)
    out.push({
      name: checkName('evidence-copies'),
      ok: true,
      detail: t('evidence.doctor.copiesOk', { count: checked.size }),
      fix: null,
    });
  for (const name of await listStore(store)) {
    const full = join(store, name);
    if (name.startsWith('.incoming-'))
      out.push({
        name: checkName('interrupted-attach'),
        ok: false,
        detail: t('evidence.doctor.incoming', { file: full }),
        fix: `rm '${full}'`,
      });
    else if (!referenced.has(full))
      out.push({
        name: checkName('stray-file'),
        ok: false,
        detail: t('evidence.doctor.stray', { file: full }),
        fix: t('evidence.doctor.strayFix', { file: full }),
      });
    else {
      const mode = modeCheck(checkName('evidence-file-permissions'), full, 0o600, ctx.platform);
      if (!mode.ok) out.push(mode);
    }
  }
  return out;
}

/** The data dir's copies of exported letters: each recorded letter's copy is there and intact. */
function letterStoreChecks(ctx: AppContext, db: Db): DoctorCheck[] {
  const out: DoctorCheck[] = [];
  const rows = db
    .prepare(
      'SELECT id, case_id AS caseId, file_sha256 AS sha FROM letter WHERE file_sha256 IS NOT NULL ORDER BY id',
    )
    .all() as { id: number; caseId: number; sha: string }[];
  const dir = letterStoreDir(ctx.paths.dataDir);
  for (const r of rows) {
    if (readLetterCopy(ctx.paths.dataDir, r.sha)) continue;
    out.push({
      name: `letter #${r.id}`,
      ok: false,
      detail: t('evidence.doctor.letterBad', { id: String(r.id), caseId: String(r.caseId) }),
      fix: t('evidence.doctor.letterBadFix', { caseId: String(r.caseId) }),
    });
  }
  if (out.length === 0)
    out.push({
      name: checkName('letter-copies'),
      ok: true,
      detail:
        rows.length === 0
          ? t('evidence.doctor.noLetters')
          : t('evidence.doctor.lettersOk', { count: rows.length }),
      fix: null,
    });
  if (existsSync(dir)) {
    out.push(modeCheck(checkName('letter-store-permissions'), dir, 0o700, ctx.platform));
    for (const name of readdirSync(dir)) {
      const c = modeCheck(
        checkName('letter-copy-permissions'),
        join(dir, name),
        0o600,
        ctx.platform,
      );
      if (!c.ok) out.push(c);
    }
  }
  return out;
}

/** Checks the data dir, the database and the evidence store; every problem comes with its fix. */
export async function runDoctor(_options: DoctorOptions, ctx: AppContext): Promise<DoctorCheck[]> {
  const { dataDir, dbFile } = ctx.paths;
  if (!existsSync(dataDir))
    return [
      {
        name: checkName('data-dir'),
        ok: true,
        detail: t('evidence.doctor.noDataDir', { dir: dataDir }),
        fix: null,
      },
    ];
  const checks: DoctorCheck[] = [
    modeCheck(checkName('data-dir-permissions'), dataDir, 0o700, ctx.platform),
  ];
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`])
    if (existsSync(f))
      checks.push(modeCheck(checkName('database-file-permissions'), f, 0o600, ctx.platform));
  const backups = join(dataDir, 'backups');
  if (existsSync(backups))
    for (const name of readdirSync(backups)) {
      const c = modeCheck(
        checkName('backup-permissions'),
        join(backups, name),
        0o600,
        ctx.platform,
      );
      if (!c.ok) checks.push(c);
    }
  let db: Db;
  try {
    db = ctx.db();
  } catch (error) {
    const e = error instanceof ComplainError ? error : undefined;
    checks.push({
      name: 'database',
      ok: false,
      detail: e?.message ?? String(error),
      fix: e?.hint ?? t('evidence.doctor.databaseFix'),
    });
    return checks;
  }
  checks.push(...databaseChecks(db));
  checks.push(...(await storeChecks(ctx, db)));
  checks.push(...letterStoreChecks(ctx, db));
  return checks;
}

/** The name of a check in the interface language (`name` itself stays English in the JSON). */
function checkLabel(name: string): string {
  const record = /^(evidence|letter) #(\d+)$/.exec(name);
  if (record) return t('evidence.doctor.name.record', { kind: record[1]!, id: record[2]! });
  return t('evidence.doctor.name', { name: name.replace(/ /g, '_') });
}

export function printDoctor(ctx: AppContext, options: DoctorOptions, checks: DoctorCheck[]): void {
  const problems = checks.filter((c) => !c.ok);
  if (options.json) ctx.print(JSON.stringify({ ok: problems.length === 0, checks }, null, 2));
  else
    ctx.print(
      checks
        .map((c) =>
          c.ok
            ? t('evidence.doctor.lineOk', {
                mark: ctx.colorOut.green(t('evidence.doctor.ok')),
                name: checkLabel(c.name),
                detail: c.detail,
              })
            : t('evidence.doctor.lineFail', {
                mark: ctx.colorOut.red(t('evidence.doctor.fail')),
                name: checkLabel(c.name),
                detail: c.detail,
                fix: c.fix,
              }),
        )
        .join('\n'),
    );
  if (problems.length > 0)
    throw new ComplainError(t('evidence.doctor.found', { count: problems.length }), {
      hint: t('evidence.doctor.foundHint'),
    });
}

export function registerDoctor(program: Command, act: Act): void {
  program
    .command('doctor')
    .description(t('evidence.doctor.description'))
    .option('--json', t('evidence.doctor.opt.json'))
    .addHelpText('after', examples(t('evidence.doctor.examples')))
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const options = { json: Boolean(opts.json) };
      await act(cmd, 'doctor', options, async (ctx) =>
        printDoctor(ctx, options, await runDoctor(options, ctx)),
      );
    });
}
