import { describe, expect, it } from 'vitest';
import type { ContactRecord } from '../../src/domain/model.js';
import { lintLetter } from '../../src/letter/lint.js';
import type { Letter } from '../../src/letter/model.js';
import { buildLetter, contactKinds } from '../../src/letter/model.js';
import { isNotarial, notaryName } from '../../src/letter/notarial.js';
import { renderLetterText } from '../../src/letter/render-text.js';
import { letterView } from '../../src/output/letter-views.js';
import { loadJurisdiction, loadLetterTemplate } from '../../src/templates.js';
import { fixtureCase, fixtureContacts, fixtureInput, PROFILE } from '../support/letter-fixture.js';
import { makeCase, makeContact, snapshot } from '../support/snapshot.js';
import { exercisesToOffer } from '../../src/commands/log.js';
import type { CaseSnapshot } from '../../src/domain/clocks.js';
import type { Remedy } from '../../src/domain/vocab.js';

const textOf = (letter: Letter) =>
  letter.blocks
    .flatMap((b) => b.lines)
    .join('\n')
    .replace(/\u00a0/g, ' ');
const TR = loadJurisdiction('TR');

/** A Turkish letter sent through a notary, with the sender's T.C. kimlik no. and the MERSİS no. */
function ihtarname(overrides: Parameters<typeof fixtureInput>[1] = {}): Letter {
  const c = fixtureCase();
  return buildLetter(
    fixtureInput('tr', {
      sendVia: 'notary',
      notary: 'Kadıköy 5. Noterliği',
      profile: { ...PROFILE, nationalId: '12345678901' },
      caseRecord: { ...c, company: { ...c.company, companyId: '0123456789000015' } },
      ...overrides,
    }),
  );
}

