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

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(3, '0');

function modeCheck(name: string, path: string, want: number, platform: string): DoctorCheck {
  const st = lstatSync(path);
  // Windows has no POSIX modes to check.
  if (platform === 'win32' || (st.mode & 0o777) === want)
    return { name, ok: true, detail: `${path} is ${octal(want)}`, fix: null };
  return {
    name,
    ok: false,
    detail: `${path} is ${octal(st.mode)}: others can ${st.mode & 0o044 ? 'read' : 'reach'} it`,
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
      ? { name: 'database integrity', ok: true, detail: 'integrity_check: ok', fix: null }
      : {
          name: 'database integrity',
          ok: false,
          detail: `integrity_check: ${integrity.slice(0, 3).join('; ')}`,
          fix: 'stop using this file: restore the latest backup (backups/ in the data dir), or export what can be read with `complain export --all --json`',
        },
  );
  const version = db.pragma('user_version', { simple: true }) as number;
  const appId = db.pragma('application_id', { simple: true }) as number;
  out.push(
    version === SCHEMA_VERSION && appId === APPLICATION_ID
      ? { name: 'schema', ok: true, detail: `version ${version}`, fix: null }
      : {
          name: 'schema',
          ok: false,
          detail: `version ${version} (this complain writes ${SCHEMA_VERSION}), application id ${appId}`,
          fix: 'run any complain command to migrate; if that fails, restore a backup',
        },
  );
  const orphans = db.pragma('foreign_key_check') as {
    table: string;
    rowid: number;
    parent: string;
  }[];
  out.push(
    orphans.length === 0
      ? { name: 'references', ok: true, detail: 'foreign_key_check: none broken', fix: null }
      : {
          name: 'references',
          ok: false,
          detail: `${orphans.length} records point at missing ones (e.g. ${orphans[0]!.table} row ${orphans[0]!.rowid} → ${orphans[0]!.parent})`,
          fix: 'the database was edited outside complain: restore a backup, or delete those rows with sqlite3',
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
        ? { name: 'evidence store', ok: true, detail: 'no evidence yet', fix: null }
        : {
            name: 'evidence store',
            ok: false,
            detail: `${store} is missing, but ${records.length} evidence records point into it`,
            fix: 'copy the evidence folder from your old data dir or backup, or attach the originals again',
          },
    );
    return out;
  }
  out.push(modeCheck('evidence store permissions', store, 0o700, ctx.platform));
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
      state = error instanceof ComplainError ? 'outside the store' : 'unreadable';
    }
    checked.set(r.storedPath, state);
    if (state !== 'ok')
      out.push({
        name: `evidence #${r.id}`,
        ok: false,
        detail: `${r.label} (${r.originalName}) on case #${r.caseId}: stored copy ${state}`,
        fix: `attach the original again: complain attach ${r.caseId} '${r.originalName}' (then remove #${r.id} if it was renamed)`,
      });
  }
  const bad = out.filter((c) => !c.ok && c.name.startsWith('evidence #')).length;
  if (bad === 0)
    out.push({
      name: 'evidence copies',
      ok: true,
      detail: `${checked.size} stored ${checked.size === 1 ? 'copy matches its' : 'copies match their'} SHA-256`,
      fix: null,
    });
  for (const name of await listStore(store)) {
    const full = join(store, name);
    if (name.startsWith('.incoming-'))
      out.push({
        name: 'interrupted attach',
        ok: false,
        detail: `${full} is left from an attach that did not finish`,
        fix: `rm '${full}'`,
      });
    else if (!referenced.has(full))
      out.push({
        name: 'stray file',
        ok: false,
        detail: `${full} belongs to no evidence record`,
        fix: `look at it, then remove it (rm '${full}') or attach it to its case again`,
      });
    else {
      const mode = modeCheck('evidence file permissions', full, 0o600, ctx.platform);
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
      detail: `the data dir's copy of letter #${r.id} (case #${r.caseId}) is missing or changed: the case bundle cannot enclose it`,
      fix: `export the letter again: complain letter ${r.caseId} -o letter.docx`,
    });
  }
  if (out.length === 0)
    out.push({
      name: 'letter copies',
      ok: true,
      detail:
        rows.length === 0
          ? 'no letters yet'
          : `${rows.length} letter ${rows.length === 1 ? 'copy matches its' : 'copies match their'} SHA-256`,
      fix: null,
    });
  if (existsSync(dir)) {
    out.push(modeCheck('letter store permissions', dir, 0o700, ctx.platform));
    for (const name of readdirSync(dir)) {
      const c = modeCheck('letter copy permissions', join(dir, name), 0o600, ctx.platform);
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
        name: 'data dir',
        ok: true,
        detail: `${dataDir} does not exist yet: nothing to check`,
        fix: null,
      },
    ];
  const checks: DoctorCheck[] = [modeCheck('data dir permissions', dataDir, 0o700, ctx.platform)];
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`])
    if (existsSync(f)) checks.push(modeCheck('database file permissions', f, 0o600, ctx.platform));
  const backups = join(dataDir, 'backups');
  if (existsSync(backups))
    for (const name of readdirSync(backups)) {
      const c = modeCheck('backup permissions', join(backups, name), 0o600, ctx.platform);
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
      fix: e?.hint ?? 'restore a backup (backups/ in the data dir)',
    });
    return checks;
  }
  checks.push(...databaseChecks(db));
  checks.push(...(await storeChecks(ctx, db)));
  checks.push(...letterStoreChecks(ctx, db));
  return checks;
}

export function printDoctor(ctx: AppContext, options: DoctorOptions, checks: DoctorCheck[]): void {
  const problems = checks.filter((c) => !c.ok);
  if (options.json) ctx.print(JSON.stringify({ ok: problems.length === 0, checks }, null, 2));
  else
    ctx.print(
      checks
        .map((c) =>
          c.ok
            ? `${ctx.colorOut.green('ok')}   ${c.name}: ${c.detail}`
            : `${ctx.colorOut.red('FAIL')} ${c.name}: ${c.detail}\n     fix: ${c.fix}`,
        )
        .join('\n'),
    );
  if (problems.length > 0)
    throw new ComplainError(
      `doctor found ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`,
      { hint: 'each comes with its fix above' },
    );
}

export function registerDoctor(program: Command, act: Act): void {
  program
    .command('doctor')
    .description(
      'check the database, the evidence store and the permissions; say how to fix each problem',
    )
    .option('--json', 'print the checks as JSON')
    .addHelpText('after', examples(['complain doctor', 'complain doctor --json']))
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const options = { json: Boolean(opts.json) };
      await act(cmd, 'doctor', options, async (ctx) =>
        printDoctor(ctx, options, await runDoctor(options, ctx)),
      );
    });
}
