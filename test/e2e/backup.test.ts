import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { BIN, makeSandbox } from '../support/cli.js';
import { newCase } from '../support/files.js';

// Enough writes to overlap several backups; few enough for a loaded 2-core CI machine.
const LOGS = 12;

describe('complain backup', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
    newCase(sb);
  });
  afterAll(() => sb.cleanup());

  it('takes consistent copies while another process is logging contacts', async () => {
    const script = `for i in $(seq 1 ${LOGS}); do "$NODE" "$BIN" --data-dir "$DATA" log 1 --channel phone --summary "call $i" --no-input >/dev/null 2>&1 || exit 1; done`;
    const logger = spawn('bash', ['-c', script], {
      env: { ...process.env, NODE: process.execPath, BIN, DATA: sb.dataDir, NO_COLOR: '1' },
      stdio: 'ignore',
    });
    const finished = new Promise<number | null>((done) => logger.on('exit', done));
    let running = true;
    void finished.then(() => (running = false));
    const files: string[] = [];
    for (let i = 0; i < 20 && (running || files.length < 3); i++) {
      const file = join(sb.dir, `backup-${i}.db`);
      const r = sb.run(['backup', '-o', file]);
      expect(r.stderr).toContain('Backup written and checked');
      expect(r.status).toBe(0);
      files.push(file);
      await new Promise((ok) => setTimeout(ok, 50));
    }
    expect(await finished).toBe(0);
    const counts = files.map((file) => {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
        return (db.prepare('SELECT count(*) AS n FROM contact').get() as { n: number }).n;
      } finally {
        db.close();
      }
    });
    // Counts only grow, and the last backup after the logger finished has them all.
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    const last = sb.run(['backup', '-o', join(sb.dir, 'final.db')]);
    expect(last.status).toBe(0);
    const db = new Database(join(sb.dir, 'final.db'), { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM contact').get() as { n: number }).n).toBe(LOGS);
    db.close();
  }, 180_000);

  it('writes into the data dir by default and refuses the live database as output', () => {
    const r = sb.run(['backup', '--json']);
    expect(r.status).toBe(0);
    const { file } = JSON.parse(r.stdout) as { file: string };
    expect(file.startsWith(join(sb.dataDir, 'backups', 'complain-'))).toBe(true);
    const bad = sb.run(['backup', '-o', join(sb.dataDir, 'complain.db')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('-o names the live database itself');
    const nowhere = sb.run(['backup', '-o', join(sb.dir, 'no-such-folder', 'copy.db')]);
    expect(nowhere.status).toBe(1);
    expect(nowhere.stderr).toContain('the folder does not exist');
    expect(nowhere.stderr).not.toContain('this is a bug');
  });
});