describe('the notarial form (TR ihtarname, issue 13 item 3)', () => {
  it('only a Turkish letter sent through a notary in TR takes the form', () => {
    const tr = loadLetterTemplate('tr');
    expect(isNotarial(tr, TR, 'notary')).toBe(true);
    for (const method of ['registered-mail', 'kep', 'email'])
      expect(isNotarial(tr, TR, method), method).toBe(false);
    // English has no notarial wording; Kazakhstan's data has no notary.
    expect(isNotarial(loadLetterTemplate('en'), TR, 'notary')).toBe(false);
    expect(isNotarial(tr, loadJurisdiction('KZ'), 'notary')).toBe(false);
  });

  it('has the parts in order: notary, İHTARNAME, parties, KONU, AÇIKLAMALAR, HUKUKİ NEDENLER, SONUÇ VE İSTEM, notary clause, signature', () => {
    const letter = ihtarname();
    expect(letter.notarial).toBe(true);
    expect(letter.blocks.map((b) => b.kind)).toEqual([
      'notary',
      'title',
      'party',
      'party',
      'subject',
      'explanations',
      'grounds',
      'demand',
      'notary-clause',
      'signature',
      'enclosures',
    ]);
    const [notary, title, sender, recipient, subject] = letter.blocks;
    expect(notary!.lines).toEqual(['Kadıköy 5. Noterliğine']);
    expect(title!.lines).toEqual(['İHTARNAME']);
    expect(sender!.lines).toEqual([
      'KEŞİDECİ: Ayşe Yılmaz (T.C. Kimlik No: 12345678901)',
      'Bağdat Cd. 12, 34710 Kadıköy/İstanbul',
    ]);
    expect(recipient!.lines).toEqual([
      'MUHATAP: Acme Elektronik (MERSİS No: 0123456789000015)',
      'Büyükdere Cd. 1, 34394 Şişli/İstanbul',
    ]);
    expect(subject!.lines[0]).toBe(
      'KONU: Ayıplı malın ücretsiz onarımı talebi (Kettle K-200; sipariş no: A-1001, müşteri no: C-5521, başvuru no: EM-7781).',
    );
    const t = textOf(letter);
    expect(t).toContain('İhtar olunur.');
    expect(t).toContain(
      'Sayın Noter, işbu ihtarnamenin bir nüshasının muhataba tebliğini, bir nüshasının dairenizde saklanmasını ve tebliğ şerhli bir nüshasının tarafıma verilmesini saygılarımla rica ederim.',
    );
    expect(letter.blocks.find((b) => b.kind === 'signature')!.lines).toEqual([
      '23 Kasım 2026',
      'Keşideci',
      'Ayşe Yılmaz',
    ]);
    expect(letter.blocks.find((b) => b.kind === 'enclosures')!.lines).toEqual([
      'EKLER: 1) invoice, 2) warranty card, 3) photo of the kettle',
    ]);
    // Not a customer-service letter: no salutation, no "Gönderim şekli", no calendar deadline.
    expect(t).not.toContain('Sayın Yetkili');
    expect(t).not.toContain('Gönderim şekli');
    expect(t).not.toContain('Müşteri Şikâyetleri Birimi');
    expect(letter.placeholders).toEqual([]);
  });

  it('numbers the explanations: the purchase, the problem, the contacts in date order', () => {
    const contacts = fixtureContacts().reverse();
    const items = ihtarname({ contacts }).blocks.find((b) => b.kind === 'explanations')!.lines;
    expect(items[0]).toBe('AÇIKLAMALAR:');
    expect(items[1]).toMatch(/^1\. Sizden 2 Ekim 2026 tarihinde /);
    expect(items[2]).toMatch(/^2\. Sorun 4 Ekim 2026 tarihinde başladı\./);
    expect(items[3]).toMatch(/^3\. Bu sorunla ilgili sizinle 3 kez iletişime geçtim/);
    expect(items[3]).toMatch(/\.$/);
    expect(items[4]).toMatch(/^4\. 6 Ekim 2026/);
    expect(items[5]).toMatch(/^5\. 13 Ekim 2026/);
    expect(items[6]).toMatch(/^6\. 2 Kasım 2026/);
  });

  it('cites the legal grounds of the right chosen, and the demand runs from service with no date', () => {
    const letter = ihtarname();
    const t = textOf(letter);
    expect(t).toContain(
      'HUKUKİ NEDENLER: 6502 sayılı Tüketicinin Korunması Hakkında Kanun m. 8 ve 11 ve ilgili mevzuat.',
    );
    const demand = letter.blocks.find((b) => b.kind === 'demand')!.lines;
    expect(demand[0]).toBe('SONUÇ VE İSTEM:');
    expect(demand[1]).toContain('işbu ihtarnamenin tebliğinden itibaren 30 iş günü içinde');
    expect(demand[1]).toContain('Tüketici Hakem Heyeti nezdinde yasal yollara başvuracağımı');
    expect(demand[2]).toBe('İhtar olunur.');
    // No calendar date anywhere in the demand: it takes effect when served.
    expect(demand.join(' ')).not.toMatch(/\d{1,2} (Ocak|Şubat|Aralık) 20\d\d/);
    expect(letter.deadline).toMatchObject({
      from: 'service',
      text: 'işbu ihtarnamenin tebliğinden itibaren 30 iş günü içinde',
      spec: { kind: 'period', amount: 30, unit: 'working-days' },
    });
    const view = letterView(letter, [], undefined);
    expect(view.deadline).toMatchObject({ from: 'service', spec: '30bd', basis: 'jurisdiction' });
    expect(view.deadline.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(view.form).toBe('notarial');
  });

  it('a lapsed period: the lapse is an explanation, the demand says it is not granted again, the regulation is cited', () => {
    const letter = ihtarname({
      lapsed: [
        {
          id: 'tr-max-repair',
          text: TR.clocks.find((c) => c.id === 'tr-max-repair')!.lapsed!,
          start: '2026-10-06',
          end: '2026-10-30',
          source: 's',
          verified: true,
        },
      ],
      deadline: {
        spec: { kind: 'period', amount: 7, unit: 'calendar-days' },
        basis: 'lapsed',
      },
    });
    const t = textOf(letter);
    expect(t).toContain(
      '20 iş günlük azami tamir süresi, 6 Ekim 2026 tarihli arıza bildirimimle başlamış ve 30 Ekim 2026 tarihinde mal onarılmaksızın dolmuştur.',
    );
    expect(t).toContain(
      'Yasal süre dolmuş olduğundan, bu süre yeniden tanınmaksızın talebimin işbu ihtarnamenin tebliğinden itibaren 7 gün içinde yerine getirilmesini',
    );
    expect(t).toContain(
      '13.06.2014 tarihli ve 29029 sayılı Resmî Gazete’de yayımlanan Garanti Belgesi Yönetmeliği (azami tamir süresi)',
    );
  });

  it('gaps are bracketed placeholders lint names: the notary, the T.C. kimlik no., the registered address', () => {
    const c = fixtureCase();
    const letter = buildLetter(
      fixtureInput('tr', {
        sendVia: 'notary',
        caseRecord: { ...c, company: { ...c.company, address: null } },
      }),
    );
    const t = textOf(letter);
    expect(t).toContain('[noterlik, ör. Kadıköy 5.] Noterliğine');
    expect(t).toContain('KEŞİDECİ: Ayşe Yılmaz (T.C. Kimlik No: [T.C. kimlik numaranız])');
    expect(t).toContain('[şirketin ticaret sicilindeki adresi]');
    // No MERSİS no. known: none is claimed.
    expect(t).toContain('MUHATAP: Acme Elektronik\n');
    expect(letter.placeholders.map((p) => p.gap).sort()).toEqual([
      'company-address',
      'national-id',
      'notary',
    ]);
    const warnings = lintLetter(letter, {
      lists: loadLetterTemplate('tr').lint,
      documentsExpected: true,
      hasAccount: true,
      names: ['Acme Elektronik', 'Kettle K-200'],
      caseId: 3,
    });
    expect(warnings.filter((w) => w.code === 'placeholder')).toHaveLength(3);
    // The form's capital headings are not shouting.
    expect(warnings.filter((w) => w.code === 'capitals')).toEqual([]);
  });

  it('keeps the letter form for registered mail, KEP and e-mail', () => {
    for (const sendVia of ['registered-mail', 'kep', 'email']) {
      const letter = buildLetter(fixtureInput('tr', { sendVia }));
      expect(letter.notarial, sendVia).toBe(false);
      expect(letter.deadline.from).toBe('letter');
      const t = textOf(letter);
      expect(t).toContain('Sayın Yetkili,');
      expect(t).not.toContain('İHTARNAME');
      expect(t).toMatch(/en geç \d+ \S+ 20\d\d tarihine kadar/);
    }
  });

  it('the notary as typed: "Kadıköy 5. Noterliği", "kadıköy 5. noterliğine" and "Kadıköy 5." are one', () => {
    expect(notaryName('Kadıköy 5. Noterliği', 'tr')).toBe('Kadıköy 5.');
    expect(notaryName('kadıköy 5. noterliğine', 'tr')).toBe('Kadıköy 5.');
    expect(notaryName('İzmir 12.', 'tr')).toBe('İzmir 12.');
  });

  it('the text preview hangs the numbered items', () => {
    const text = renderLetterText(ihtarname());
    expect(text).toContain('AÇIKLAMALAR:\n1. ');
    expect(text).toMatch(/\n {3}\S/);
  });
});

describe('the contacts counted for what they were (issue 13 item 4)', () => {
  const at = (n: number) => `2026-10-${String(n).padStart(2, '0')}T08:00:00Z`;
  const calls = [
    makeContact(1, at(1), { channel: 'phone' }),
    makeContact(2, at(2), { channel: 'email' }),
    makeContact(3, at(3), { channel: 'phone' }),
  ];
  const intro = (lang: string, contacts: ContactRecord[]) =>
    buildLetter(
      fixtureInput(lang, { contacts, ...(lang === 'fa' ? { region: 'IR' } : {}) }),
    ).blocks.find((b) => b.kind === 'contacts')!.lines[0]!;

  it('two calls and an e-mail nobody answered, in all five languages', () => {
    expect(intro('en', calls)).toBe(
      'I have contacted you 3 times about this problem, without result (2 phone calls and 1 e-mail that went unanswered):',
    );
    expect(intro('tr', calls)).toBe(
      'Bu sorunla ilgili sizinle 3 kez iletişime geçtim, ancak sonuç alamadım (2 telefon görüşmesi ve yanıtsız kalan 1 e-posta):',
    );
    expect(intro('ru', calls)).toBe(
      'По данному вопросу с моей стороны было 3 безрезультатных обращения (2 телефонных звонка и 1 электронное письмо без ответа):',
    );
    expect(intro('kk', calls)).toBe(
      'Осы мәселе бойынша сізге 3 рет нәтижесіз хабарластым (2 телефон қоңырауы және жауапсыз қалған 1 электрондық хат):',
    );
    expect(intro('fa', calls)).toContain('۳ بار');
    expect(intro('fa', calls)).toContain('۲ تماس تلفنی');
    expect(intro('fa', calls)).toContain('۱ نامهٔ الکترونیکی بی‌پاسخ');
  });

  it('once and twice in English; an answer from the company makes the e-mail answered and the count ours', () => {
    expect(intro('en', calls.slice(0, 1))).toBe(
      'I have contacted you once about this problem, without result (1 phone call):',
    );
    expect(intro('en', calls.slice(0, 2))).toBe(
      'I have contacted you twice about this problem, without result (1 phone call and 1 e-mail that went unanswered):',
    );
    const answered = [...calls, makeContact(4, at(4), { channel: 'email', direction: 'inbound' })];
    expect(intro('en', answered)).toBe(
      'We have been in contact 4 times about this problem, without result (2 phone calls, 1 e-mail and 1 e-mail from you):',
    );
    expect(intro('tr', answered)).toBe(
      'Bu sorunla ilgili 4 kez iletişim kurduk, ancak sonuç alınamadı (2 telefon görüşmesi, 1 e-posta ve sizden gelen 1 e-posta):',
    );
  });

  it('an e-mail is answered when a rep is named or a promise recorded, unanswered when its outcome says so', () => {
    const t = loadLetterTemplate('en');
    const rep = [{ name: 'Deniz', repId: null, role: null }];
    expect(contactKinds(t, [makeContact(1, at(1), { channel: 'email', reps: rep })])).toBe(
      '1 e-mail',
    );
    const later = makeContact(2, at(2), { channel: 'phone', direction: 'inbound' });
    expect(
      contactKinds(t, [makeContact(1, at(1), { channel: 'email', outcome: 'no-answer' }), later]),
    ).toBe('1 e-mail that went unanswered and 1 phone call from you');
    // A call is never "unanswered" in writing.
    expect(contactKinds(t, [makeContact(1, at(1), { channel: 'phone' })])).toBe('1 phone call');
  });
});

describe('what log offers to record after a contact (issue 13)', () => {
  const GB = loadJurisdiction('GB');
  const of = (remedy: Remedy, over: Partial<CaseSnapshot> = {}) =>
    snapshot({ case: makeCase({ remedy, jurisdiction: 'TR' }), ...over });

  it('the rejection where a right counts from it (UK), the repair request where a clock does (TR)', () => {
    expect(exercisesToOffer(of('refund'), GB, 'outbound')).toEqual(['rejected']);
    expect(exercisesToOffer(of('repair'), TR, 'outbound')).toEqual(['repair-requested']);
    expect(exercisesToOffer(of('replacement'), TR, 'outbound')).toEqual(['repair-requested']);
    // Turkey has no rejection right in the data; nothing for a refund there.
    expect(exercisesToOffer(of('refund'), TR, 'outbound')).toEqual([]);
  });

  it('nothing after a contact from the company, for a service, another remedy, or once recorded', () => {
    expect(exercisesToOffer(of('refund'), GB, 'inbound')).toEqual([]);
    expect(exercisesToOffer(of('refund', { sector: 'telecoms' }), GB, 'outbound')).toEqual([]);
    expect(exercisesToOffer(of('compensation'), GB, 'outbound')).toEqual([]);
    expect(
      exercisesToOffer(
        of('repair', { events: [{ event: 'repair-requested', onDate: '2026-11-02' }] }),
        TR,
        'outbound',
      ),
    ).toEqual([]);
  });
});

describe('native wording of the en and tr letters (issue 13 item 6)', () => {
  const body = (lang: string, over: Parameters<typeof fixtureInput>[1] = {}) =>
    textOf(buildLetter(fixtureInput(lang, over)));

  it('a situation that tells the purchase is not told again: only the facts it lacks follow', () => {
    const caseRecord = fixtureCase({
      product: 'Çamaşır makinesi',
      situation: 'Çamaşır makinesini 2 Ekim 2026 tarihinde mağazanızdan satın aldım',
    });
    const tr = body('tr', { caseRecord });
    expect(tr).toContain(
      'Çamaşır makinesini 2 Ekim 2026 tarihinde mağazanızdan satın aldım. Satış ₺1.249,90 bedelle yapılmıştır (sipariş no: A-1001).',
    );
    expect(tr).not.toContain('satın aldığım ürün');
    // Mid-sentence the product is "ürün"; it stands only after a colon or at a sentence start.
    expect(tr).not.toMatch(/[a-zçğıöşü,] Çamaşır makinesi/u);
    const en = body('en', {
      caseRecord: fixtureCase({
        product: 'Laptop ProBook X14',
        situation: 'I bought a ProBook laptop in your Oxford Street shop.',
      }),
    });
    expect(en).toContain(
      'I bought a ProBook laptop in your Oxford Street shop. The purchase was made on 2 October 2026 for TRY 1,249.90 (order A-1001).',
    );
  });

  it('a situation that does not: the purchase sentence, the product after a colon (tr) or with its article (en)', () => {
    expect(body('tr')).toContain(
      'Sizden 2 Ekim 2026 tarihinde ₺1.249,90 bedelle satın aldığım ürün: Kettle K-200 (sipariş no: A-1001).',
    );
    expect(body('en')).toContain(
      'I bought the Kettle K-200 from you on 2 October 2026 for TRY 1,249.90 (order A-1001).',
    );
  });

  it('tr: the rep without "görüşmesi: … ile görüştüm"; a paraphrase as my note, a quote as a quote', () => {
    const [first] = fixtureContacts();
    const quoted = {
      ...first!,
      reps: [first!.reps[0]!],
      promises: [{ ...first!.promises[0]!, text: '"Teknisyen yarın gelecek"' }],
    };
    const t = body('tr', { contacts: [quoted] });
    expect(t).toContain(
      '6 Ekim 2026, telefon görüşmesi; görüştüğüm temsilci: Ayşe K. (temsilci no: 4411);',
    );
    expect(t).not.toContain('ile görüştüm');
    expect(t).toContain('Verilen söz: “Teknisyen yarın gelecek” (son tarih: 8 Ekim 2026);');
    expect(body('tr')).toContain(
      'Not ettiğim kadarıyla verilen söz: call back (son tarih: 8 Ekim 2026); bu söz yerine getirilmedi.',
    );
  });

  it('tr: the legal sentence states the right, the remedy demands it once', () => {
    const t = body('tr', { caseRecord: fixtureCase({ remedy: 'replacement' }) });
    expect(t).toContain('ayıplı malın ayıpsız misli ile değiştirilmesini isteme hakkına sahibim;');
    expect(t.match(/talep ed(iyorum|erim)/g)).toHaveLength(1);
    expect(t).toContain(
      'ürünün ücretsiz olarak ayıpsız misli ile değiştirilmesini talep ediyorum.',
    );
  });

  it('en: one date style in a letter — the contact list writes dates as the date line does', () => {
    const t = body('en');
    expect(t).toContain('23 November 2026');
    expect(t).toContain('6 October 2026, phone call');
    expect(t).not.toMatch(/\b\d{1,2} (Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec) \d{4}/);
  });
});
