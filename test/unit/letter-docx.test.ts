import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLetter } from '../../src/letter/model.js';
import { renderLetterDocx } from '../../src/letter/render-docx.js';
import type { LetterTemplate } from '../../src/letter/template.js';
import { loadLetterTemplate } from '../../src/templates.js';
import { fixtureCase, fixtureContacts, fixtureInput } from '../support/letter-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'complain-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Unzips one part of a DOCX with the system's unzip. */
async function part(buffer: Buffer, name: string): Promise<string> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, buffer);
  return execFileSync('unzip', ['-p', file, name], { encoding: 'utf8' });
}

const paragraphs = (xml: string) => xml.match(/<w:p>.*?<\/w:p>|<w:p\/>/g) ?? [];
const textOf = (p: string) =>
  [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)].map((m) => m[1] ?? '-').join('');

describe('the DOCX renderer', () => {
  it('writes a business letter: A4, bold subject, page numbers from page 2, no empty paragraphs', async () => {
    const buffer = await renderLetterDocx(buildLetter(fixtureInput('en')));
    const xml = await part(buffer, 'word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toContain('<w:titlePg/>');
    for (const p of paragraphs(xml)) expect(textOf(p), p).not.toBe('');
    const subject = paragraphs(xml).find((p) => textOf(p).startsWith('Subject:'))!;
    expect(subject).toContain('<w:b/>');
    // Reference numbers keep their hyphen on one line.
    expect(xml).toMatch(/TCK<\/w:t><w:noBreakHyphen\/><w:t[^>]*>88812/);
    const footers = [
      await part(buffer, 'word/footer1.xml'),
      await part(buffer, 'word/footer2.xml'),
    ];
    expect(footers.filter((f) => f.includes('PAGE')).length).toBe(1);
    const styles = await part(buffer, 'word/styles.xml');
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toContain('w:lang w:val="en-GB"');
  });

  it('sanitises what the user typed: no XML-illegal characters, no bidi overrides', async () => {
    const contacts = fixtureContacts();
    contacts[0] = { ...contacts[0]!, summary: 'Said \uFFFE no\u202E and hung up\u0007.' };
    const caseRecord = fixtureCase({ product: 'Kettle\uFFFF K-200' });
    const buffer = await renderLetterDocx(
      buildLetter(fixtureInput('en', { contacts, caseRecord })),
    );
    const xml = await part(buffer, 'word/document.xml');
    expect(xml).not.toMatch(/[\uFFFE\uFFFF\u202A-\u202E]/);
    expect(xml).not.toContain(String.fromCharCode(7));
    expect(xml).toContain('Said no and hung up.');
  });

  it('lays out a right-to-left letter with logical alignment', async () => {
    const en = loadLetterTemplate('en');
    const rtl: LetterTemplate = {
      ...en,
      language: 'fa',
      direction: 'rtl',
      locale: 'fa-IR-u-ca-persian',
      font: { name: 'Tahoma', sizePt: 11 },
    };
    const letter = buildLetter(fixtureInput('en', { template: rtl, region: 'IR' }));
    expect(letter.blocks[1]!.lines[0]).toMatch(/۱۴۰۵/);
    const buffer = await renderLetterDocx(letter);
    const xml = await part(buffer, 'word/document.xml');
    for (const p of paragraphs(xml)) {
      expect(p).toContain('<w:bidi/>');
      expect(p).not.toMatch(/w:jc w:val="(left|right)"/);
    }
    expect(xml).toContain('<w:rtl/>');
    expect(await part(buffer, 'word/styles.xml')).toContain('w:ascii="Tahoma"');
  });
});
