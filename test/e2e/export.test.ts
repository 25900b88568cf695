import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { makeSandbox } from '../support/cli.js';
import { TINY_JPEG, TINY_PDF, newCase, put, sha256 } from '../support/files.js';
import { readZipHashes } from '../support/zip.js';

interface IndexJson {
  caseId: number;
  files: { file: string; kind: string; label: string; sha256: string; size: number }[];
}

describe('complain export <case>: the case bundle', () => {
  let sb: CliSandbox;
  let caseId: number;
  const originals = new Map<string, Buffer>();
  beforeAll(() => {
    sb = makeSandbox();
    caseId = newCase(sb);
    sb.run([
      'log',
      String(caseId),
      '--channel',
      'phone',
      '--at',
      '2026-11-20 14:05',
      '--duration',
      '25m',
      '--rep',
      'Ayşe K.',
      '--rep-id',
      '4411',
      '--reference',
      'TCK-88812',
      '--summary',
      'Promised a technician visit.',
      '--promise',
      'technician visit',
      '--due',
      '2026-11-27',
      '--no-input',
    ]);
    originals.set('fatura_şubat.pdf', TINY_PDF);
    originals.set('kutu fotoğrafı.jpg', TINY_JPEG);
    originals.set('notes.txt', Buffer.from('Called on Monday, قرارداد.\n'));
    for (const [name, data] of originals) put(sb, name, data);
    sb.json(['attach', String(caseId), 'fatura_şubat.pdf', '--kind', 'receipt']);
    sb.json(['attach', String(caseId), 'kutu fotoğrafı.jpg']);
    sb.json(['attach', String(caseId), 'notes.txt', '--kind', 'correspondence']);
    // The PDF again, under another name: stored once.
    put(sb, 'invoice again.pdf', TINY_PDF);
    sb.json(['attach', String(caseId), 'invoice again.pdf']);
    expect(readdirSync(join(sb.dataDir, 'evidence'))).toHaveLength(3);
  });
  afterAll(() => sb.cleanup());

  it('writes a verified zip whose every entry matches the originals and the index', async () => {
    const r = sb.run(['export', String(caseId), '-o', 'bundle.zip', '--json']);
    expect(r.stderr).toContain('Wrote and verified 7 files');
    expect(r.status).toBe(0);
    const file = join(sb.dir, 'bundle.zip');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const entries = await readZipHashes(file);
    expect([...entries.keys()]).toEqual([
      'index.json',
      'index.txt',
      'timeline.docx',
      'timeline.csv',
      'evidence/01-receipt-fatura_şubat.pdf',
      'evidence/02-photo-kutu fotoğrafı.jpg',
      'evidence/03-correspondence-notes.txt',
    ]);
    expect(entries.get('evidence/01-receipt-fatura_şubat.pdf')!.sha256).toBe(sha256(TINY_PDF));
    expect(entries.get('evidence/02-photo-kutu fotoğrafı.jpg')!.sha256).toBe(sha256(TINY_JPEG));
    expect(entries.get('evidence/03-correspondence-notes.txt')!.sha256).toBe(
      sha256(originals.get('notes.txt')!),
    );
    const index = JSON.parse(entries.get('index.json')!.data!.toString('utf8')) as IndexJson;
    expect(JSON.parse(r.stdout)).toMatchObject({ caseId, files: index.files });
    for (const f of index.files) expect(entries.get(f.file)?.sha256).toBe(f.sha256);
    expect(index.files.map((f) => [f.kind, f.label])).toEqual([
      ['timeline', 'Case timeline (DOCX)'],
      ['timeline', 'Case timeline (CSV)'],
      ['receipt', 'fatura şubat'],
      ['photo', 'kutu fotoğrafı'],
      ['correspondence', 'notes'],
    ]);
    const text = entries.get('index.txt')!.data!.toString('utf8');
    for (const f of index.files) expect(text).toContain(f.sha256);
    const csv = entries.get('timeline.csv')!.data!.toString('utf8');
    expect(csv).toContain('TCK-88812');
    expect(csv).toContain('"Ayşe K., ID 4411"');
    // The DOCX is a zip with the timeline in word/document.xml.
    const docxFile = join(sb.dir, 'timeline.docx');
    writeFileSync(docxFile, entries.get('timeline.docx')!.data!);
    const docx = await readZipHashes(docxFile);
    const xml = docx.get('word/document.xml')!.data!.toString('utf8');
    expect(xml).toContain('TCK-88812');
    expect(xml).toContain('Ayşe K., ID 4411');
  });

  it('timeline.docx opens in LibreOffice with the timeline in it', async () => {
    const entries = await readZipHashes(join(sb.dir, 'bundle.zip'));
    const out = join(sb.dir, 'lo');
    mkdirSync(out);
    writeFileSync(join(out, 'timeline.docx'), entries.get('timeline.docx')!.data!);
    const lo = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(sb.dir, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        join(out, 'timeline.docx'),
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(lo.status).toBe(0);
    const text = spawnSync('pdftotext', [join(out, 'timeline.pdf'), '-'], { encoding: 'utf8' });
    expect(text.stdout).toContain('Case #1: Kettle');
    expect(text.stdout).toContain('Reference: TCK-88812');
    expect(text.stdout).toContain('Representatives: Ayşe K., ID 4411');
    expect(text.stdout).toContain('1. fatura şubat (Receipt)');
  });

  it('encloses the newest draft, marked as a draft, when no letter was sent', async () => {
    expect(
      sb.run([
        'profile',
        '--name',
        'Ayşe Yılmaz',
        '--address',
        'Bağdat Cd. 12, 34710 İstanbul',
        '--country',
        'TR',
        '--language',
        'en',
      ]).status,
    ).toBe(0);
    const letter = sb.run(['letter', String(caseId), '--lang', 'en', '-o', 'letter.docx']);
    expect(letter.status).toBe(0);
    rmSync(join(sb.dir, 'letter.docx')); // the user moved it away: the bundle still has it
    const r = sb.run(['export', String(caseId), '-o', 'with-letter.zip', '--json']);
    expect(r.status).toBe(0);
    const entries = await readZipHashes(join(sb.dir, 'with-letter.zip'));
    const index = JSON.parse(entries.get('index.json')!.data!.toString('utf8')) as IndexJson;
    const entry = index.files.find((f) => f.kind.startsWith('letter'));
    expect(entry).toMatchObject({ file: 'letter-1-en-draft.docx', kind: 'letter-draft' });
    expect(entry!.label).toMatch(/^DRAFT letter #1 \(\d{4}-\d\d-\d\d\), not sent$/);
    expect(entries.get('letter-1-en-draft.docx')!.sha256).toBe(entry!.sha256);
    const docxFile = join(sb.dir, 'bundled-letter.docx');
    writeFileSync(docxFile, entries.get('letter-1-en-draft.docx')!.data!);
    const xml = (await readZipHashes(docxFile)).get('word/document.xml')!.data!.toString('utf8');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toMatch(/Enclosures \(3\): fatura şubat, kutu fotoğrafı, notes/);
  });

  it('encloses every letter that was sent, with its sending record, and no later draft; the timeline has the letters in their language', async () => {
    // Letter 1 (above, English) goes by registered mail and arrives; letter 2 is written in
    // Turkish and sent by notary; letter 3 is a draft nobody sent.
    expect(
      sb.run([
        'sent',
        String(caseId),
        '--letter',
        '1',
        '--via',
        'registered-mail',
        '--tracking',
        'RR123456785TR',
        '--on',
        '2026-11-21',
        '--delivered',
        '2026-11-23',
      ]).status,
    ).toBe(0);
    expect(sb.run(['letter', String(caseId), '--lang', 'tr', '-o', 'dilekce.docx']).status).toBe(0);
    expect(
      sb.run(['sent', String(caseId), '--letter', '2', '--via', 'notary', '--on', '2026-11-24'])
        .status,
    ).toBe(0);
    expect(sb.run(['letter', String(caseId), '--lang', 'en', '-o', 'draft.docx']).status).toBe(0);
    const r = sb.run(['export', String(caseId), '-o', 'sent.zip', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const entries = await readZipHashes(join(sb.dir, 'sent.zip'));
    const index = JSON.parse(entries.get('index.json')!.data!.toString('utf8')) as IndexJson;
    const letters = index.files.filter((f) => f.kind.startsWith('letter'));
    expect(letters.map((f) => [f.file, f.kind])).toEqual([
      ['letter-1-en.docx', 'letter'],
      ['letter-2-tr.docx', 'letter'],
    ]);
    expect(letters[0]!.label).toBe(
      'letter #1 (' +
        letters[0]!.label.slice(11, 21) +
        ') as sent: sent 2026-11-21 by Registered mail with proof of delivery, tracking RR123456785TR, delivered 2026-11-23',
    );
    expect(letters[1]!.label).toMatch(/as sent: sent 2026-11-24 by Notary/);
    // The timeline speaks the newest sent letter's language (Turkish) and lists the letters.
    const csv = entries.get('timeline.csv')!.data!.toString('utf8');
    expect(csv).toMatch(/başlangıç|kanal/i);
    expect(csv).toMatch(/#1 numaralı dilekçe gönderildi \(.+\)/);
    expect(csv).toContain('RR123456785TR');
    expect(csv).toMatch(/#1 numaralı dilekçe teslim edildi/);
    expect(csv).toMatch(/#3 numaralı dilekçe yazıldı/);
    const rows = csv.split('\r\n');
    const sentRow = rows.findIndex((l) => l.includes('#1 numaralı dilekçe gönderildi'));
    const callRow = rows.findIndex((l) => l.includes('TCK-88812'));
    expect(callRow).toBeGreaterThan(0);
    expect(sentRow).toBeGreaterThan(callRow); // the call of 20 Nov comes before the sending of 21 Nov
    const docxFile = join(sb.dir, 'timeline-tr.docx');
    writeFileSync(docxFile, entries.get('timeline.docx')!.data!);
    const xml = (await readZipHashes(docxFile)).get('word/document.xml')!.data!.toString('utf8');
    const text = xml.replace(/<[^>]+>/g, ' ');
    expect(text).toMatch(/Dilekçeler \(3 dilekçe\)/);
    expect(text).toMatch(/takip no\. RR123456785TR/);
    expect(text).toMatch(/taslak, gönderilmedi/);
  });

  it('writes a Persian timeline right to left', async () => {
    expect(sb.run(['letter', String(caseId), '--lang', 'fa', '-o', 'name.docx']).status).toBe(0);
    expect(
      sb.run([
        'sent',
        String(caseId),
        '--letter',
        '4',
        '--via',
        'registered-mail',
        '--on',
        '2026-11-25',
      ]).status,
    ).toBe(0);
    expect(sb.run(['export', String(caseId), '-o', 'fa.zip']).status).toBe(0);
    const entries = await readZipHashes(join(sb.dir, 'fa.zip'));
    const docxFile = join(sb.dir, 'timeline-fa.docx');
    writeFileSync(docxFile, entries.get('timeline.docx')!.data!);
    const xml = (await readZipHashes(docxFile)).get('word/document.xml')!.data!.toString('utf8');
    expect(xml).toContain('نامه‌ها');
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? [];
    expect(paragraphs.length).toBeGreaterThan(10);
    expect(paragraphs.every((p) => p.includes('<w:bidi'))).toBe(true);
  });

  it('follows the order the user chose', async () => {
    sb.json(['evidence', 'move', '3', '1']);
    expect(sb.run(['export', String(caseId), '-o', 'reordered.zip']).status).toBe(0);
    const names = [...(await readZipHashes(join(sb.dir, 'reordered.zip'))).keys()];
    expect(names.filter((n) => n.startsWith('evidence/'))).toEqual([
      'evidence/01-correspondence-notes.txt',
      'evidence/02-receipt-fatura_şubat.pdf',
      'evidence/03-photo-kutu fotoğrafı.jpg',
    ]);
  });

  it('refuses to write a bundle when a stored copy changed, leaving no file', () => {
    const stored = join(sb.dataDir, 'evidence', sha256(TINY_JPEG));
    const good = readFileSync(stored);
    writeFileSync(stored, Buffer.alloc(good.length, 1));
    const r = sb.run(['export', String(caseId), '-o', 'bad.zip']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('does not match the SHA-256 recorded when it was attached');
    expect(readdirSync(sb.dir).filter((n) => n.includes('bad.zip'))).toEqual([]);
    writeFileSync(stored, good);
  });
});
