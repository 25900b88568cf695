import Database from 'better-sqlite3';
import { chmodSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { makeSandbox } from '../support/cli.js';
import { TINY_PDF, newCase, put, sha256 } from '../support/files.js';

interface DoctorJson {
  ok: boolean;
  checks: { name: string; ok: boolean; detail: string; fix: string | null }[];
}

describe('complain doctor', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
    newCase(sb);
    put(sb, 'fatura.pdf', TINY_PDF);
    sb.json(['attach', '1', 'fatura.pdf']);
    sb.run(['profile', '--name', 'Ayşe Yılmaz', '--country', 'TR']);
    sb.run(['letter', '1', '-o', 'letter.docx']);
  });
  afterAll(() => sb.cleanup());

  const doctor = () => {
    const r = sb.run(['doctor', '--json']);
    return { status: r.status, report: JSON.parse(r.stdout) as DoctorJson, stderr: r.stderr };
  };

  it('passes on a healthy data dir', () => {
    const { status, report } = doctor();
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'database integrity',
        'schema',
        'references',
        'evidence copies',
        'letter copies',
      ]),
    );
    expect(report.checks.find((c) => c.name === 'letter copies')?.detail).toBe(
      '1 letter copy matches its SHA-256',
    );
    expect(status).toBe(0);
  });

  it('finds a letter whose data dir copy is gone, and says how to make it again', () => {
    const dir = join(sb.dataDir, 'letters');
    const [copy] = readdirSync(dir);
    const saved = readFileSync(join(dir, copy!));
    rmSync(join(dir, copy!));
    try {
      const { status, report } = doctor();
      expect(status).toBe(1);
      expect(report.checks.find((c) => c.name === 'letter #1')).toMatchObject({
        ok: false,
        fix: 'export the letter again: complain letter 1 -o letter.docx',
      });
    } finally {
      writeFileSync(join(dir, copy!), saved, { mode: 0o600 });
    }
  });

  it('finds loose permissions, a changed copy, a stray file and a broken reference, each with a fix', () => {
    chmodSync(sb.dataDir, 0o755);
    const store = join(sb.dataDir, 'evidence');
    writeFileSync(join(store, sha256(TINY_PDF)), 'changed');
    writeFileSync(join(store, 'stray.bin'), 'who am I');
    const db = new Database(join(sb.dataDir, 'complain.db'));
    db.pragma('foreign_keys = OFF');
    db.prepare(
      "INSERT INTO promise (case_id, contact_id, text, due_at) VALUES (1, 999, 'x', '2026-12-01T00:00:00Z')",
    ).run();
    db.close();
    const { status, report, stderr } = doctor();
    expect(status).toBe(1);
    expect(stderr).toContain('doctor found 4 problems');
    const failed = report.checks.filter((c) => !c.ok);
    expect(failed.map((c) => c.name)).toEqual([
      'data dir permissions',
      'references',
      'evidence #1',
      'stray file',
    ]);
    expect(failed[0]!.fix).toBe(`chmod 700 '${sb.dataDir}'`);
    expect(failed.every((c) => c.fix)).toBe(true);
  });
});
