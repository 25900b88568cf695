import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Jurisdiction, Localized } from '../../src/domain/jurisdiction-rules.js';
import type { LintContext } from '../../src/letter/lint.js';
import { lintLetter } from '../../src/letter/lint.js';
import type { Letter, LetterInput } from '../../src/letter/model.js';
import { buildLetter, LETTER_ELEMENTS } from '../../src/letter/model.js';
import { renderLetterDocx } from '../../src/letter/render-docx.js';
import { renderLetterText } from '../../src/letter/render-text.js';
import { letterLanguages, loadJurisdiction, loadLetterTemplate } from '../../src/templates.js';
import { fixtureCase, fixtureContacts, fixtureInput, PROFILE } from '../support/letter-fixture.js';

const ISOLATES = /[\u200e\u2066-\u2069]/g;
const plain = (letter: Letter) =>
  letter.blocks
    .flatMap((b) => b.lines)
    .join('\n')
    .replace(ISOLATES, '')
    .replace(/\u00a0/g, ' ');
const JURISDICTIONS = ['TR', 'GB', 'US', 'EU', 'KZ', 'IR'];

/** A case in the script of the letter, for a jurisdiction. */
function nativeInput(lang: 'fa' | 'kk' | 'ru', code: string, extra: Partial<LetterInput> = {}) {
  const names = {
    fa: { company: 'شرکت آلفا الکترونیک', product: 'کتری برقی K-200', rep: 'مریم احمدی' },
    kk: {
      company: '«Алтын Техника» ЖШС',
      product: 'K-200 электр шәйнегі',
      rep: 'Әсел Қожахметова',
    },
    ru: {
      company: 'ТОО «Альфа Электроникс»',
      product: 'электрический чайник K-200',
      rep: 'Ирина Соколова',
    },
  }[lang];
  const caseRecord = fixtureCase({
    company: { ...fixtureCase().company, name: names.company },
    product: names.product,
    jurisdiction: code,
    amount:
      code === 'IR'
        ? { minor: 125_000_000, currency: 'IRR' }
        : { minor: 4_599_000, currency: 'KZT' },
    remedy: 'refund',
    situation: lang === 'fa' ? 'کالا روز بعد تحویل شد' : 'Товар доставлен на следующий день',
    problem:
      lang === 'fa' ? 'پس از دو روز دیگر گرم نمی‌کند.' : 'Через два дня перестал нагреваться.',
  });
  const contacts = fixtureContacts().map((c) => ({
    ...c,
    reps: c.reps.map((r) => ({ ...r, name: names.rep })),
    summary: lang === 'fa' ? 'به واحد فنی ارجاع شد' : 'Передали в технический отдел',
  }));
  const jurisdiction = loadJurisdiction(code);
  return fixtureInput(lang, {
    caseRecord,
    contacts,
    jurisdiction,
    template: loadLetterTemplate(lang),
    region: code,
    remedy: 'refund',
    deadline: { spec: { kind: 'period', amount: 10, unit: 'calendar-days' }, basis: 'given' },
    ...extra,
  });
}

