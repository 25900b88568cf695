import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { makeSandbox, newCaseArgs } from '../support/cli.js';

/** `letter -o x.pdf`: a real PDF through LibreOffice, or nothing at all without it. */
describe('letter -o file.pdf', () => {
  let sb: CliSandbox;

  beforeAll(() => {
    sb = makeSandbox();
    const r = sb.run(newCaseArgs({ amount: '1.249,90 TL', order: 'A-1001' }));
    expect(r.status, r.stderr).toBe(0);
  });
  afterAll(() => sb?.cleanup());

  it('writes a PDF that pdfinfo opens, one page, and records the letter', () => {
    const json = sb.json<{ letter: { id: number; file: string; sha256: string } }>([
      'letter',
      '1',
      '-o',
      'letter.pdf',
    ]);
    const file = join(sb.dir, 'letter.pdf');
    expect(json.letter.file).toBe(file);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Producer:\s+LibreOffice/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('A-1001');
    // The data dir keeps the editable DOCX the PDF was made from, under the recorded hash.
    expect(existsSync(join(sb.dataDir, 'letters', `${json.letter.sha256}.docx`))).toBe(true);
    const shown = sb.json<{ letters: { kind: string; file: string }[] }>(['show', '1']).letters;
    expect(shown.map((l) => [l.kind, l.file])).toEqual([['complaint', file]]);
    // No temp file is left beside it.
    expect(readdirSync(sb.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 180_000);

  it('without LibreOffice on the PATH exits 1 with the install hint and writes nothing', () => {
    const bare = join(sb.dir, 'bare-bin');
    mkdirSync(bare);
    const before = sb.json<{ letters: unknown[] }>(['show', '1']).letters.length;
    const r = sb.run(['letter', '1', '-o', 'nothing.pdf'], { env: { PATH: bare } });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^complain: LibreOffice is needed .* — install it \(Debian/);
    expect(lines.at(-1)).toContain('apt-get install libreoffice-writer');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(sb.dir, 'nothing.pdf'))).toBe(false);
    expect(readdirSync(sb.dir).filter((n) => n.includes('nothing'))).toEqual([]);
    // No letter was recorded either.
    expect(sb.json<{ letters: unknown[] }>(['show', '1']).letters.length).toBe(before);
  });

  it('a .docx still needs no LibreOffice', () => {
    const bare = join(sb.dir, 'bare-bin-2');
    mkdirSync(bare);
    const r = sb.run(['letter', '1', '-o', 'letter.docx'], { env: { PATH: bare } });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(sb.dir, 'letter.docx')).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

/** `export <case> -o timeline.pdf`: the bundle's timeline alone, as a PDF through LibreOffice. */
describe('export -o timeline.pdf', () => {
  let sb: CliSandbox;

  beforeAll(() => {
    sb = makeSandbox();
    expect(sb.run(newCaseArgs({ amount: '1.249,90 TL', order: 'A-1001' })).status).toBe(0);
    const log = sb.run([
      'log',
      '1',
      '--channel',
      'phone',
      '--at',
      '2026-11-20 10:00',
      '--rep',
      'Ayşe K.',
      '--reference',
      'TCK-88812',
      '--summary',
      'Asked for a refund; told to wait.',
    ]);
    expect(log.status, log.stderr).toBe(0);
  });
  afterAll(() => sb?.cleanup());

  it('writes the timeline as a one-page PDF with the contacts and the letters in it', () => {
    expect(sb.run(['letter', '1', '-o', 'letter.docx']).status).toBe(0);
    const json = sb.json<{ kind: string; file: string; format: string; rows: number }>([
      'export',
      '1',
      '-o',
      'timeline.pdf',
    ]);
    const file = join(sb.dir, 'timeline.pdf');
    expect(json).toMatchObject({ kind: 'timeline', file, format: 'pdf', caseId: 1 });
    expect(json.rows).toBeGreaterThanOrEqual(2); // the call and the letter written
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('TCK-88812');
    expect(text).toContain('Ayşe K.');
    expect(readdirSync(sb.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 180_000);

  it('writes the timeline alone as a DOCX, without LibreOffice', () => {
    const bare = join(sb.dir, 'bare-bin');
    mkdirSync(bare);
    const r = sb.run(['export', '1', '-o', 'timeline.docx'], { env: { PATH: bare } });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(sb.dir, 'timeline.docx')).subarray(0, 2).toString('latin1')).toBe(
      'PK',
    );
  });

  it('without LibreOffice a PDF is refused with the install hint, and nothing is written', () => {
    const bare = join(sb.dir, 'bare-bin-2');
    mkdirSync(bare);
    const r = sb.run(['export', '1', '-o', 'none.pdf'], { env: { PATH: bare } });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toContain('apt-get install libreoffice-writer');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(sb.dir).filter((n) => n.includes('none'))).toEqual([]);
  });

  it('another extension is refused in one line that names the three kinds', () => {
    const r = sb.run(['export', '1', '-o', 'timeline.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\*\.zip, \*\.pdf or \*\.docx/);
    expect(existsSync(join(sb.dir, 'timeline.txt'))).toBe(false);
  });
});
