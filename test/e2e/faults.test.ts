import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { BIN, makeSandbox, newCaseArgs } from '../support/cli.js';

/** Runs the binary with its own --data-dir. */
function spawnSyncBin(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 30_000,
  });
}

/** Runs the binary with stdout closed at once, as `| head -0` would. */
function withClosedStdout(sb: CliSandbox, args: string[]) {
  return new Promise<{ code: number | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, [BIN, '--data-dir', sb.dataDir, ...args], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('faults found by npm run test:faults', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
    expect(sb.run(newCaseArgs()).status).toBe(0);
    for (let i = 0; i < 3; i++)
      sb.run(['log', '1', '--channel', 'phone', '--summary', `call ${i} `.repeat(20)]);
  }, 180_000);
  afterAll(() => sb.cleanup());

  it.each([['show', '1'], ['list'], ['export', '--all', '--json']])(
    'a closed pipe ends %s quietly with 0',
    async (...args) => {
      const r = await withClosedStdout(sb, args);
      expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
      expect(r.code).toBe(0);
    },
  );

  it('SIGTERM during an attach dies of the signal (143) and leaves no temp file', async () => {
    const big = join(sb.dir, 'big.bin');
    writeFileSync(big, Buffer.alloc(64 * 1024 * 1024, 7));
    const child = spawn(process.execPath, [BIN, '--data-dir', sb.dataDir, 'attach', '1', big]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    setTimeout(() => child.kill('SIGTERM'), 400);
    const signal = await new Promise((done) => child.on('close', (_c, s) => done(s)));
    expect(stderr).not.toMatch(/\n\s+at /);
    if (signal !== null) expect(signal).toBe('SIGTERM');
    const store = join(sb.dataDir, 'evidence');
    const left = existsSync(store) ? readdirSync(store) : [];
    expect(left.filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('the temp file of a run killed outright is removed by the next run', () => {
    const store = join(sb.dataDir, 'evidence');
    mkdirSync(store, { recursive: true, mode: 0o700 });
    const orphan = join(store, '.incoming-999999-0123456789abcdef');
    writeFileSync(orphan, 'half a file');
    expect(sb.run(['list']).status).toBe(0);
    expect(readdirSync(store)).not.toContain('.incoming-999999-0123456789abcdef');
    expect(sb.run(['doctor']).status).toBe(0);
  });

  /** The pid of a process that has exited: no live writer owns a temp named after it. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

  it('an attach killed after its commit has its copy named by the next run', () => {
    // What a SIGKILL between the record's commit and the copy's rename leaves behind.
    const file = join(sb.dir, 'invoice.pdf');
    writeFileSync(file, 'invoice 42, unpaid');
    const [e] = JSON.parse(sb.run(['attach', '1', file, '--json']).stdout) as { sha256: string }[];
    const store = join(sb.dataDir, 'evidence');
    const staged = `.incoming-${deadPid()}-${e!.sha256}`;
    renameSync(join(store, e!.sha256), join(store, staged));
    expect(sb.run(['list']).status).toBe(0);
    expect(readdirSync(store)).not.toContain(staged);
    expect(readFileSync(join(store, e!.sha256), 'utf8')).toBe('invoice 42, unpaid');
    expect(sb.run(['doctor']).status).toBe(0);
  });

  it('an attach killed before its commit leaves nothing the next run keeps', () => {
    const store = join(sb.dataDir, 'evidence');
    const sha256 = createHash('sha256').update('never recorded').digest('hex');
    const staged = `.incoming-${deadPid()}-${sha256}`;
    writeFileSync(join(store, staged), 'never recorded');
    expect(sb.run(['list']).status).toBe(0);
    expect(readdirSync(store).filter((n) => n.includes(sha256))).toEqual([]);
    expect(sb.run(['doctor']).status).toBe(0);
  });

  it('a live attach keeps its copy under a temp name until its record is committed', async () => {
    const big = join(sb.dir, 'slow.bin');
    writeFileSync(big, Buffer.alloc(8 * 1024 * 1024, 3));
    const store = join(sb.dataDir, 'evidence');
    const sha256 = createHash('sha256').update(readFileSync(big)).digest('hex');
    const db = new Database(join(sb.dataDir, 'complain.db'));
    const records = db.prepare('SELECT count(*) AS n FROM evidence WHERE sha256 = ?').pluck();
    // The test holds the write lock: the child copies, then waits for it to record.
    db.exec('BEGIN IMMEDIATE');
    const child = spawn(process.execPath, [BIN, '--data-dir', sb.dataDir, 'attach', '1', big]);
    const exited = new Promise((done) => child.on('close', done));
    const staged = `.incoming-${child.pid}-${sha256}`;
    for (let i = 0; i < 400 && !readdirSync(store).includes(staged); i++)
      await new Promise((ok) => setTimeout(ok, 10));
    const waiting = readdirSync(store);
    db.exec('COMMIT');
    await exited;
    expect(waiting).toContain(staged);
    expect(waiting).not.toContain(sha256);
    expect(child.exitCode).toBe(0);
    expect(records.get(sha256)).toBe(1);
    db.close();
    expect(readdirSync(store)).toContain(sha256);
    expect(readdirSync(store).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('a read-only database file stays read-only', () => {
    const db = join(sb.dataDir, 'complain.db');
    chmodSync(db, 0o400);
    sb.run(['list']);
    expect(statSync(db).mode & 0o777).toBe(0o400);
    chmodSync(db, 0o600);
  });

  it('import refuses a file with two records of one id, and changes nothing', () => {
    const file = join(sb.dir, 'all.json');
    expect(sb.run(['export', '--all', '--json', '-o', file]).status).toBe(0);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { tables: Record<string, unknown[]> };
    data.tables.caseFile!.push(data.tables.caseFile![0]);
    writeFileSync(file, JSON.stringify(data));
    const r = sb.run(['import', file, '--merge']);
    expect(r.stderr).toMatch(/two caseFile records with id 1/);
    expect(r.status).toBe(1);
    expect(sb.json<unknown[]>(['list'])).toHaveLength(1);
  });

  it('a damaged database that is not in WAL mode is refused without a byte changed', () => {
    const other = makeSandbox();
    try {
      expect(other.run(newCaseArgs()).status).toBe(0);
      const file = join(other.dataDir, 'complain.db');
      const db = new Database(file);
      db.pragma('journal_mode = DELETE');
      db.close();
      const bytes = readFileSync(file);
      bytes.fill(0x5a, 2 * 4096, 5 * 4096);
      writeFileSync(file, bytes);
      const r = other.run(['list']);
      expect(r.stderr).toMatch(/^complain: the database is damaged/);
      expect(r.status).toBe(1);
      expect(readFileSync(file).equals(bytes)).toBe(true);
    } finally {
      other.cleanup();
    }
  });

  it('a --data-dir that is a file, or lies under one, or under /proc: one line, exit 1', () => {
    const file = join(sb.dir, 'a-file');
    writeFileSync(file, 'not a folder');
    for (const [dir, said] of [
      [file, /^complain: the data dir ".*a-file" is a file, not a folder — point --data-dir/],
      [join(file, 'sub'), /^complain: cannot use ".*a-file\/sub": a part of it is a file/],
      [
        '/proc/complain-nope',
        /^complain: cannot create the data dir "\/proc\/complain-nope" \(ENOENT\)/,
      ],
    ] as const) {
      const r = spawnSyncBin(['--data-dir', dir, 'list']);
      expect(r.stderr).toMatch(said);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.status).toBe(1);
    }
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('an output name over 255 bytes is refused in one line; one of 250 bytes is written', () => {
    const long = join(sb.dir, `${'x'.repeat(300)}.ics`);
    const r = sb.run(['due', '--ics', long]);
    expect(r.stderr).toMatch(/^complain: the path ".*" is too long for the file system — /);
    expect(r.status).toBe(1);
    // The temp name beside it is shortened, so a name just under the limit still works.
    const fits = join(sb.dir, `${'y'.repeat(246)}.ics`);
    const ok = sb.run(['due', '--ics', fits]);
    expect(ok.status).toBe(0);
    expect(readFileSync(fits, 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
    expect(readdirSync(sb.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('backup -o a folder is refused before any temp file is made', () => {
    const folder = join(sb.dir, 'a-folder');
    mkdirSync(folder);
    const r = sb.run(['backup', '-o', folder]);
    expect(r.stderr).toMatch(/^complain: .*a-folder is a directory — /);
    expect(r.status).toBe(1);
    expect(readdirSync(folder)).toEqual([]);
    expect(readdirSync(sb.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('new refused for missing flags exits 2 and writes no byte (database, -wal, every file)', () => {
    const witness = () =>
      readdirSync(sb.dataDir, { recursive: true })
        .map(String)
        .filter((n) => n !== 'complain.db-shm')
        .sort()
        .map((n) => {
          const full = join(sb.dataDir, n);
          if (statSync(full).isDirectory()) return `${n}/`;
          const bytes = readFileSync(full);
          if (n === 'complain.db-wal' && bytes.length === 0) return '';
          return `${n}:${createHash('sha256').update(bytes).digest('hex')}`;
        })
        .join('\n');
    const before = witness();
    // The suite's garbage run: the other flags missing, no terminal to ask for them.
    const r = sb.run(['--no-input', 'new', '--company-phone', '∞ TL']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^complain: missing flags --company/);
    expect(witness()).toBe(before);
    expect(sb.json<unknown[]>(['list'])).toHaveLength(1);
  });
});
