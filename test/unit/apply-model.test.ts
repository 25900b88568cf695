import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../src/apply/model.js';
import { buildApplication } from '../../src/apply/model.js';
import { renderApplicationDocx } from '../../src/apply/render-docx.js';
import {
  applicationForums,
  loadApplicationTemplate,
  loadFactTexts,
} from '../../src/apply/template.js';
import {
  applicationView,
  masked,
  renderApplicationFields,
  renderApplicationPreview,
} from '../../src/apply/views.js';
import type { LetterRecord } from '../../src/db/letter-repo.js';
import { pickForum } from '../../src/domain/escalation.js';
import { maskIdentity, parseIdentityNumber } from '../../src/domain/identity.js';
import type { CaseRecord, Profile } from '../../src/domain/model.js';
import { REMEDIES } from '../../src/domain/vocab.js';
import { loadJurisdiction, loadLetterTemplate } from '../../src/templates.js';
import { NOW, PROFILE, TZ, fixtureCase, fixtureContacts } from '../support/letter-fixture.js';
import { makeContact } from '../support/snapshot.js';

const dir = mkdtempSync(join(tmpdir(), 'complain-apply-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first complaint letter of the fixture: sent by notary, tracked, delivered, unanswered. */
function sentLetter(over: Partial<LetterRecord> = {}): LetterRecord {
  return {
    id: 1,
    caseId: 3,
    kind: 'complaint',
    language: 'tr',
    createdAt: new Date('2026-11-03T09:00:00Z'),
    deadlineOn: '2026-11-17',
    deadlineSpec: '14d',
    deadlineFrom: '2026-11-03',
    remedy: 'repair',
    fileSha256: null,
    filePath: null,
    fileSize: null,
    cc: null,
    sendMethod: 'notary',
    enclosures: ['invoice', 'photo of the kettle'],
    sentOn: '2026-11-03',
    sentVia: 'notary',
    tracking: 'RR123456789TR',
    deliveredOn: '2026-11-05',
    ...over,
  };
}

/** The application input for a case and a forum, the way `complain apply` assembles it. */
function input(
  caseRecord: CaseRecord,
  forumId: string,
  language: string,
  over: Partial<ApplicationInput> = {},
): ApplicationInput {
  const jurisdiction = loadJurisdiction(caseRecord.jurisdiction);
  const forum = jurisdiction.forums.find((f) => f.id === forumId)!;
  const limitOf = jurisdiction.forums.find((f) => f.id === (forum.aboveForum ?? forum.id))!;
  return {
    caseRecord,
    contacts: fixtureContacts(),
    letters: [sentLetter()],
    profile: PROFILE,
    nationalId: '12345678901',
    companyLegalId: '0123456789000015',
    evidence: ['invoice'],
    enclose: ['warranty card'],
    jurisdiction,
    forum,
    limit: limitOf.limits?.find((l) => l.year === 2026) ?? null,
    template: loadApplicationTemplate(forumId)!,
    language,
    letterTemplate: loadLetterTemplate(language),
    facts: loadFactTexts(language),
    region: caseRecord.jurisdiction,
    now: NOW,
    timeZone: TZ,
    ...over,
  };
}

const field = (app: ReturnType<typeof buildApplication>, key: string) =>
  app.fields.find((f) => f.key === key)!.lines.join('\n');

describe('the application templates', () => {
  it('every form names a forum of its country, in languages that have facts and letters, for every remedy', () => {
    const forums = applicationForums();
    expect(forums).toEqual(
      expect.arrayContaining([
        'gb-ombudsman',
        'gb-small-claims',
        'ir-124',
        'kz-consumer-protection',
        'tr-hakem-heyeti',
        'tr-mediation',
        'us-cfpb',
        'us-consumer-agency',
      ]),
    );
    for (const id of forums) {
      const template = loadApplicationTemplate(id)!;
      const country = id.split('-')[0]!.toUpperCase();
      expect(loadJurisdiction(country).forums.map((f) => f.id)).toContain(id);
      expect(Object.keys(template.forms).sort()).toEqual([...template.languages].sort());
      for (const language of template.languages) {
        expect(loadFactTexts(language).blank).toBeTruthy();
        expect(loadLetterTemplate(language).language).toBe(language);
        for (const remedy of REMEDIES)
          expect(template.forms[language]!.remedies[remedy]).toBeTruthy();
      }
    }
  });
});

describe('buildApplication', () => {
  it('TR 12,400 TL: the petition to the committee chair, with the Art. 11 right, the facts in date order and the evidence', () => {
    const c = fixtureCase({ amount: { minor: 1240000, currency: 'TRY' }, remedy: 'refund' });
    const chosen = pickForum(loadJurisdiction('TR'), null, c.amount, 2026)!;
    expect(chosen.forum.id).toBe('tr-hakem-heyeti');
    const escalation = makeContact(9, '2026-11-20T08:00:00Z', {
      caseId: 3,
      summary: 'Applied on e-Devlet',
      escalation: {
        kind: 'arbitration',
        forum: 'tr-hakem-heyeti',
        platform: null,
        link: null,
        fileNumber: null,
      },
    });
    const app = buildApplication(
      input(c, 'tr-hakem-heyeti', 'tr', { contacts: [...fixtureContacts(), escalation] }),
    );
    expect(app.title[0]).toMatch(/TÜKETİCİ HAKEM HEYETİ BAŞKANLIĞINA$/);
    expect(app.fields.map((f) => f.key)).toEqual([
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
    expect(field(app, 'applicant')).toContain('T.C. Kimlik No.: 12345678901');
    expect(field(app, 'applicant')).toContain('Adı Soyadı: Ayşe Yılmaz');
    expect(field(app, 'respondent')).toContain('MERSİS / Vergi No.: 0123456789000015');
    expect(field(app, 'respondent')).toContain('Büyükdere Cd. 1, 34394 Şişli/İstanbul');
    expect(field(app, 'value')).toMatch(/12\.400,00/);
    expect(field(app, 'right')).toMatch(
      /^Sözleşmeden dönme ve ödediğim bedelin \(₺12\.400,00\) iadesi$/,
    );
    const facts = app.fields.find((f) => f.key === 'facts')!.lines;
    // Purchase, problem, three calls, the letter: in date order, numbered; the application itself is not a fact.
    expect(facts).toHaveLength(6);
    expect(facts[0]).toMatch(/^1\. 2 Ekim 2026 tarihinde Acme Elektronik firmasından Kettle K-200/);
    expect(facts[1]).toMatch(/^2\. 4 Ekim 2026 tarihinde şu sorun/);
    expect(facts[2]).toContain('TCK-88812');
    expect(facts[2]).toContain('Selin D. (sicil no. S-17)');
    expect(facts[3]).toContain('“Not my problem.”');
    expect(facts[5]).toMatch(
      /^6\. 3 Kasım 2026 tarihinde Acme Elektronik firmasına yazılı şikâyet gönderdim \(noter aracılığıyla\) \(gönderi takip no\. RR123456789TR\); yazı 5 Kasım 2026 tarihinde tebliğ edildi\. 17 Kasım 2026 tarihine kadar/,
    );
    expect(facts.join('\n')).not.toContain('e-Devlet');
    expect(app.fields.find((f) => f.key === 'evidence')!.lines).toEqual([
      '1. invoice',
      '2. warranty card',
      '3. photo of the kettle',
      '4. 3 Kasım 2026 tarihli yazılı başvurum ve gönderi belgesi (RR123456789TR)',
      've her türlü yasal delil.',
    ]);
    expect(app.closing).toEqual([
      'Tarih: 23 Kasım 2026',
      'Başvuran',
      'Ayşe Yılmaz',
      'İmza: ……………………',
    ]);
    expect(app.gaps).toEqual([]);
    expect(app.secrets).toEqual(['12345678901', '0123456789000015']);
  });

  it('TR 250,000 TL: the mediation application, naming the 2026 limit', () => {
    const c = fixtureCase({ amount: { minor: 25000000, currency: 'TRY' } });
    expect(pickForum(loadJurisdiction('TR'), null, c.amount, 2026)!.forum.id).toBe('tr-mediation');
    const app = buildApplication(input(c, 'tr-mediation', 'tr'));
    expect(app.title[0]).toMatch(/ARABULUCULUK BÜROSUNA$/);
    expect(app.title[1]).toContain('m.\u00a073/A');
    expect(field(app, 'limit')).toMatch(/2026 yılı için .*186\.000,00 tutarının üzerinde/);
    expect(field(app, 'value')).toMatch(/250\.000,00/);
    expect(field(app, 'request')).toBe('Malın ücretsiz onarılmasını talep ediyorum.');
    expect(app.fields.map((f) => f.key)).toContain('mediation');
  });

  it('leaves the identity numbers and a missing address blank to fill in, and says which', () => {
    const c = fixtureCase({ company: { ...fixtureCase().company, address: null } });
    const app = buildApplication(
      input(c, 'tr-hakem-heyeti', 'tr', { nationalId: null, companyLegalId: null }),
    );
    expect(field(app, 'applicant')).toContain('T.C. Kimlik No.: …………………');
    expect(field(app, 'respondent')).toContain('Adres: …………………');
    expect(app.gaps).toEqual(['national-id', 'company-id', 'company-address']);
  });

  it('KZ: the E-Otinish complaint in kk and in ru, citing the written claim and its tracking number', () => {
    const c = fixtureCase({
      jurisdiction: 'KZ',
      amount: { minor: 24599000, currency: 'KZT' },
      remedy: 'refund',
    });
    const kk = buildApplication(input(c, 'kz-consumer-protection', 'kk', { region: 'KZ' }));
    const ru = buildApplication(input(c, 'kz-consumer-protection', 'ru', { region: 'KZ' }));
    expect(kk.title[0]).toBe('ШАҒЫМ');
    expect(ru.title[0]).toBe('ЖАЛОБА');
    expect(field(kk, 'applicant')).toContain('ЖСН: 12345678901');
    expect(field(ru, 'applicant')).toContain('ИИН: 12345678901');
    expect(field(ru, 'respondent')).toContain('БИН/ИИН: 0123456789000015');
    expect(field(kk, 'facts')).toContain('жазбаша талап-арыз (претензия) жібердім');
    expect(field(ru, 'facts')).toMatch(
      /письменную претензию \(через нотариуса\), почтовый идентификатор RR123456789TR; она вручена 5 ноября 2026/,
    );
    expect(field(ru, 'facts')).toContain('№ 274-IV «О защите прав потребителей»');
    expect(field(ru, 'request')).toContain('возврат уплаченной суммы (245\u00a0990\u00a0тенге)');
    expect(field(kk, 'request')).toContain('төленген соманы (245\u00a0990\u00a0теңге) қайтару');
    // The Kazakh letters survive.
    expect(JSON.stringify(kk)).toMatch(/[әғқңөұүһі]/);
  });

  it('IR: the 124 complaint in Persian, right to left, Solar Hijri dates, the tracking-code note', () => {
    const c = fixtureCase({
      jurisdiction: 'IR',
      amount: { minor: 125000000, currency: 'IRR' },
      remedy: 'refund',
    });
    const app = buildApplication(
      input(c, 'ir-124', 'fa', { region: 'IR', timeZone: 'Asia/Tehran' }),
    );
    expect(app.direction).toBe('rtl');
    expect(app.title[0]).toBe('شکایت به سامانه ۱۲۴');
    expect(field(app, 'value')).toBe('۱۲۵٬۰۰۰٬۰۰۰\u00a0ریال');
    expect(field(app, 'purchased')).toBe('۱۰ مهر ۱۴۰۵');
    expect(field(app, 'facts')).toMatch(/^۱\. در تاریخ ۱۰ مهر ۱۴۰۵/);
    // A Latin reference inside Persian text is marked left to right.
    expect(field(app, 'facts')).toContain('\u200eTCK-88812\u200e');
    expect(app.note).toContain('کد رهگیری');
    expect(app.closing[0]).toBe('تاریخ: ۲ آذر ۱۴۰۵');
  });

  it('US: the CFPB narrative, "What happened" and "What would be a fair resolution"', () => {
    const c = fixtureCase({
      jurisdiction: 'US',
      amount: { minor: 14999, currency: 'USD' },
      remedy: 'refund',
    });
    const profile: Profile = { ...PROFILE, country: 'US', fullName: 'John Smith' };
    const app = buildApplication(
      input(c, 'us-cfpb', 'en', { region: 'US', profile, nationalId: null, companyLegalId: null }),
    );
    const labels = app.fields.map((f) => f.label);
    expect(labels).toContain('What happened');
    expect(labels).toContain('What would be a fair resolution');
    const happened = app.fields.find((f) => f.key === 'what-happened')!;
    expect(happened.style).toBe('paragraphs');
    expect(happened.lines[0]).toBe(
      'On October 2, 2026 I bought Kettle K-200 from Acme Elektronik for $149.99 (order A-1001). It was delivered on 3 October.',
    );
    expect(field(app, 'resolution')).toBe(
      'I ask for a full refund of $149.99.\nMy request to the company was: “Repair the kettle, or replace it if it cannot be repaired”',
    );
    expect(app.pageSize).toBe('Letter');
  });

  it('GB: the ombudsman summary, and the letter before action with the sum, the documents, 14 days and mediation', () => {
    const c = fixtureCase({ jurisdiction: 'GB', amount: { minor: 39900, currency: 'GBP' } });
    const profile: Profile = { ...PROFILE, country: 'GB', fullName: 'Jane Doe' };
    const gb = {
      region: 'GB',
      profile,
      nationalId: null,
      companyLegalId: null,
      timeZone: 'Europe/London',
    };
    expect(pickForum(loadJurisdiction('GB'), null, c.amount, 2026)!.forum.id).toBe(
      'gb-small-claims',
    );
    expect(pickForum(loadJurisdiction('GB'), 'energy', c.amount, 2026)!.forum.id).toBe(
      'gb-ombudsman',
    );
    const omb = buildApplication(input(c, 'gb-ombudsman', 'en', gb));
    expect(field(omb, 'complained')).toBe('6 October 2026');
    expect(omb.note).toContain('eight weeks');
    const lba = buildApplication(input(c, 'gb-small-claims', 'en', gb));
    expect(lba.title).toEqual(['LETTER BEFORE ACTION']);
    expect(lba.subtitle).toBe('Claim for £399.00: Kettle K-200');
    expect(lba.addressee).toEqual(['Acme Elektronik', 'Büyükdere Cd. 1, 34394 Şişli/İstanbul']);
    expect(field(lba, 'sum')).toContain(
      'Price paid for Kettle K-200 on 2 October 2026: £399.00\nTotal claimed: £399.00',
    );
    expect(field(lba, 'documents')).toMatch(
      /^1\. invoice\n2\. warranty card\n3\. photo of the kettle\n4\. My letter of 3 November 2026/,
    );
    expect(field(lba, 'documents')).toContain('Copies are enclosed');
    expect(field(lba, 'reply')).toContain(
      'within 14 days of the date of this letter, that is by 7 December 2026',
    );
    expect(field(lba, 'mediation')).toContain('mediation');
    expect(lba.closing).toEqual(['Yours faithfully,', 'Jane Doe']);
  });

  it('the letter before action without an amount leaves the sum to fill in', () => {
    const c = fixtureCase({ jurisdiction: 'GB', amount: null });
    const app = buildApplication(
      input(c, 'gb-small-claims', 'en', { region: 'GB', evidence: [], enclose: [], letters: [] }),
    );
    expect(field(app, 'sum')).toMatch(/^The sum claimed: …………………/);
    expect(field(app, 'documents')).toBe('none attached yet');
    expect(app.gaps).toContain('amount');
  });
});

describe('identity numbers', () => {
  it('are masked on the terminal, a number inside another included, and in full in the DOCX', async () => {
    expect(maskIdentity('12345678901')).toBe('*******8901');
    expect(maskIdentity('123')).toBe('***');
    expect(parseIdentityNumber(' 123 456-78901 ', '--national-id')).toBe('12345678901');
    expect(parseIdentityNumber('', '--national-id')).toBeNull();
    expect(() => parseIdentityNumber('12;DROP', '--national-id')).toThrow(/--national-id/);
    const app = buildApplication(
      input(fixtureCase(), 'tr-hakem-heyeti', 'tr', { companyLegalId: '0123456789012345' }),
    );
    // The national id 12345678901 is inside the company's number: each is masked as itself.
    const preview = renderApplicationPreview(app);
    expect(preview).toContain('T.C. Kimlik No.: *******8901');
    expect(preview).toContain('MERSİS / Vergi No.: ************2345');
    expect(preview).not.toContain('12345678901');
    expect(renderApplicationFields(app)).not.toContain('12345678901');
    expect(JSON.stringify(applicationView(3, app, null))).not.toContain('12345678901');
    expect(masked(app, 'x')).toBe('x');
    const file = join(dir, 'tr.docx');
    writeFileSync(file, await renderApplicationDocx(app));
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain('T.C. Kimlik No.: 12345678901');
    expect(xml).toContain('0123456789012345');
  });

  it('--text prints each label, then its value, a blank line between fields', () => {
    const app = buildApplication(input(fixtureCase(), 'tr-hakem-heyeti', 'tr'));
    const text = renderApplicationFields(app);
    expect(text.startsWith('BAŞVURAN (TÜKETİCİ)\nAdı Soyadı: Ayşe Yılmaz\n')).toBe(true);
    expect(text).toContain('\n\nKONU\nKettle K-200 ile ilgili');
    expect(text.split('\n\n')).toHaveLength(app.fields.length);
  });

  it('the Persian DOCX is right to left in every paragraph and run', async () => {
    const c = fixtureCase({ jurisdiction: 'IR', amount: { minor: 125000000, currency: 'IRR' } });
    const app = buildApplication(input(c, 'ir-124', 'fa', { region: 'IR' }));
    const file = join(dir, 'fa.docx');
    writeFileSync(file, await renderApplicationDocx(app));
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>/g) ?? [];
    expect(paragraphs.length).toBeGreaterThan(20);
    for (const p of paragraphs.filter((x) => x.includes('<w:t'))) {
      expect(p).toContain('<w:bidi/>');
      expect(p).toContain('<w:rtl/>');
    }
    expect(xml).toContain('کد ملی: \u200e12345678901\u200e');
  });
});
