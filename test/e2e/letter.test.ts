import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../src/domain/dates.js';
import { addPeriod } from '../../src/domain/working-days.js';
import { loadJurisdiction } from '../../src/templates.js';
import type { CliSandbox } from '../support/cli.js';
import { makeSandbox, newCaseArgs } from '../support/cli.js';

interface LetterJson {
  date: string;
  pageSize: string;
  deadline: { on: string; text: string; spec: string; from?: string };
  warnings: { code: string }[];
  letter: { id: number; sha256: string; file: string; enclosures: string[] };
}

interface Typical {
  sb: CliSandbox;
  docx: string;
  json: LetterJson;
}

/** A typical case from flags: profile, case, three contacts; exported with three enclosures. */
function typicalCase(lang: 'en' | 'tr'): Typical {
  const sb = makeSandbox();
  const us = lang === 'en';
  const tz = us ? 'America/New_York' : 'Europe/Istanbul';
  const env = { TZ: tz };
  sb.run(
    us
      ? [
          'profile',
          '--name',
          'Jane Doe',
          '--address',
          '12 Elm Street, Springfield, IL 62701',
          '--phone',
          '+1 217 555 0100',
          '--email',
          'jane@example.com',
          '--country',
          'US',
          '--language',
          'en',
          '--time-zone',
          tz,
        ]
      : [
          'profile',
          '--name',
          'Ayşe Yılmaz',
          '--address',
          'Bağdat Cd. 12, 34710 Kadıköy/İstanbul',
          '--phone',
          '+90 532 000 00 00',
          '--email',
          'ayse@example.com',
          '--country',
          'TR',
          '--language',
          'tr',
          '--time-zone',
          tz,
        ],
    { env },
  );
  const created = sb.json<{ id: number }>(
    [
      'new',
      '--company',
      us ? 'Acme Appliances Inc.' : 'Acme Elektronik',
      '--company-address',
      us ? '500 Market St, Chicago, IL 60601' : 'Büyükdere Cd. 1, 34394 Şişli/İstanbul',
      '--product',
      us ? 'Kettle K-200' : 'Çelik çaydanlık K-200',
      '--purchased',
      '2026-10-02',
      '--order',
      'A-1001',
      '--account',
      'C-5521',
      '--amount',
      us ? '59.90 USD' : '1.249,90 TL',
      '--occurred',
      '2026-10-04',
      '--situation',
      us ? 'It was delivered on 3 October.' : 'Ürün 3 Ekim’de teslim edildi.',
      '--problem',
      us ? 'It stopped heating after two days.' : 'İki gün sonra ısıtmayı bıraktı.',
      '--request',
      us ? 'Refund it.' : 'Onarın.',
      '--remedy',
      us ? 'refund' : 'repair',
      '--jurisdiction',
      us ? 'US' : 'TR',
    ],
    { env },
  );
  const log = (args: string[]) => {
    const r = sb.run(['log', String(created.id), ...args], { env });
    if (r.status !== 0) throw new Error(r.stderr);
  };
  log([
    '--channel',
    'phone',
    '--at',
    '2026-10-06 11:00',
    '--duration',
    '20m',
    '--rep',
    'Ayşe K.',
    '--rep-id',
    '4411',
    '--rep',
    'Selin D.',
    '--rep-id',
    'S-17',
    '--reference',
    'TCK-88812',
    '--summary',
    us ? 'Transferred to the technical team.' : 'Teknik ekibe aktarıldım.',
    '--promise',
    us ? 'call back' : 'geri arama',
    '--due',
    '2026-10-08',
  ]);
  log([
    '--channel',
    'chat',
    '--at',
    '2026-10-13 14:30',
    '--rep',
    'Mehmet Öz',
    '--reference',
    'CH-2231',
    '--summary',
    us ? 'Told me to wait.' : 'Beklememi söyledi.',
    '--supervisor',
    'refused',
    '--quote',
    us ? 'Not my problem.' : 'Benim sorunum değil.',
  ]);
  log([
    '--channel',
    'email',
    '--at',
    '2026-11-02 10:15',
    '--rep',
    'Deniz Ünal',
    '--rep-id',
    'E-9',
    '--reference',
    'EM-7781',
    '--summary',
    us ? 'Confirmed that a technician would come.' : 'Teknisyen geleceğini doğruladı.',
  ]);
  const docx = join(sb.dir, `${lang}.docx`);
  const json = sb.json<LetterJson>(
    [
      'letter',
      String(created.id),
      '-o',
      docx,
      '--enclose',
      us ? 'invoice' : 'fatura',
      '--enclose',
      us ? 'warranty card' : 'garanti belgesi',
      '--enclose',
      us ? 'photo of the kettle' : 'çaydanlığın fotoğrafı',
    ],
    { env },
  );
  return { sb, docx, json };
}

