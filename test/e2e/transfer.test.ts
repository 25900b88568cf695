import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { makeSandbox } from '../support/cli.js';
import { TINY_PDF, newCase, put } from '../support/files.js';

describe('export --all --json → import: a round trip without loss', () => {
  let from: CliSandbox;
  let to: CliSandbox;
  let ids: number[];
  beforeAll(() => {
    from = makeSandbox();
    to = makeSandbox();
    from.run([
      'profile',
      '--name',
      'Ayşe Yılmaz',
      '--address',
      'Bağdat Cd. 12, İstanbul',
      '--email',
      'ayse@example.com',
      '--country',
      'TR',
      '--language',
      'tr',
      '--time-zone',
      'Europe/Istanbul',
      '--no-input',
    ]);
    ids = [newCase(from, 'Acme'), newCase(from, 'Globex'), newCase(from, 'ACME')];
    for (const [i, id] of ids.entries()) {
      from.run([
        'log',
        String(id),
        '--channel',
        'chat',
        '--at',
        '2026-11-20 10:00',
        '--rep',
        'Mehmet',
        '--rep',
        'Selin',
        '--rep-id',
        'S-17',
        '--summary',
        `Transferred to billing (${i}).`,
        '--promise',
        'refund',
        '--due',
        '2026-11-25',
        '--quote',
        'Not my problem.',
        '--no-input',
      ]);
    }
    put(from, 'fatura_şubat.pdf', TINY_PDF);
    from.json(['attach', String(ids[0]), 'fatura_şubat.pdf', '--kind', 'receipt']);
    from.json(['attach', String(ids[1]), 'fatura_şubat.pdf']);
  });
  afterAll(() => {
    from.cleanup();
    to.cleanup();
  });

  it('gives an identical show --json for every case', () => {
    const dump = from.run(['export', '--all', '--json']);
    expect(dump.status).toBe(0);
    put(to, 'data.json', dump.stdout);
    const r = to.run(['import', 'data.json', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      inserted: { caseFile: 3, contact: 3, contactRep: 6, promise: 3, evidence: 2, profile: 1 },
      renumbered: false,
      evidenceWithoutCopy: 1,
    });
    expect(r.stderr).toContain('copy the evidence folder');
    for (const id of ids)
      expect(to.json(['show', String(id)])).toEqual(from.json(['show', String(id)]));
    expect(to.json(['profile', '--no-input'])).toEqual(from.json(['profile', '--no-input']));
    // With the evidence folder copied over, every copy verifies.
    cpSync(join(from.dataDir, 'evidence'), join(to.dataDir, 'evidence'), { recursive: true });
    expect(to.run(['evidence', 'verify']).status).toBe(0);
  });

  it('refuses a database that has records, unless --merge renumbers', () => {
    const again = to.run(['import', 'data.json']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('the database already holds');
    expect(again.stderr).toContain('--merge');
    const merged = to.run(['import', 'data.json', '--merge', '--json']);
    expect(merged.status).toBe(0);
    expect(JSON.parse(merged.stdout)).toMatchObject({
      inserted: { caseFile: 3, company: 0, profile: 0 },
      matched: { company: 2, profile: 1 },
      renumbered: true,
    });
    const copy = to.json<{ title: string; contacts: { reps: unknown[] }[]; evidence: unknown[] }>([
      'show',
      '4',
    ]);
    expect(copy.contacts[0]!.reps).toHaveLength(2);
    expect(copy.evidence).toHaveLength(1);
  });

  it('refuses a file that is not a data file', () => {
    put(to, 'bad.json', '{"hello": 1}');
    const r = to.run(['import', 'bad.json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('this is not a complain data file');
  });
});
