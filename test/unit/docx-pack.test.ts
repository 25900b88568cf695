import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Footer, PageNumber, Packer, Paragraph, TextRun } from 'docx';
import yauzl from 'yauzl';
import { afterAll, describe, expect, it } from 'vitest';
import { docxCompiler, packDocx, zipFiles } from '../../src/letter/docx-pack.js';
import { readZipHashes } from '../support/zip.js';

const dir = mkdtempSync(join(tmpdir(), 'complain-docx-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function save(name: string, data: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}

function sample(): Document {
  return new Document({
    creator: 'Ayşe Yılmaz',
    title: 'Şikâyet — ۱۲۳',
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({ children: [new TextRun({ children: [PageNumber.CURRENT] })] }),
            ],
          }),
        },
        children: [
          new Paragraph({ children: [new TextRun({ text: 'Sayın yetkili,', bold: true })] }),
          new Paragraph({
            bidirectional: true,
            children: [new TextRun({ text: 'با سلام و احترام', rightToLeft: true })],
          }),
          ...Array.from({ length: 40 }, (_, i) => new Paragraph(`Satır ${i}: Қазақша мәтін.`)),
        ],
      },
    ],
  });
}

/** core.xml says when the document was written: the one part two packings may differ in. */
const undated = (xml: string) => xml.replace(/<dcterms:(created|modified)[^<]*<\/dcterms:\1>/g, '');

describe('packing a DOCX with zlib', () => {
  it('finds docx’s compiler (without it every export falls back to the slower Packer)', () => {
    expect(docxCompiler()).toBeTypeOf('function');
  });

  it('holds the same files, in the same order, with the same bytes as Packer.toBuffer', async () => {
    const ours = await readZipHashes(save('ours.docx', await packDocx(sample())));
    const theirs = await readZipHashes(save('theirs.docx', await Packer.toBuffer(sample())));
    expect([...ours.keys()]).toEqual([...theirs.keys()]);
    expect(ours.size).toBeGreaterThan(10);
    for (const [name, entry] of theirs) {
      const mine = ours.get(name)!;
      if (name === 'docProps/core.xml')
        expect(undated(mine.data!.toString('utf8'))).toBe(undated(entry.data!.toString('utf8')));
      else
        expect({ name, sha256: mine.sha256, size: mine.size }).toEqual({
          name,
          sha256: entry.sha256,
          size: entry.size,
        });
    }
  });

  it('writes the modification time and marks a non-ASCII name as UTF-8', async () => {
    const at = new Date(2026, 10, 23, 14, 5, 8);
    const file = save(
      'names.zip',
      await zipFiles(
        new Map<string, string | Uint8Array>([
          ['a.txt', 'plain'],
          ['şikâyet.txt', new Uint8Array([1, 2, 3])],
        ]),
        at,
      ),
    );
    const zip = await yauzl.openPromise(file, { lazyEntries: true, validateEntrySizes: true });
    const seen: { name: string; utf8: boolean; at: number; size: number }[] = [];
    try {
      for await (const entry of zip.eachEntry())
        seen.push({
          name: entry.fileName,
          utf8: (entry.generalPurposeBitFlag & 0x800) !== 0,
          at: entry.getLastModDate().getTime(),
          size: entry.uncompressedSize,
        });
    } finally {
      zip.close();
    }
    expect(seen).toEqual([
      { name: 'a.txt', utf8: seen[0]!.utf8, at: at.getTime(), size: 5 },
      { name: 'şikâyet.txt', utf8: true, at: at.getTime(), size: 3 },
    ]);
  });
});