/** One LibreOffice run converts every file (each run takes seconds); a private profile per run. */
function convertToPdf(files: string[], outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'lo-'));
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        ...files,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('the formal letter through a real reader', () => {
  let en: Typical;
  let tr: Typical;
  let out: string;
  const pdf: Record<string, { text: string; info: string }> = {};

  beforeAll(() => {
    en = typicalCase('en');
    tr = typicalCase('tr');
    out = mkdtempSync(join(tmpdir(), 'complain-pdf-'));
    convertToPdf([en.docx, tr.docx], out);
    for (const lang of ['en', 'tr']) {
      const file = join(out, `${lang}.pdf`);
      pdf[lang] = {
        text: flat(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })),
        info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
      };
      // LETTER_PNG_DIR=/tmp/x npm run test:e2e renders page 1 to look at.
      const png = process.env.LETTER_PNG_DIR;
      if (png)
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(png, lang)]);
    }
  }, 180_000);

  afterAll(() => {
    en?.sb.cleanup();
    tr?.sb.cleanup();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('fits the typical case on one page, A4 in Turkey and Letter in the US', () => {
    expect(pdf.en!.info).toMatch(/Pages:\s+1\n/);
    expect(pdf.tr!.info).toMatch(/Pages:\s+1\n/);
    expect(pdf.en!.info).toMatch(/Page size:\s+612 x 792 pts/);
    expect(pdf.tr!.info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts/);
  });

  it('prints the reps, the references, the deadline, the remedy and the enclosures (en)', () => {
    const t = pdf.en!.text;
    for (const s of [
      'Jane Doe',
      'Ayşe K. (ID 4411), then Selin D. (ID S-17)',
      'Mehmet Öz',
      'Deniz Ünal (ID E-9)',
      'TCK-88812',
      'CH-2231',
      'EM-7781',
      'order A-1001',
      'account C-5521',
      '“Not my problem.”',
      'I therefore ask for a full refund of $59.90 paid for the Kettle K-200, as I have requested: “Refund it”.',
      'Enclosures (3): invoice, warranty card, photo of the kettle',
      'my state consumer protection agency or the Better Business Bureau',
      'Sent by certified mail, return receipt requested.',
    ])
      expect(t).toContain(s);
    // 14 calendar days from the letter's date, written as a US reader writes dates.
    const on = new Date(`${en.json.date}T12:00:00Z`);
    on.setUTCDate(on.getUTCDate() + 14);
    const expected = new Intl.DateTimeFormat('en-US', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(on);
    expect(en.json.deadline.text).toBe(expected);
    expect(t).toContain(`Please reply in writing by ${expected}.`);
  });

  it('keeps Turkish letters intact; sent through a notary (TR default), it is an ihtarname with its deadline from service (tr)', () => {
    const t = pdf.tr!.text;
    for (const ch of ['ç', 'ğ', 'ı', 'İ', 'ö', 'ş', 'ü', 'Ç', 'Ş', 'Ü', 'Ö'])
      expect(t, `the letter ${ch}`).toContain(ch);
    for (const s of [
      'Ayşe Yılmaz',
      'Kadıköy/İstanbul',
      'Büyükdere Cd. 1',
      'Şişli/İstanbul',
      'Çelik çaydanlık K-200',
      'Ayşe K. (temsilci no: 4411), ardından Selin D. (temsilci no: S-17)',
      'TCK-88812',
      'CH-2231',
      'EM-7781',
      'sipariş no: A-1001',
      'müşteri no: C-5521',
      '“Benim sorunum değil.”',
      'ücretsiz olarak onarılmasını talep ediyorum',
      'EKLER: 1) fatura, 2) garanti belgesi, 3) çaydanlığın fotoğrafı',
      'Tüketici Hakem Heyeti',
      // The ihtarname's parts (issue 13, item 3).
      'Noterliğine',
      'İHTARNAME',
      'KEŞİDECİ: Ayşe Yılmaz (T.C. Kimlik No: [T.C. kimlik numaranız])',
      'MUHATAP: Acme Elektronik',
      'KONU: Ayıplı malın ücretsiz onarımı talebi',
      'AÇIKLAMALAR:',
      'HUKUKİ NEDENLER: 6502 sayılı Tüketicinin Korunması Hakkında Kanun m. 8 ve 11',
      'SONUÇ VE İSTEM:',
      'İhtar olunur.',
      'bir nüshasının muhataba tebliğini',
      'tebliğ şerhli bir nüshasının tarafıma verilmesini',
      'Keşideci',
    ])
      expect(t).toContain(s);
    expect(t).not.toContain('Gönderim şekli');
    // Repair in Turkey: the 30 working days from the first call (6 Oct) have run out, so the
    // letter states the lapse and demands performance within 7 days, written in Turkish.
    const today = localDateOf(new Date(), 'Europe/Istanbul');
    const on = addPeriod(today, 7, 'calendar-days', loadJurisdiction('TR'));
    expect(tr.json.deadline).toMatchObject({ on, spec: '7d', basis: 'lapsed', from: 'service' });
    expect(t.replace(/\s+/g, ' ')).toContain('ifa edilmeksizin dolmuştur');
    const text = new Intl.DateTimeFormat('tr-TR', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${on}T12:00:00Z`));
    // Served by the notary, the deadline runs from service: no calendar date in the letter.
    expect(t.replace(/\s+/g, ' ')).toContain(
      'talebimin işbu ihtarnamenin tebliğinden itibaren 7 gün içinde yerine getirilmesini',
    );
    expect(t).not.toContain(text);
  });

  it('records the export: file 0600, SHA-256, enclosures; show lists it', () => {
    expect(statSync(tr.docx).mode & 0o777).toBe(0o600);
    const sha = createHash('sha256').update(readFileSync(tr.docx)).digest('hex');
    expect(tr.json.letter.sha256).toBe(sha);
    const shown = tr.sb.json<{ letters: { id: number; sha256: string; enclosures: string[] }[] }>([
      'show',
      '1',
    ]);
    expect(shown.letters).toHaveLength(1);
    expect(shown.letters[0]).toMatchObject({ sha256: sha, language: 'tr' });
    expect(shown.letters[0]!.enclosures).toHaveLength(3);
    const text = tr.sb.run(['show', '1']);
    expect(text.stdout).toContain('Letters (1)');
    expect(text.stdout).toContain('not sent yet (planned: notary (noter))');
  });

  it('records the sending, and counts the deadline from the delivery', () => {
    const today = en.json.date;
    const sent = en.sb.json<{ sentVia: string; tracking: string; deadlineOn: string }>(
      ['sent', '1', '--via', 'certified-mail', '--tracking', 'RR123', '--on', today],
      { env: { TZ: 'America/New_York' } },
    );
    expect(sent).toMatchObject({ sentVia: 'certified-mail', tracking: 'RR123' });
    expect(sent.deadlineOn).toBe(en.json.deadline.on);
    const delivered = en.sb.json<{ deliveredOn: string; deadlineOn: string }>([
      'sent',
      '1',
      '--delivered',
      today,
    ]);
    expect(delivered.deliveredOn).toBe(today);
    const future = en.sb.run(['sent', '1', '--delivered', '2999-01-01']);
    expect(future.status).toBe(1);
    expect(future.stderr).toContain('in the future');
  });
});

describe('complain letter without a terminal', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
    sb.json(
      newCaseArgs({
        situation: 'I bought a kettle.',
        problem: 'YOU PEOPLE ARE USELESS!!! Thanks for nothing.',
        request: 'Refund it.',
        jurisdiction: 'GB',
      }),
    );
  });
  afterAll(() => sb.cleanup());

  it('previews on stdout and lints on stderr, with the sentence at fault', () => {
    const r = sb.run(['letter', '1']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Dear Sir or Madam,');
    expect(r.stderr).toContain('words in capitals read as shouting: YOU PEOPLE ARE USELESS');
    expect(r.stderr).toContain('“YOU PEOPLE ARE USELESS!!!”');
    expect(r.stderr).toContain('sarcasm: "thanks for nothing"');
    expect(r.stderr).toContain(
      'a placeholder is left: [your name] — set your name and address with `complain profile`',
    );
  });

  it('refuses to export under --strict', () => {
    const r = sb.run(['letter', '1', '--strict', '-o', join(sb.dir, 'x.docx')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('lint warnings (--strict)');
  });

  it('names the missing flag instead of asking', () => {
    const r = sb.run(['letter', '1', '--remedy', 'other']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--remedy-detail');
  });

  it('rejects bad flags with exit 2', () => {
    expect(sb.run(['letter', '1', '--deadline', 'soon']).status).toBe(2);
    expect(sb.run(['letter', '1', '--send-via', 'pigeon']).status).toBe(2);
    expect(sb.run(['letter', '1', '--lang', 'xx']).status).toBe(2);
  });

  it('speaks the interface language around the letter, not in it (COMPLAIN_LANG)', () => {
    const help = sb.run(['letter', '--help'], { env: { COMPLAIN_LANG: 'tr' } });
    expect(help.stdout).toContain('resmî şikâyet mektubu: önizleyin ve denetleyin');
    expect(help.stdout).toContain('--enclose "garanti belgesi"');
    const ru = sb.run(['letter', '1'], { env: { COMPLAIN_LANG: 'ru' } });
    expect(ru.status).toBe(0);
    // The letter keeps its own language; the lint around it speaks Russian.
    expect(ru.stdout).toContain('Dear Sir or Madam,');
    expect(ru.stderr).toMatch(/Проверка: \d+ замечани[еяй] — перечитайте письмо/);
    expect(ru.stderr).toContain(
      'слова заглавными буквами читаются как крик: YOU PEOPLE ARE USELESS',
    );
    expect(ru.stderr).toContain('«YOU PEOPLE ARE USELESS!!!»');
    const kk = sb.run(['letter', '1', '--deadline', 'soon'], { env: { COMPLAIN_LANG: 'kk' } });
    expect(kk.status).toBe(2);
    expect(kk.stderr).toContain('--deadline "soon" — күн саны да, күн де емес');
    expect(kk.stderr).toContain('14d (күнтізбелік күн), 10bd (жұмыс күні)');
    const fa = sb.run(['sent', '1'], { env: { COMPLAIN_LANG: 'fa' } });
    expect(fa.status).toBe(1);
    expect(fa.stderr).toContain('پروندهٔ #1 نامهٔ خروجی‌گرفته ندارد');
    expect(fa.stderr).toContain('complain letter 1 -o shekayat.docx');
  });

  it('writes the DOCX to stdout with -o -', () => {
    const r = sb.run(['letter', '1', '-o', '-']);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('PK')).toBe(true);
  });
});
