import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { makeSandbox } from '../support/cli.js';

type Lang = 'fa' | 'kk' | 'ru';

/** Everything a user of each language types: names in their script, Latin references. */
const DATA: Record<
  Lang,
  {
    profile: string[];
    company: string;
    address: string;
    product: string;
    amount: string;
    jurisdiction: string;
    tz: string;
    reps: [string, string, string];
    promise: string;
    quote: string;
    docs: [string, string];
    situation: string;
    problem: string;
    request: string;
  }
> = {
  fa: {
    profile: [
      '--name',
      'مریم رضایی',
      '--address',
      'تهران، خیابان ولیعصر، پلاک ۱۲',
      '--phone',
      '+98 912 000 0000',
      '--email',
      'maryam@example.com',
      '--country',
      'IR',
      '--language',
      'fa',
      '--time-zone',
      'Asia/Tehran',
    ],
    company: 'فروشگاه اینترنتی آلفا',
    address: 'تهران، خیابان آزادی، پلاک ۵',
    product: 'کتری برقی K-200',
    amount: '12500000 IRR',
    jurisdiction: 'IR',
    tz: 'Asia/Tehran',
    reps: ['علی محمدی', 'سارا کریمی', 'رضا احمدی'],
    promise: 'تماس مجدد',
    quote: 'مشکل شما به ما مربوط نیست.',
    docs: ['فاکتور خرید', 'کارت ضمانت'],
    situation: 'کالا دو روز بعد تحویل شد.',
    problem: 'پس از دو روز دیگر گرم نمی‌کند.',
    request: 'پول را پس بدهید.',
  },
  kk: {
    profile: [
      '--name',
      'Әсел Нұрланқызы',
      '--address',
      'Алматы қ., Абай даңғылы, 12',
      '--phone',
      '+7 701 000 00 00',
      '--email',
      'asel@example.kz',
      '--country',
      'KZ',
      '--language',
      'kk',
      '--time-zone',
      'Asia/Almaty',
    ],
    company: '«Алтын Техника» ЖШС',
    address: 'Астана қ., Қабанбай батыр даңғылы, 5',
    product: 'K-200 электр шәйнегі',
    amount: '45990 KZT',
    jurisdiction: 'KZ',
    tz: 'Asia/Almaty',
    reps: ['Ғалым Өтепов', 'Гүлнұр Құлжанова', 'Шаһизада Іскакова'],
    promise: 'қайта хабарласу',
    quote: 'Бұл біздің мәселеміз емес.',
    docs: ['сатып алу чегі', 'кепілдік талоны'],
    situation: 'Тауар келесі күні жеткізілді.',
    problem: 'Екі күннен кейін қызуын тоқтатты.',
    request: 'Ақшамды қайтарыңыз.',
  },
  ru: {
    profile: [
      '--name',
      'Анна Петрова',
      '--address',
      'г. Алматы, пр. Абая, 12',
      '--phone',
      '+7 701 111 11 11',
      '--email',
      'anna@example.kz',
      '--country',
      'KZ',
      '--language',
      'ru',
      '--time-zone',
      'Asia/Almaty',
    ],
    company: 'ТОО «Альфа Электроникс»',
    address: 'г. Астана, ул. Кенесары, 5',
    product: 'электрический чайник K-200',
    amount: '45990 KZT',
    jurisdiction: 'KZ',
    tz: 'Asia/Almaty',
    reps: ['Игорь Смирнов', 'Елена Волкова', 'Дмитрий Орлов'],
    promise: 'перезвонить',
    quote: 'Это не наша проблема.',
    docs: ['кассовый чек', 'гарантийный талон'],
    situation: 'Товар доставлен на следующий день.',
    problem: 'Через два дня перестал нагреваться.',
    request: 'Верните деньги.',
  },
};

interface Made {
  sb: CliSandbox;
  docx: string;
  json: { deadline: { on: string; text: string }; date: string; warnings: { code: string }[] };
}