function lintContext(lang: string, overrides: Partial<LintContext> = {}): LintContext {
  return {
    lists: loadLetterTemplate(lang).lint,
    documentsExpected: true,
    hasAccount: true,
    names: [],
    ...overrides,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'complain-langs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function part(buffer: Buffer, name: string): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, buffer);
  return execFileSync('unzip', ['-p', file, name], { encoding: 'utf8' });
}

describe('letter templates in every language', () => {
  const en = loadLetterTemplate('en');
  it('exist for en, tr, fa, kk and ru', () => {
    expect(letterLanguages()).toEqual(['en', 'fa', 'kk', 'ru', 'tr']);
  });

  for (const lang of ['tr', 'fa', 'kk', 'ru']) {
    it(`${lang}: has every text, channel, standing, remedy and sending method that en has`, () => {
      const t = loadLetterTemplate(lang);
      for (const group of ['texts', 'channels', 'standings', 'remedies', 'sendingMethods'] as const)
        for (const key of Object.keys(en[group]))
          expect(t[group][key], `${lang} ${group}.${key}`).toBeTypeOf('string');
      expect(t.plurals.contactsIntro?.other).toBeTruthy();
      for (const list of ['insults', 'sarcasm', 'threats', 'placeholders'] as const)
        expect(t.lint[list].length, `${lang} lint.${list}`).toBeGreaterThan(3);
      if (t.layout.order) expect([...t.layout.order].sort()).toEqual([...LETTER_ELEMENTS].sort());
    });
  }
});

describe('jurisdiction texts in every letter language', () => {
  for (const code of JURISDICTIONS) {
    it(`${code}: every clock label, forum name and legal basis exists in en, tr, fa, kk and ru`, () => {
      const j = loadJurisdiction(code);
      const texts: [string, Localized][] = [
        ...j.clocks.map((c) => [`clocks ${c.id} label`, c.label] as [string, Localized]),
        ...j.forums.flatMap((f) =>
          (['name', 'letterName', 'apply'] as const)
            .filter((k) => f[k])
            .map((k) => [`forums ${f.id} ${k}`, f[k]!] as [string, Localized]),
        ),
        ...(j.legalBasis ?? []).map(
          (b) => [`legalBasis ${b.id} text`, b.text] as [string, Localized],
        ),
        ...(j.rights ?? []).flatMap((r) =>
          (['label', 'letter', 'letterExercised'] as const)
            .filter((k) => r[k])
            .map((k) => [`rights ${r.id} ${k}`, r[k]!] as [string, Localized]),
        ),
      ];
      const missing = texts.flatMap(([key, value]) =>
        letterLanguages()
          .filter((l) => !value[l])
          .map((l) => `${key}.${l}`),
      );
      expect(missing).toEqual([]);
    });
  }
});

describe('the Persian letter', () => {
  const letter = buildLetter(nativeInput('fa', 'IR'));
  const text = plain(letter);

  it('is dated in the Solar Hijri calendar with Persian digits, and says it has attachments', () => {
    // Monday 23 November 2026 is 2 Azar 1405.
    expect(letter.blocks.find((b) => b.kind === 'date')!.lines).toEqual([
      'تاریخ: ۲ آذر ۱۴۰۵',
      'پیوست: دارد',
    ]);
    expect(text).toContain('۱۰ مهر ۱۴۰۵'); // the purchase, 2 October 2026
    expect(text).not.toMatch(/\b2026\b|November|Kasım/);
  });

  it('writes amounts and counts in Persian digits with the Persian separator', () => {
    expect(text).toContain('به مبلغ ۱۲۵٬۰۰۰٬۰۰۰ ریال');
    expect(text).toContain('تاکنون ۳ بار');
    expect(text).toContain('ظرف ۱۰ روز، یعنی حداکثر تا تاریخ ۱۲ آذر ۱۴۰۵');
  });

  it('marks Latin references left to right so that they keep their order inside RTL text', () => {
    const raw = letter.blocks.flatMap((b) => b.lines).join('\n');
    for (const ref of ['A-1001', 'C-5521', 'TCK-88812', 'ayse@example.com', '+90 532 000 00 00'])
      expect(raw).toContain(`\u200e${ref}\u200e`);
  });

  it('lists the enclosures numbered under پیوست‌ها, after the signature and the sender', () => {
    const kinds = letter.blocks.map((b) => b.kind);
    expect(kinds.indexOf('name')).toBeLessThan(kinds.indexOf('sender'));
    expect(kinds.indexOf('sender')).toBeLessThan(kinds.indexOf('enclosures'));
    const enclosures = letter.blocks
      .find((b) => b.kind === 'enclosures')!
      .lines.map((l) => l.replace(ISOLATES, ''));
    expect(enclosures).toEqual([
      'پیوست‌ها:',
      '۱. رونوشت invoice؛',
      '۲. رونوشت warranty card؛',
      '۳. رونوشت photo of the kettle.',
    ]);
    expect(letter.blocks.find((b) => b.kind === 'sender')!.lines[0]).not.toContain('Ayşe');
  });

  it('names the Iranian escalation body in Persian', () => {
    expect(text).toContain('از طریق سامانه ۱۲۴ رسیدگی به شکایات پیگیری خواهم کرد');
    expect(letter.missingTranslations).toEqual([]);
  });

  it('marks every paragraph and run right to left in the DOCX, footer included', async () => {
    const buffer = await renderLetterDocx(letter);
    const xml = part(buffer, 'word/document.xml');
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>/g) ?? [];
    expect(paragraphs.length).toBeGreaterThan(15);
    for (const p of paragraphs) {
      expect(p).toContain('<w:bidi/>');
      expect(p).not.toMatch(/w:jc w:val="(left|right)"/);
      for (const run of p.match(/<w:r>.*?<\/w:r>/g) ?? []) expect(run).toContain('<w:rtl/>');
    }
    const footers = ['word/footer1.xml', 'word/footer2.xml'].map((f) => part(buffer, f));
    const numbered = footers.find((f) => f.includes('PAGE'))!;
    expect(numbered).toContain('<w:bidi/>');
    expect(numbered).toContain('<w:rtl/>');
    const styles = part(buffer, 'word/styles.xml');
    expect(styles).toContain('w:cs="Tahoma"');
    expect(styles).toContain('w:bidi="fa-IR"');
  });

  it('a Persian speaker in Turkey gets a Persian letter citing Turkish law', () => {
    const inTurkey = buildLetter(
      nativeInput('fa', 'TR', {
        caseRecord: {
          ...nativeInput('fa', 'TR').caseRecord,
          amount: { minor: 124990, currency: 'TRY' },
        },
      }),
    );
    const t = plain(inTurkey);
    expect(t).toContain('قانون شماره ۶۵۰۲ حمایت از مصرف‌کننده ترکیه');
    expect(t).toContain('۱٬۲۴۹٫۹۰ لیر');
    expect(t).toContain('هیئت داوری مصرف‌کننده (Tüketici Hakem Heyeti)');
    expect(t).not.toMatch(/Consumer Protection Law|I exercise/);
    expect(inTurkey.missingTranslations).toEqual([]);
  });
});

