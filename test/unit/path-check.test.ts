import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ComplainError } from '../../src/errors.js';
import { tempPathFor, writeFileAtomically } from '../../src/files/atomic.js';
import { checkPathName, pathError, shownPath } from '../../src/files/path-check.js';

const dir = mkdtempSync(join(tmpdir(), 'complain-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('paths no file system takes', () => {
  it('a NUL in an output path is one clear error, not ERR_INVALID_ARG_VALUE', async () => {
    const file = join(dir, 'a\u0000b.ics');
    const error = await writeFileAtomically(file, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComplainError);
    expect((error as Error).message).toMatch(/holds a NUL character/);
    expect((error as Error).message).toContain('\\u0000');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a name over 255 bytes is refused; counted in bytes, not characters', () => {
    expect(() => checkPathName(join(dir, 'x'.repeat(256)))).toThrow(/too long/);
    expect(() => checkPathName(join(dir, 'ş'.repeat(128)))).toThrow(/too long/);
    expect(() => checkPathName(join(dir, 'ş'.repeat(127)))).not.toThrow();
  });

  it('a temp name beside a 255-byte name fits in 255 bytes, and the file is written', async () => {
    const file = join(dir, `${'ş'.repeat(125)}.ics`);
    expect(Buffer.byteLength(tempPathFor(file).split('/').pop()!)).toBeLessThanOrEqual(255);
    await writeFileAtomically(file, 'BEGIN:VCALENDAR\n');
    expect(readFileSync(file, 'utf8')).toBe('BEGIN:VCALENDAR\n');
  });

  it('the system errors for unfit paths become sentences; others are left alone', () => {
    expect(pathError({ code: 'ENAMETOOLONG' }, '/a')?.message).toMatch(/too long/);
    expect(pathError({ code: 'ENOTDIR' }, '/etc/hostname/x')?.message).toMatch(/is a file/);
    expect(pathError({ code: 'ERR_INVALID_ARG_VALUE' }, 'a\u0000')?.message).toMatch(/NUL/);
    expect(pathError({ code: 'EACCES' }, '/a')).toBeUndefined();
    expect(shownPath('y'.repeat(500)).length).toBeLessThan(100);
  });
});
