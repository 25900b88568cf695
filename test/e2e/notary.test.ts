import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { BIN, makeSandbox, newCaseArgs } from '../support/cli.js';
import { Terminal } from '../support/tmux.js';

const ZONE = 'Europe/Istanbul';
function daysAgo(n: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(
    new Date(Date.now() - n * 86_400_000),
  );
}

interface LetterJson {
  form: string;
  subject: string;
  deadline: { on: string; text: string; spec: string; basis: string; from: string };
  blocks: { kind: string; lines: string[] }[];
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('issue 13: a Turkish letter through a notary is an ihtarname (CLI, DOCX, LibreOffice)', () => {
  let sb: CliSandbox;
  let pdfText = '';
  let pdfInfo = '';
  beforeAll(() => {
    sb = makeSandbox();
    sb.json([
      'profile',
      '--name',
      'Ayşe Yılmaz',
      '--address',
      'Bağdat Cd. 12, 34710 Kadıköy/İstanbul',
      '--country',
      'TR',
      '--national-id',
      '12345678901',
    ]);
    sb.json(
      newCaseArgs({
        company: 'Acme Elektronik A.Ş.',
        'company-address': 'Büyükdere Cd. 1, 34394 Şişli/İstanbul',
        product: 'Çamaşır makinesi',
        situation: 'Çamaşır makinesini mağazanızdan satın aldım',
        problem: 'Makine su almıyor ve E3 hatası veriyor.',
        request: 'Makinenin yenisiyle değiştirilmesini istiyorum',
        remedy: 'replacement',
        amount: '25000 TL',
        purchased: daysAgo(100),
        order: 'A-1001',
      }),
    );
    const log = (args: string[]) => {
      const r = sb.run(['log', '1', '--yes', ...args]);
      if (r.status !== 0) throw new Error(r.stderr);
    };
    log(['--channel', 'phone', '--at', `${daysAgo(80)} 10:00`, '--summary', 'Arızayı bildirdim.']);
    log(['--channel', 'email', '--at', `${daysAgo(70)} 10:00`, '--summary', 'Değişim istedim.']);
    log(['--channel', 'phone', '--at', `${daysAgo(60)} 10:00`, '--summary', 'Bekleyin dediler.']);
    const docx = join(sb.dir, 'ihtarname.docx');
    const r = sb.run([
      'letter',
      '1',
      '--lang',
      'tr',
      '--notary',
      'Kadıköy 5.',
      '--company-id',
      '0123 4567 8900 0015',
      '-o',
      docx,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('registry number is kept for the next letters');
    expect(r.stderr).toContain('the answer is due 7 calendar days after the notary serves it');
    const out = mkdtempSync(join(tmpdir(), 'complain-notary-'));
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
          out,
          docx,
        ],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const pdf = join(out, 'ihtarname.pdf');
      pdfText = flat(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
      pdfInfo = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const png = process.env.LETTER_PNG_DIR;
      if (png) execFileSync('pdftoppm', ['-png', '-r', '80', pdf, join(png, 'ihtarname')]);
    } finally {
      rmSync(profile, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  }, 240_000);
  afterAll(() => sb.cleanup());

  it('has the form of an ihtarname on one A4 page, as the PDF reads', () => {
    expect(pdfInfo).toMatch(/Pages:\s+1\n/);
    for (const s of [
      'Kadıköy 5. Noterliğine',
      'İHTARNAME',
      'KEŞİDECİ: Ayşe Yılmaz (T.C. Kimlik No: 12345678901)',
      'MUHATAP: Acme Elektronik A.Ş. (MERSİS No: 0123456789000015)',
      'Büyükdere Cd. 1, 34394 Şişli/İstanbul',
      'KONU: Ayıplı malın ayıpsız misli ile değiştirilmesi talebi (Çamaşır makinesi; sipariş no: A-1001)',
      'AÇIKLAMALAR:',
      '1. Çamaşır makinesini mağazanızdan satın aldım.',
      'Bu sorunla ilgili sizinle 3 kez iletişime geçtim, ancak sonuç alamadım (2 telefon görüşmesi ve yanıtsız kalan 1 e-posta).',
      'ifa edilmeksizin dolmuştur',
      'HUKUKİ NEDENLER: 6502 sayılı Tüketicinin Korunması Hakkında Kanun m. 8 ve 11',
      'SONUÇ VE İSTEM:',
      'talebimin işbu ihtarnamenin tebliğinden itibaren 7 gün içinde yerine getirilmesini',
      'İhtar olunur.',
      'Sayın Noter, işbu ihtarnamenin bir nüshasının muhataba tebliğini',
      'tebliğ şerhli bir nüshasının tarafıma verilmesini saygılarımla rica ederim.',
      'Keşideci',
    ])
      expect(pdfText).toContain(s);
    // A customer-service letter's parts are gone; the product is not repeated or capitalised mid-sentence.
    for (const s of ['Sayın Yetkili', 'Gönderim şekli', 'Çamaşır makinesi ürününü', 'en geç'])
      expect(pdfText).not.toContain(s);
  });

  it('letter --json: the notarial form, the deadline from service', () => {
    const j = sb.json<LetterJson>(['letter', '1', '--lang', 'tr', '--notary', 'Kadıköy 5.']);
    expect(j.form).toBe('notarial');
    expect(j.deadline).toMatchObject({
      from: 'service',
      spec: '7d',
      basis: 'lapsed',
      text: 'işbu ihtarnamenin tebliğinden itibaren 7 gün içinde',
    });
    expect(j.deadline.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(j.blocks[0]).toEqual({ kind: 'notary', lines: ['Kadıköy 5. Noterliğine'] });
    // The MERSİS no. given with the exported letter is kept for this one.
    expect(j.blocks.filter((b) => b.kind === 'party')[1]!.lines[0]).toBe(
      'MUHATAP: Acme Elektronik A.Ş. (MERSİS No: 0123456789000015)',
    );
    const bad = sb.run(['letter', '1', '--lang', 'tr', '--company-id', 'MERSIS?']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--company-id 0123456789000015');
  });

  it('registered mail, KEP and e-mail keep the letter form with its dated deadline', () => {
    for (const via of ['registered-mail', 'kep', 'email']) {
      const j = sb.json<LetterJson>(['letter', '1', '--lang', 'tr', '--send-via', via]);
      expect(j.form, via).toBe('letter');
      expect(j.deadline.from).toBe('letter');
      const text = flat(j.blocks.flatMap((b) => b.lines).join(' '));
      expect(text).toContain('Sayın Yetkili,');
      expect(text).toContain(`en geç`);
      expect(text).not.toContain('İHTARNAME');
    }
  });

  it('a calendar date as the deadline of a notarial letter: one line, exit 2, nothing written', () => {
    const file = join(sb.dir, 'dated.docx');
    const r = sb.run(['letter', '1', '--lang', 'tr', '--deadline', daysAgo(-20), '-o', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('counted from service');
    expect(r.stderr).toContain('--deadline 7d');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(file)).toBe(false);
  });

  it('in a real terminal: a date typed as the deadline of a notary letter is asked again as a period', async () => {
    const term = new Terminal(
      [
        process.execPath,
        BIN,
        '--data-dir',
        sb.dataDir,
        'letter',
        '1',
        '--lang',
        'tr',
        '--enclose',
        'fatura',
      ],
      { NO_COLOR: '1', TZ: ZONE },
      { cols: 140, rows: 50, cwd: sb.dir },
    );
    try {
      await term.answer('What exactly do you ask for?', '');
      await term.answer('Deadline for their answer', daysAgo(-20));
      await term.answer('How will you send it?', ''); // the first: notary
      await term.answer('counts its deadline from service', '10bd');
      const preview = await term.waitFor('Export the letter to DOCX now?', 20_000);
      expect(flat(preview)).toContain('işbu ihtarnamenin tebliğinden itibaren 10 iş günü içinde');
      term.press('C-c');
      expect(await term.exitStatus(20_000)).toBe(130);
    } finally {
      term.close();
    }
  }, 90_000);

  it('profile --national-id: shown, refused when it is no number, removed with ""', () => {
    // Masked everywhere but the documents that need it (the ihtarname, the application).
    expect(sb.json<{ nationalId: string }>(['profile']).nationalId).toBe('*******8901');
    const bad = sb.run(['profile', '--national-id', 'abc!']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--national-id 12345678901');
    expect(sb.json<{ nationalId: string }>(['profile']).nationalId).toBe('*******8901');
    expect(
      sb.json<{ nationalId: string | null }>(['profile', '--national-id', '']).nationalId,
    ).toBe(null);
    const j = sb.json<LetterJson>(['letter', '1', '--lang', 'tr']);
    expect(j.blocks.find((b) => b.kind === 'party')!.lines[0]).toBe(
      'KEŞİDECİ: Ayşe Yılmaz (T.C. Kimlik No: [T.C. kimlik numaranız])',
    );
    expect(j.blocks.find((b) => b.kind === 'notary')!.lines[0]).toBe(
      '[noterlik, ör. Kadıköy 5.] Noterliğine',
    );
  });
});