describe('the Russian and Kazakh claims', () => {
  it('ru: Кому/От at the top, ПРЕТЕНЗИЯ, the Kazakh law in Russian, 10 calendar days, numbered Приложение', () => {
    const letter = buildLetter(nativeInput('ru', 'KZ'));
    const kinds = letter.blocks.map((b) => b.kind);
    expect(kinds.slice(0, 3)).toEqual(['recipient', 'sender', 'title']);
    const text = plain(letter);
    expect(letter.blocks[0]!.lines[0]).toBe('Кому: ТОО «Альфа Электроникс»');
    expect(letter.blocks[1]!.lines[0]).toBe('От: Ayşe Yılmaz');
    expect(letter.blocks[2]!.lines).toEqual(['ПРЕТЕНЗИЯ', 'о возврате денежных средств']);
    expect(text).toContain(
      'В соответствии с Законом Республики Казахстан от 4 мая 2010 года № 274-IV «О защите прав потребителей»',
    );
    expect(text).toContain('денежную сумму в размере 45 990 тенге');
    expect(text).toContain('в течение 10 календарных дней, то есть не позднее 3 декабря 2026 г.');
    expect(text).toContain('обратиться в территориальный департамент по защите прав потребителей');
    // Three contacts of the user's, each said for what it was.
    expect(text).toContain(
      'с моей стороны было 3 безрезультатных обращения (1 телефонный звонок, 1 обращение в онлайн-чат и 1 электронное письмо)',
    );
    expect(text).toContain('Ирина Соколова (ID 4411)');
    const enclosures = letter.blocks.find((b) => b.kind === 'enclosures')!.lines;
    expect(enclosures[0]).toBe('Приложение:');
    expect(enclosures[1]).toBe('1. invoice (копия);');
    expect(kinds.indexOf('enclosures')).toBeLessThan(kinds.indexOf('date'));
    expect(letter.blocks.find((b) => b.kind === 'date')!.lines).toEqual([
      'Дата: 23 ноября 2026 г.',
    ]);
    expect(letter.missingTranslations).toEqual([]);
  });

  it('ru counts contacts with Russian plural forms', () => {
    const one = buildLetter(nativeInput('ru', 'KZ', { contacts: fixtureContacts().slice(0, 1) }));
    expect(plain(one)).toContain('было 1 безрезультатное обращение (1 телефонный звонок):');
    // With a contact from the company, the contacts are counted as ours: состоялся / состоялось.
    const [first] = fixtureContacts();
    const reply = { ...first!, id: 9, direction: 'inbound' as const };
    const two = buildLetter(nativeInput('ru', 'KZ', { contacts: [reply] }));
    expect(plain(two)).toContain('состоялся 1 контакт (1 телефонный звонок от вас),');
    const five = buildLetter(
      nativeInput('ru', 'KZ', {
        contacts: [...fixtureContacts(), { ...reply, id: 10 }, { ...reply, id: 11 }],
      }),
    );
    expect(plain(five)).toContain('состоялось 5 контактов');
    expect(plain(five)).toContain('2 телефонных звонка от вас');
  });

  it('kk: Кімге/Кімнен, КІНӘРАТ-ТАЛАП, the law by its Kazakh title, the forum in the dative', () => {
    const letter = buildLetter(nativeInput('kk', 'KZ'));
    const text = plain(letter);
    expect(letter.blocks[0]!.lines[0]).toBe('Кімге: «Алтын Техника» ЖШС');
    expect(letter.blocks[2]!.lines[0]).toBe('КІНӘРАТ-ТАЛАП');
    expect(text).toContain('«Тұтынушылардың құқықтарын қорғау туралы» Қазақстан Республикасының');
    expect(text).toContain(
      '10 күнтізбелік күн ішінде, яғни 2026 ж. 3 желтоқсан күнінен кешіктірмей',
    );
    expect(text).toContain('аумақтық департаментке (E-Otinish арқылы) жүгінуге');
    expect(text).toContain('төленген 45 990 теңге көлеміндегі ақшаны');
    expect(text).toContain('Әсел Қожахметова (ID 4411)');
    for (const ch of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і']) expect(text).toContain(ch);
  });

  it('a Russian-speaking user in Turkey gets Turkish law in Russian', () => {
    const letter = buildLetter(
      nativeInput('ru', 'TR', { remedy: 'repair', caseRecord: fixtureCase({ remedy: 'repair' }) }),
    );
    expect(plain(letter)).toContain('статьями 8 и 11 Закона Турции № 6502');
  });

  it('previews on the terminal without the direction marks', () => {
    expect(renderLetterText(buildLetter(nativeInput('fa', 'IR')))).not.toMatch(ISOLATES);
  });
});

describe('a missing translation', () => {
  it('shows a bracket that names the key, never English, and lint refuses it', () => {
    const kz = loadJurisdiction('KZ');
    const broken: Jurisdiction = {
      ...kz,
      legalBasis: kz.legalBasis!.map((b) => ({ ...b, text: { en: b.text.en } })),
    };
    const letter = buildLetter(nativeInput('ru', 'KZ', { jurisdiction: broken }));
    const key = 'jurisdictions/KZ.json legalBasis.kz-written-claim.text.ru';
    expect(letter.missingTranslations).toEqual([key]);
    expect(plain(letter)).toContain(`[${key}]`);
    expect(plain(letter)).not.toContain('Under Law No. 274-IV');
    const warnings = lintLetter(letter, lintContext('ru'));
    const error = warnings.find((w) => w.code === 'missing-translation');
    expect(error).toMatchObject({ severity: 'error' });
    expect(error!.message).toContain(key);
    expect(warnings.filter((w) => w.code === 'placeholder')).toEqual([]);
  });
});

describe('lint in every language', () => {
  const withProblem = (lang: 'fa' | 'kk' | 'ru', problem: string) =>
    buildLetter(
      nativeInput(lang, lang === 'fa' ? 'IR' : 'KZ', {
        caseRecord: { ...nativeInput(lang, 'KZ').caseRecord, problem },
      }),
    );
  const codes = (lang: 'fa' | 'kk' | 'ru', problem: string) =>
    lintLetter(withProblem(lang, problem), lintContext(lang)).map((w) => w.code);

  it('passes the clean letters', () => {
    for (const lang of ['fa', 'kk', 'ru'] as const)
      expect(
        lintLetter(buildLetter(nativeInput(lang, lang === 'fa' ? 'IR' : 'KZ')), lintContext(lang)),
      ).toEqual([]);
  });

  it('ru: shouting, insults, sarcasm, threats and placeholders', () => {
    expect(codes('ru', 'ВЫ ВСЕ ОБМАНЩИКИ!!')).toEqual(
      expect.arrayContaining(['capitals', 'exclamation', 'insult']),
    );
    expect(codes('ru', 'Спасибо за ничего, отличный сервис.')).toContain('sarcasm');
    expect(codes('ru', 'Вы пожалеете об этом.')).toContain('threat');
    expect(codes('ru', 'Чайник сломался ЗАПОЛНИТЬ.')).toContain('placeholder');
    // ё and е are one letter to the lists.
    expect(codes('ru', 'Это вам дорого обойдется.')).toContain('threat');
  });

  it('kk: insults, sarcasm and threats in Kazakh', () => {
    expect(codes('kk', 'Сендер алаяқтарсыңдар, алаяқтар!')).toContain('insult');
    expect(codes('kk', 'Керемет қызмет, жарайсыңдар.')).toContain('sarcasm');
    expect(codes('kk', 'Бәрін бүкіл интернетке жазамын.')).toContain('threat');
    expect(codes('kk', 'СІЗДЕР ЖАУАП БЕРМЕДІҢІЗДЕР.')).toContain('capitals');
  });

  it('fa: the lists match whatever keyboard typed them (ي/ی, ك/ک, ZWNJ or space); no case to shout in', () => {
    expect(codes('fa', 'شما کلاهبردار هستید.')).toContain('insult');
    expect(codes('fa', 'شما كلاهبردار هستيد.')).toContain('insult'); // Arabic kaf and yeh
    expect(codes('fa', 'شما بی شعور هستید.')).toContain('insult'); // a space for the ZWNJ
    expect(codes('fa', 'طبق معمول هیچ پاسخی ندادید.')).toContain('sarcasm');
    expect(codes('fa', 'پشیمان خواهید شد.')).toContain('threat');
    expect(codes('fa', 'کتری خراب شد [تاریخ].')).toContain('placeholder');
    expect(codes('fa', 'کتری خراب شد.')).not.toContain('capitals');
  });
});

describe('profile language', () => {
  it('the fixture profile writes Turkish; the letter language is the one asked for', () => {
    expect(PROFILE.language).toBe('tr');
    expect(buildLetter(nativeInput('kk', 'TR')).language).toBe('kk');
  });
});
