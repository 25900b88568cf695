import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { makeSandbox, newCaseArgs } from '../support/cli.js';

/** `complain apply`: the application to the forum next names, through the built CLI. */

interface ApplyJson {
  caseId: number;
  forum: { id: string; kind: string };
  language: string;
  direction: string;
  title: string;
  fields: { key: string; label: string; value: string }[];
  gaps: string[];
  export: { file: string; format: string; size: number; sha256: string } | null;
}

const EN = { env: { COMPLAIN_LANG: 'en' } };

/** The text LibreOffice reads from a DOCX or a PDF, converted in the sandbox. */
function pdfText(sb: CliSandbox, file: string): { text: string; pages: number } {
  let pdf = file;
  if (file.endsWith('.docx')) {
    const profile = `file://${join(sb.dir, 'lo-profile')}`;
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        sb.dir,
        file,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    pdf = file.replace(/\.docx$/, '.pdf');
  }
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return {
    text: execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }),
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
  };
}

describe('complain apply: Turkey', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
    const setup = [
      [
        'profile',
        '--name',
        'Ayşe Yılmaz',
        '--address',
        'Bağdat Cd. 12, 34710 Kadıköy/İstanbul',
        '--phone',
        '+90 532 000 00 00',
        '--country',
        'TR',
        '--national-id',
        '12345678901',
      ],
      newCaseArgs({
        company: 'Acme Elektronik',
        product: 'Kettle K-200',
        amount: '12400 TL',
        purchased: '2026-10-02',
        order: 'A-1001',
        problem: 'Isıtmıyor',
        'company-address': 'Büyükdere Cd. 1, 34394 Şişli/İstanbul',
      }),
      newCaseArgs({ company: 'Mega Mobilya', product: 'Yemek odası takımı', amount: '250000 TL' }),
      ['edit', '1', '--company-id', '0123 4567 8900 0015'],
      [
        'log',
        '1',
        '--channel',
        'phone',
        '--at',
        '2026-10-06 11:00',
        '--rep',
        'Selin D.',
        '--reference',
        'TCK-88812',
        '--summary',
        'Teknik ekibe aktarıldı',
      ],
    ];
    for (const args of setup) {
      const r = sb.run(args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
  });
  afterAll(() => sb?.cleanup());

  it('a 12,400 TL case: the committee petition, identity numbers masked on the terminal only', () => {
    const preview = sb.run(['apply', '1'], EN);
    expect(preview.status, preview.stderr).toBe(0);
    expect(preview.stdout).toMatch(/^……………………… TÜKETİCİ HAKEM HEYETİ BAŞKANLIĞINA\n/);
    expect(preview.stdout).toContain('T.C. Kimlik No.: *******8901');
    expect(preview.stdout).toContain('MERSİS / Vergi No.: ************0015');
    expect(preview.stdout).not.toContain('12345678901');
    expect(preview.stdout).toContain('SEÇİMLİK HAK (6502 sayılı Kanun m. 11)');
    expect(preview.stdout).toContain('Selin D.');
    expect(preview.stderr).toContain(
      'Forum: tr-hakem-heyeti (tr): your claim of 12,400 TL is below',
    );
    expect(preview.stderr).toContain('Identity numbers are masked here');

    const json = sb.json<ApplyJson>(['apply', '1']);
    expect(json.forum).toMatchObject({ id: 'tr-hakem-heyeti', kind: 'arbitration' });
    expect(json.language).toBe('tr');
    expect(json.fields.map((f) => f.key)).toEqual([
      'applicant',
      'respondent',
      'subject',
      'value',
      'right',
      'facts',
      'evidence',
      'legal',
      'request',
    ]);
    expect(json.fields.find((f) => f.key === 'value')!.value).toMatch(/12\.400,00/);
    expect(JSON.stringify(json)).not.toContain('12345678901');
    expect(json.export).toBeNull();

    // Never in list, stats, show or profile.
    for (const args of [['list', '--all'], ['stats'], ['show', '1'], ['profile']]) {
      const out = sb.run([...args, '--json']).stdout;
      expect(out, args.join(' ')).not.toContain('12345678901');
      expect(out, args.join(' ')).not.toContain('0123456789000015');
    }
    expect(sb.run(['profile'], EN).stdout).toContain('*******8901');
  });

  it('-o .docx writes the petition with the numbers in full, which LibreOffice reads; then the log hint works', () => {
    const r = sb.run(['apply', '1', '-o', 'basvuru.docx'], EN);
    expect(r.status, r.stderr).toBe(0);
    const file = join(sb.dir, 'basvuru.docx');
    expect(r.stdout.trim()).toBe(file);
    const { text, pages } = pdfText(sb, file);
    expect(pages).toBe(1);
    expect(text).toContain('TÜKETİCİ HAKEM HEYETİ BAŞKANLIĞINA');
    expect(text).toContain('T.C. Kimlik No.: 12345678901');
    expect(text).toContain('MERSİS / Vergi No.: 0123456789000015');
    expect(text).toContain('İmza');
    const hint = r.stderr.split('\n').find((l) => l.startsWith('Once filed, record it:'))!;
    expect(hint).toBe(
      'Once filed, record it: complain log 1 --escalation arbitration --forum tr-hakem-heyeti --file-number <number>',
    );
    // The hint is a command that works as printed (with a number filled in).
    const args = hint
      .replace('Once filed, record it: complain ', '')
      .replace('<number>', '2026/4411')
      .split(' ');
    const logged = sb.run([...args, '--summary', 'e-Devlet başvurusu']);
    expect(logged.status, logged.stderr).toBe(0);
    const next = sb.json<{ step: string }>(['next', '1']);
    expect(next.step).toBe('forum');
    // The application just logged is not a contact with the company in a second application.
    const again = sb.json<ApplyJson>(['apply', '1']);
    expect(again.fields.find((f) => f.key === 'facts')!.value).not.toContain('e-Devlet');
  }, 180_000);

  it('a 250,000 TL case: the mediation application, as a PDF that pdfinfo opens', () => {
    const json = sb.json<ApplyJson>(['apply', '2']);
    expect(json.forum.id).toBe('tr-mediation');
    expect(json.title).toMatch(/ARABULUCULUK BÜROSUNA/);
    expect(json.fields.find((f) => f.key === 'limit')!.value).toMatch(/186\.000,00/);
    expect(json.gaps).toEqual(['company-id', 'company-address']);
    const r = sb.run(['apply', '2', '-o', 'arabuluculuk.pdf', '--json'], EN);
    expect(r.status, r.stderr).toBe(0);
    const written = JSON.parse(r.stdout) as ApplyJson;
    expect(written.export).toMatchObject({ format: 'pdf', file: join(sb.dir, 'arabuluculuk.pdf') });
    expect(readFileSync(written.export!.file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = pdfText(sb, written.export!.file);
    expect(text).toContain('ARABULUCULUK');
    expect(text).toContain('250.000,00');
    expect(r.stderr).toContain(
      "The company's registry or tax number is left blank: complain edit 2 --company-id",
    );
  }, 180_000);

  it('without LibreOffice a PDF is refused with the install hint and nothing is written', () => {
    const bare = join(sb.dir, 'bare-bin');
    mkdirSync(bare);
    const r = sb.run(['apply', '1', '-o', 'nothing.pdf'], {
      env: { PATH: bare, COMPLAIN_LANG: 'en' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^complain: LibreOffice is needed/);
    expect(existsSync(join(sb.dir, 'nothing.pdf'))).toBe(false);
  });

  it('a bad forum id, a bad language, a bad file type: one line, exit 2, nothing written', () => {
    const bad = sb.run(['apply', '1', '--forum', 'tr-nowhere'], EN);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([
      'complain: --forum tr-nowhere: no application form of that forum in TR — --forum takes: tr-hakem-heyeti, tr-mediation',
    ]);
    const lang = sb.run(['apply', '1', '--lang', 'ru'], EN);
    expect(lang.status).toBe(2);
    expect(lang.stderr).toContain('this form is in: tr');
    const txt = sb.run(['apply', '1', '-o', 'basvuru.txt'], EN);
    expect(txt.status).toBe(2);
    expect(existsSync(join(sb.dir, 'basvuru.txt'))).toBe(false);
    const id = sb.run(['profile', '--national-id', '12;34'], EN);
    expect(id.status).toBe(1);
    expect(id.stderr.trim().split('\n')).toEqual([
      'complain: --national-id "12;34" is not an identity number: letters and digits only — e.g. --national-id 12345678901; --national-id "" removes it',
    ]);
    // --forum chooses another forum of the country.
    expect(sb.json<ApplyJson>(['apply', '1', '--forum', 'tr-mediation']).forum.id).toBe(
      'tr-mediation',
    );
  });

  it('is listed in complain --help with an example, and has its own --help', () => {
    const help = sb.run(['--help'], EN).stdout;
    expect(help).toMatch(/\n {2}apply .*the application to the forum next names/);
    expect(help).toContain('complain apply 3 -o apply.docx');
    const own = sb.run(['apply', '--help'], EN).stdout;
    for (const flag of ['--forum', '--lang', '--output', '--text', '--json', '--enclose'])
      expect(own).toContain(flag);
    expect(own).toContain('$ complain apply 3 --text');
  });
});

describe('complain apply: Kazakhstan, Iran, the US, the UK', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
  });
  afterAll(() => sb?.cleanup());

  const run = (args: string[]) => {
    const r = sb.run(args);
    expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r;
  };
  const profile = (...args: string[]) => run(['profile', ...args]);

  it('KZ: the E-Otinish complaint in kk (the profile language) and in ru, after the written claim', () => {
    profile(
      '--name',
      'Айгүл Серікқызы',
      '--country',
      'KZ',
      '--language',
      'kk',
      '--national-id',
      '900101300123',
    );
    run(
      newCaseArgs({
        company: 'ТОО Техно Әлем',
        product: 'Тоңазытқыш',
        amount: '245990 KZT',
        jurisdiction: 'KZ',
        'company-address': 'г. Алматы, пр. Абая, 10',
      }),
    );
    run(['letter', '1', '-o', 'talap.docx']);
    run(['sent', '1', '--via', 'post-notice', '--tracking', 'RR123456789KZ', '--on', '2026-10-05']);
    // After the written claim, next names the forum and points to apply.
    expect(sb.run(['next', '1'], EN).stdout).toContain(
      'complain apply 1 writes the application to kz-consumer-protection from the case file',
    );
    const kk = sb.run(['apply', '1', '--text'], EN);
    expect(kk.status, kk.stderr).toBe(0);
    expect(kk.stdout).toMatch(/^Алушы\n/);
    expect(kk.stdout).toContain('\n\nӨтініш беруші\nТ.А.Ә.: Айгүл Серікқызы\nЖСН: ********0123\n');
    expect(kk.stdout).toContain('RR123456789KZ');
    expect(kk.stdout).toContain('№ 274-IV');
    expect(kk.stderr).toContain('Identity numbers are masked here');
    const ru = sb.run(['apply', '1', '--lang', 'ru', '--text'], EN);
    expect(ru.stdout).toContain('\n\nЗаявитель\nФИО: Айгүл Серікқызы\nИИН: ********0123\n');
    expect(ru.stdout).toContain('письменную претензию');
    expect(ru.stdout).toContain('«О защите прав потребителей»');
    expect(sb.json<ApplyJson>(['apply', '1', '--lang', 'ru']).language).toBe('ru');
  });

  it('IR: the 124 complaint in Persian, a right-to-left DOCX that LibreOffice reads, with the tracking-code note', () => {
    profile(
      '--name',
      'مریم احمدی',
      '--country',
      'IR',
      '--language',
      'fa',
      '--national-id',
      '0012345678',
    );
    run(
      newCaseArgs({
        company: 'فروشگاه نمونه',
        product: 'گوشی',
        amount: '125000000 IRR',
        jurisdiction: 'IR',
        purchased: '2026-09-15',
      }),
    );
    const json = sb.json<ApplyJson>(['apply', '2']);
    expect(json).toMatchObject({ forum: { id: 'ir-124' }, language: 'fa', direction: 'rtl' });
    const r = sb.run(['apply', '2', '-o', 'shekayat.docx'], EN);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'complain log 2 --escalation regulator --forum ir-124 --file-number',
    );
    const file = join(sb.dir, 'shekayat.docx');
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain('<w:bidi/>');
    expect(xml).toContain('<w:rtl/>');
    const { text, pages } = pdfText(sb, file);
    expect(pages).toBe(1);
    expect(text).toContain('سامانه');
    expect(text).toContain('کد رهگیری');
    expect(text).toContain('0012345678');
    expect(text).toContain('۱۲۵٬۰۰۰٬۰۰۰');
  }, 180_000);

  it('US: the narrative of a state agency or CFPB form, as fields to paste', () => {
    profile(
      '--name',
      'John Smith',
      '--country',
      'US',
      '--language',
      'en',
      '--time-zone',
      'America/Chicago',
      '--national-id',
      '',
    );
    run(
      newCaseArgs({
        company: 'Acme Appliances',
        product: 'Blender B-9',
        amount: '149.99 USD',
        jurisdiction: 'US',
        problem: 'The motor burnt out after a week',
        request: 'Refund my money',
      }),
    );
    const r = sb.run(['apply', '3', '--text'], EN);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('\n\nWhat happened\n');
    expect(r.stdout).toContain('The motor burnt out after a week.');
    expect(r.stdout).toContain(
      '\n\nWhat would be a fair resolution\nI ask for a full refund of $149.99.',
    );
    expect(r.stderr).toContain('Forum: us-consumer-agency (en)');
    const cfpb = sb.json<ApplyJson>(['apply', '3', '--forum', 'us-cfpb']);
    expect(cfpb.fields.map((f) => f.label)).toEqual(
      expect.arrayContaining(['What happened', 'What would be a fair resolution']),
    );
  });

  it('GB: the letter before action for the small claims court: the sum, the documents, 14 days, mediation', () => {
    profile('--name', 'Jane Doe', '--address', '1 High St, London SW1A 1AA', '--country', 'GB');
    run(
      newCaseArgs({
        company: 'Shop Ltd',
        product: 'Washing machine W-1',
        amount: '399 GBP',
        purchased: '2026-08-01',
        jurisdiction: 'GB',
        'company-address': '2 Market Rd, Leeds LS1 1AA',
      }),
    );
    const json = sb.json<ApplyJson>(['apply', '4']);
    expect(json.forum.id).toBe('gb-small-claims');
    const value = (key: string) => json.fields.find((f) => f.key === key)!.value;
    expect(value('sum')).toContain('Price paid for Washing machine W-1 on 1 August 2026: £399.00');
    expect(value('sum')).toContain('Total claimed: £399.00');
    expect(value('documents')).toBe('none attached yet');
    expect(value('reply')).toMatch(
      /within 14 days of the date of this letter, that is by \d+ \w+ 20\d\d/,
    );
    expect(value('mediation')).toContain('mediation');
    const r = sb.run(['apply', '4', '-o', 'lba.docx'], EN);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('Once sent, record it: complain log 4 --channel letter');
    const { text, pages } = pdfText(sb, join(sb.dir, 'lba.docx'));
    expect(pages).toBe(1);
    expect(text).toContain('LETTER BEFORE ACTION');
    expect(text).toContain('Dear Sir or Madam,');
    expect(text).toContain('Yours faithfully,');
  }, 180_000);

  it('a case whose country has no forum: a clear error', () => {
    run(newCaseArgs({ jurisdiction: 'DE' }));
    const r = sb.run(['apply', '5'], EN);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'complain: The DE data names no forum to apply to — complain next 5 says what else you can do; complain letter 5 writes to the company',
    ]);
  });
});