function makeLetter(lang: Lang): Made {
  const d = DATA[lang];
  const sb = makeSandbox();
  const env = { TZ: d.tz };
  const ok = (args: string[]) => {
    const r = sb.run(args, { env });
    if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    return r;
  };
  ok(['profile', ...d.profile]);
  ok([
    'new',
    '--company',
    d.company,
    '--company-address',
    d.address,
    '--product',
    d.product,
    '--purchased',
    '2026-10-02',
    '--order',
    'A-1001',
    '--amount',
    d.amount,
    '--occurred',
    '2026-10-04',
    '--situation',
    d.situation,
    '--problem',
    d.problem,
    '--request',
    d.request,
    '--remedy',
    'refund',
    '--jurisdiction',
    d.jurisdiction,
  ]);
  ok([
    'log',
    '1',
    '--channel',
    'phone',
    '--at',
    '2026-10-06 11:00',
    '--duration',
    '20m',
    '--rep',
    d.reps[0],
    '--rep-id',
    '4411',
    '--reference',
    'TCK-88812',
    '--summary',
    d.situation,
    '--promise',
    d.promise,
    '--due',
    '2026-10-08',
  ]);
  ok([
    'log',
    '1',
    '--channel',
    'chat',
    '--at',
    '2026-10-13 14:30',
    '--rep',
    d.reps[1],
    '--reference',
    'CH-2231',
    '--summary',
    d.problem,
    '--supervisor',
    'refused',
    '--rude',
    '--quote',
    d.quote,
  ]);
  ok([
    'log',
    '1',
    '--channel',
    'email',
    '--at',
    '2026-11-02 10:15',
    '--rep',
    d.reps[2],
    '--rep-id',
    'E-9',
    '--reference',
    'EM-7781',
    '--summary',
    d.situation,
  ]);
  d.docs.forEach((label, i) => {
    const file = join(sb.dir, `doc${i}.pdf`);
    writeFileSync(file, `%PDF-1.4 ${label}`);
    ok(['attach', '1', file, '--kind', i === 0 ? 'receipt' : 'warranty', '--label', label]);
  });
  const docx = join(sb.dir, `${lang}.docx`);
  const r = ok(['letter', '1', '--lang', lang, '-o', docx, '--json']);
  return { sb, docx, json: JSON.parse(r.stdout) as Made['json'] };
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('letters in Persian, Kazakh and Russian through LibreOffice', () => {
  const made = {} as Record<Lang, Made>;
  const pdf = {} as Record<Lang, { text: string; info: string }>;
  const xml = {} as Record<Lang, string>;
  let out: string;

  beforeAll(() => {
    for (const lang of ['fa', 'kk', 'ru'] as const) made[lang] = makeLetter(lang);
    out = mkdtempSync(join(tmpdir(), 'complain-pdf-langs-'));
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
          ...Object.values(made).map((m) => m.docx),
        ],
        { stdio: 'pipe', timeout: 180_000 },
      );
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    for (const lang of ['fa', 'kk', 'ru'] as const) {
      const file = join(out, `${lang}.pdf`);
      pdf[lang] = {
        text: flat(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })),
        info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
      };
      xml[lang] = execFileSync('unzip', ['-p', made[lang].docx, 'word/document.xml'], {
        encoding: 'utf8',
      });
      // LETTER_PNG_DIR=/tmp/x renders the pages to look at.
      const png = process.env.LETTER_PNG_DIR;
      if (png) execFileSync('pdftoppm', ['-png', '-r', '80', file, join(png, lang)]);
    }
  }, 300_000);

  afterAll(() => {
    for (const m of Object.values(made)) m.sb.cleanup();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('fits each letter on one A4 page, with no lint warnings', () => {
    for (const lang of ['fa', 'kk', 'ru'] as const) {
      expect(pdf[lang].info, lang).toMatch(/Pages:\s+1\n/);
      expect(pdf[lang].info, lang).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts/);
      expect(made[lang].json.warnings, lang).toEqual([]);
    }
  });

  for (const lang of ['kk', 'ru'] as const) {
    it(`${lang}: the names, references, amount, deadline and enclosures in the PDF`, () => {
      const d = DATA[lang];
      const t = pdf[lang].text;
      for (const s of [
        d.profile[1]!,
        d.company,
        d.product,
        ...d.reps,
        'TCK-88812',
        'CH-2231',
        'EM-7781',
        'A-1001',
        `«${d.quote}»`,
        made[lang].json.deadline.text,
      ])
        expect(t, s).toContain(s);
      // pdftotext puts a space before a no-break hyphen in a justified line ("274 -IV").
      expect(t).toMatch(/№ 274 ?-IV/);
      expect(t).toContain(lang === 'ru' ? '45 990 тенге' : '45 990 теңге');
      expect(t).toContain(lang === 'ru' ? 'ПРЕТЕНЗИЯ' : 'КІНӘРАТ-ТАЛАП');
      expect(t).toContain(
        lang === 'ru' ? 'в течение 10 календарных дней' : '10 күнтізбелік күн ішінде',
      );
      expect(t).toContain(
        lang === 'ru'
          ? 'Приложение: 1. кассовый чек (копия); 2. гарантийный талон (копия).'
          : 'Қосымша: 1. сатып алу чегі (көшірмесі); 2. кепілдік талоны (көшірмесі).',
      );
      if (lang === 'kk')
        for (const ch of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і', 'Ә', 'Ғ', 'Қ', 'І'])
          expect(t, ch).toContain(ch);
    });
  }

  it('fa: every paragraph right to left; Solar Hijri date and amounts in Persian digits (DOCX text)', () => {
    const doc = xml.fa;
    const paragraphs = doc.match(/<w:p>.*?<\/w:p>/g) ?? [];
    expect(paragraphs.length).toBeGreaterThan(15);
    for (const p of paragraphs) expect(p).toContain('<w:bidi/>');
    const text = paragraphs
      .map((p) =>
        [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)]
          .map((m) => m[1] ?? '-')
          .join(''),
      )
      .join('\n')
      .replace(/[\u200e\u2066-\u2069]/g, '')
      .replace(/\u00a0/g, ' ');
    const d = DATA.fa;
    for (const s of [
      d.profile[1]!,
      d.company,
      d.product,
      ...d.reps,
      'TCK-88812',
      'CH-2231',
      'EM-7781',
      'A-1001',
      'maryam@example.com',
      `«${d.quote}»`,
      '۱۲٬۵۰۰٬۰۰۰ ریال',
      'پیوست: دارد',
      'پیوست‌ها:',
      '۱. رونوشت فاکتور خرید؛',
      '۲. رونوشت کارت ضمانت.',
      'سامانه ۱۲۴',
    ])
      expect(text, s).toContain(s);
    const deadline = made.fa.json.deadline.text;
    expect(deadline).toMatch(/^[۰-۹]+ [\u0600-\u06ff]+ ۱۴۰[۵۶]$/);
    expect(text).toContain(`حداکثر تا تاریخ ${deadline}`);
    const today = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${made.fa.json.date}T12:00:00Z`));
    expect(text).toContain(`تاریخ: ${today}`);
    expect(text).not.toMatch(/\b20\d\d\b/);
  });
});
