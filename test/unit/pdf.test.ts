import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertDocxToPdf, findSoffice, wantsPdf } from '../../src/files/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'complain-pdf-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in for a LibreOffice that hangs or fails: a shell script on a PATH of its own. */
function script(name: string, body: string): string {
  const bin = join(dir, name);
  mkdirSync(bin);
  const file = join(bin, 'soffice');
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('the PDF converter', () => {
  it('asks for a PDF by extension only', () => {
    expect(wantsPdf('x.pdf')).toBe(true);
    expect(wantsPdf('X.PDF')).toBe(true);
    expect(wantsPdf('x.pdf.docx')).toBe(false);
    expect(wantsPdf('-')).toBe(false);
    expect(wantsPdf(undefined)).toBe(false);
  });

  it('finds soffice on the PATH given, and nothing on an empty one', () => {
    const file = script('found', 'exit 0');
    expect(findSoffice({ PATH: `/nonexistent:${join(dir, 'found')}` })).toBe(file);
    expect(findSoffice({ PATH: '/nonexistent' })).toBeUndefined();
    expect(findSoffice({})).toBeUndefined();
  });

  it('stops a LibreOffice that hangs, within the time limit', async () => {
    const soffice = script('hangs', 'sleep 30');
    const started = Date.now();
    await expect(
      convertDocxToPdf(Buffer.from('PK'), { soffice, env: {}, timeoutMs: 500 }),
    ).rejects.toThrow(/did not finish the PDF within 1 second;/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses a run that exits 0 without a PDF', async () => {
    const soffice = script('silent', 'exit 0');
    await expect(convertDocxToPdf(Buffer.from('PK'), { soffice, env: {} })).rejects.toThrow(
      /could not convert the document to PDF/,
    );
  });
});
