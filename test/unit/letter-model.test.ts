import { describe, expect, it } from 'vitest';
import {
  buildLetter,
  CONDENSED_CONTACTS,
  contactsToList,
  LETTER_ELEMENTS,
  LISTED_CONTACTS,
} from '../../src/letter/model.js';
import type { Letter } from '../../src/letter/model.js';
import {
  deadlineDate,
  defaultDeadline,
  formatDeadlineSpec,
  parseDeadlineSpec,
} from '../../src/letter/deadline.js';
import { formatCount, formatLetterDate } from '../../src/letter/template.js';
import { renderLetterText } from '../../src/letter/render-text.js';
import { loadJurisdiction, loadLetterTemplate } from '../../src/templates.js';
import {
  fixtureCase,
  fixtureContacts,
  fixtureInput,
  NOW,
  PROFILE,
} from '../support/letter-fixture.js';
import { makeContact } from '../support/snapshot.js';
import { translate } from '../../src/i18n.js';
import type { UiLanguage } from '../../src/i18n.js';

const textOf = (letter: Letter) =>
  letter.blocks
    .flatMap((b) => b.lines)
    .join('\n')
    .replace(/\u00a0/g, ' ');
const TR = loadJurisdiction('TR');

describe('the letter model', () => {
  it('has every element in order, in English', () => {
    const letter = buildLetter(fixtureInput('en', { cc: 'Ministry of Trade' }));
    expect(letter.blocks.map((b) => b.kind)).toEqual(
      LETTER_ELEMENTS.filter((k) => k !== 'heading' && k !== 'title'),
    );
    const t = textOf(letter);
    expect(letter.blocks[0]!.lines).toEqual([
      'Ayşe Yılmaz',
      'Bağdat Cd. 12',
      '34710 Kadıköy/İstanbul',
      '+90 532 000 00 00',
      'ayse@example.com',
    ]);
    expect(letter.blocks[1]!.lines).toEqual(['23 November 2026']);
    expect(letter.blocks[2]!.lines).toEqual([
      'Acme Elektronik',
      'Complaints Department',
      'Büyükdere Cd. 1',
      '34394 Şişli/İstanbul',
    ]);
    expect(letter.subject).toBe(
      'Subject: Formal complaint about Kettle K-200 (order A-1001, account C-5521, reference EM-7781)',
    );
    expect(t).toContain(
      'I bought the Kettle K-200 from you on 2 October 2026 for TRY 1,249.90 (order A-1001). It was delivered on 3 October.',
    );
    expect(t).toContain('The problem began on 4 October 2026. It stopped heating after two days.');
    expect(t).toContain(
      'I have contacted you 3 times about this problem, without result (1 phone call, 1 online chat and 1 e-mail):',
    );
    expect(t).toContain(
      '6 October 2026, phone call: I spoke to Ayşe K. (ID 4411), then Selin D. (ID S-17); reference TCK-88812.',
    );
    // Past due, pending, and no word from the company since: broken by default.
    expect(t).toContain(
      // A paraphrase is not quoted, and later contacts follow it: not "heard nothing since".
      'Your promise, as I noted it: call back, by 8 October 2026; this was not done.',
    );
    expect(t).toContain(
      'Your promise, as I noted it: technician visit, by 6 November 2026; this was done.',
    );
    expect(t).toContain('My request to speak to a supervisor was refused.');
    expect(t).toContain('I was treated rudely and told, word for word: “Not my problem.”');
    expect(t).toContain('Under Articles 8 and 11 of Consumer Protection Law No. 6502');
    expect(t).toContain(
      'I therefore ask you to repair the Kettle K-200 free of charge, as I have requested: “Repair the kettle, or replace it if it cannot be repaired”.',
    );
    expect(t).toContain('I enclose copies (not the originals) of the documents listed below.');
    expect(t).toContain(
      'Please reply in writing by 5 January 2027. If I have not received a satisfactory answer by then, I will refer the matter to the Consumer Arbitration Committee (Tüketici Hakem Heyeti) without further notice.',
    );
    expect(t).toContain('You can reach me at +90 532 000 00 00 or ayse@example.com.');
    expect(t).toContain('Yours faithfully,');
    expect(t).toContain('Enclosures (3): invoice, warranty card, photo of the kettle');
    expect(t).toContain('cc: Ministry of Trade');
    expect(t).toContain('Sent by registered post with proof of delivery.');
    expect(letter.pageSize).toBe('A4');
    expect(letter.deadline).toMatchObject({
      on: '2027-01-05',
      specText: '30bd',
      basis: 'jurisdiction',
    });
    expect(letter.notices).toEqual([]);
  });

  it('has every element in order, in Turkish', () => {
    const letter = buildLetter(fixtureInput('tr', { cc: 'Ticaret Bakanlığı' }));
    expect(letter.blocks.map((b) => b.kind)).toEqual(
      LETTER_ELEMENTS.filter((k) => k !== 'heading' && k !== 'title'),
    );
    const t = textOf(letter);
    expect(letter.blocks[1]!.lines).toEqual(['23 Kasım 2026']);
    expect(t).toContain('Müşteri Şikâyetleri Birimi');
    expect(letter.subject).toBe(
      'Konu: Kettle K-200 hakkında şikâyet (sipariş no: A-1001, müşteri no: C-5521, başvuru no: EM-7781)',
    );
    expect(t).toContain('Sayın Yetkili,');
    expect(t).toContain(
      'Sizden 2 Ekim 2026 tarihinde ₺1.249,90 bedelle satın aldığım ürün: Kettle K-200 (sipariş no: A-1001).',
    );
    expect(t).toContain(
      '6 Ekim 2026, telefon görüşmesi; görüştüğüm temsilciler: Ayşe K. (temsilci no: 4411), ardından Selin D. (temsilci no: S-17); başvuru no: TCK-88812.',
    );
    expect(t).toContain(
      'Not ettiğim kadarıyla verilen söz: call back (son tarih: 8 Ekim 2026); bu söz yerine getirilmedi.',
    );
    expect(t).not.toContain('sizden haber alamadım');
    expect(t).toContain('bana aynen şu söylendi: “Not my problem.”');
    expect(t).toContain('6502 sayılı Tüketicinin Korunması Hakkında Kanun’un 8. ve 11. maddeleri');
    expect(t).toContain('Lütfen en geç 5 Ocak 2027 tarihine kadar yazılı olarak yanıt veriniz.');
    expect(t).toContain('Tüketici Hakem Heyeti nezdinde başvuru yapacağım.');
    expect(t).toContain('Saygılarımla,');
    expect(t).toContain('Ekler (3): invoice, warranty card, photo of the kettle');
    expect(t).toContain('Bilgi: Ticaret Bakanlığı');
    expect(t).toContain('Gönderim şekli: iadeli taahhütlü posta.');
  });

  it('writes a US letter on Letter paper with US dates, sign-off and escalation', () => {
    const caseRecord = fixtureCase({
      jurisdiction: 'US',
      amount: { minor: 5990, currency: 'USD' },
      remedy: 'refund',
      request: 'Refund the full price.',
    });
    const letter = buildLetter(
      fixtureInput('en', {
        caseRecord,
        jurisdiction: loadJurisdiction('US'),
        region: 'US',
        remedy: 'refund',
        sendVia: 'certified-mail',
        deadline: defaultDeadline(loadJurisdiction('US'), 'refund'),
      }),
    );
    const t = textOf(letter);
    expect(letter.pageSize).toBe('Letter');
    expect(letter.blocks[1]!.lines).toEqual(['November 23, 2026']);
    expect(letter.blocks.some((b) => b.kind === 'legal-basis')).toBe(false);
    expect(t).toContain(
      'I therefore ask for a full refund of $59.90 paid for the Kettle K-200, as I have requested: “Refund the full price”.',
    );
    expect(t).toContain(
      'Please reply in writing by December 7, 2026. If I have not received a satisfactory answer by then, I will refer the matter to my state consumer protection agency or the Better Business Bureau without further notice.',
    );
    expect(t).toContain('Sincerely,');
    expect(t).toContain('Sent by certified mail, return receipt requested.');
    expect(letter.layout.senderAlign).toBe('start');
  });

  it('sends claims above the arbitration limit to mediation', () => {
    const caseRecord = fixtureCase({ amount: { minor: 20_000_000, currency: 'TRY' } });
    const letter = buildLetter(fixtureInput('tr', { caseRecord }));
    expect(letter.forum?.id).toBe('tr-mediation');
    expect(textOf(letter)).toContain(
      'zorunlu arabuluculuk ve ardından Tüketici Mahkemesi nezdinde',
    );
  });

  it('leaves placeholders where the profile, address or remedy is missing', () => {
    const caseRecord = fixtureCase({
      company: { ...fixtureCase().company, address: null },
      remedy: 'other',
    });
    const letter = buildLetter(
      fixtureInput('en', { caseRecord, profile: undefined, remedy: 'other' }),
    );
    expect(letter.placeholders.map((p) => p.text)).toEqual([
      '[your name]',
      "[the company's postal address]",
      '[say exactly what you ask for]',
    ]);
    expect(letter.blocks.some((b) => b.kind === 'contact-line')).toBe(false);
  });

  it('sanitises user text: NFC, no bidi overrides', () => {
    const caseRecord = fixtureCase({ product: 'Ket\u202Etle K-200', orderRef: 'A-10\u202E01' });
    const letter = buildLetter(fixtureInput('en', { caseRecord, enclose: ['re\u0301ceipt'] }));
    const t = textOf(letter);
    expect(t).not.toMatch(/[\u202A-\u202E]/);
    expect(t).toContain('Kettle K-200');
    expect(t).toContain('order A-1001');
    expect(letter.enclosures).toContain('réceipt');
  });

  it('dates the letter by the user’s day, not UTC’s', () => {
    const late = new Date('2026-11-23T22:30:00Z'); // 01:30 on the 24th in Istanbul
    const letter = buildLetter(fixtureInput('en', { now: late }));
    expect(letter.date).toBe('2026-11-24');
    expect(letter.blocks[1]!.lines).toEqual(['24 November 2026']);
  });

  it('renders a text preview with every element', () => {
    const text = renderLetterText(buildLetter(fixtureInput('en')));
    expect(text).toContain('  • 6 October 2026, phone call:');
    expect(text).toContain(
      'Enclosures (3): invoice, warranty card, photo of the kettle\nSent by registered post with proof of delivery.',
    );
    expect(text.split('\n').every((l) => [...l].length <= 78)).toBe(true);
  });
});

describe('deadlines', () => {
  // Weekends only: no public holidays (the holiday tests are in working-days.test.ts).
  const monFri = { ...TR, weekend: [0, 6], holidays: [], publicHolidays: undefined };

  it('parses and prints the specs', () => {
    expect(parseDeadlineSpec('14d')).toEqual({ kind: 'period', amount: 14, unit: 'calendar-days' });
    expect(parseDeadlineSpec('10bd')).toEqual({ kind: 'period', amount: 10, unit: 'working-days' });
    expect(parseDeadlineSpec('2026-12-20')).toEqual({ kind: 'date', date: '2026-12-20' });
    expect(parseDeadlineSpec('soon')).toBeUndefined();
    expect(parseDeadlineSpec('0d')).toBeUndefined();
    expect(formatDeadlineSpec({ kind: 'period', amount: 10, unit: 'working-days' })).toBe('10bd');
  });

  it('counts calendar days across a month end', () => {
    const spec = parseDeadlineSpec('14d')!;
    expect(deadlineDate(spec, '2026-11-23', monFri)).toBe('2026-12-07');
    expect(deadlineDate(spec, '2027-01-31', monFri)).toBe('2027-02-14');
    expect(deadlineDate(parseDeadlineSpec('1m')!, '2027-01-31', monFri)).toBe('2027-02-28');
  });

  it('counts business days over weekends', () => {
    const spec = parseDeadlineSpec('10bd')!;
    expect(deadlineDate(spec, '2026-11-27', monFri)).toBe('2026-12-11'); // from a Friday
    expect(deadlineDate(spec, '2026-11-28', monFri)).toBe('2026-12-11'); // from a Saturday
    expect(deadlineDate(parseDeadlineSpec('3bd')!, '2026-12-30', monFri)).toBe('2027-01-04');
    // Iran's weekend is Friday.
    expect(deadlineDate(parseDeadlineSpec('1bd')!, '2026-11-26', { ...monFri, weekend: [5] })).toBe(
      '2026-11-28',
    );
  });

  it('takes the default from the jurisdiction, else 14 days', () => {
    expect(formatDeadlineSpec(defaultDeadline(TR, 'repair').spec)).toBe('30bd');
    expect(formatDeadlineSpec(defaultDeadline(TR, 'refund').spec)).toBe('14d');
    expect(formatDeadlineSpec(defaultDeadline(loadJurisdiction('KZ'), 'refund').spec)).toBe('10d');
    expect(defaultDeadline(loadJurisdiction('US'), 'repair').basis).toBe('default');
  });

  it('prints the computed date in the letter’s language', () => {
    const letter = buildLetter(
      fixtureInput('tr', { deadline: { spec: parseDeadlineSpec('10bd')!, basis: 'given' } }),
    );
    expect(letter.deadline.on).toBe('2026-12-07');
    expect(textOf(letter)).toContain('en geç 7 Aralık 2026 tarihine kadar');
  });

  it('counts from the delivery date when there is one', () => {
    const letter = buildLetter(
      fixtureInput('en', {
        deadline: { spec: parseDeadlineSpec('14d')!, basis: 'given' },
        deadlineFrom: '2026-11-30',
      }),
    );
    expect(letter.deadline.on).toBe('2026-12-14');
  });
});

describe('letter dates', () => {
  it('writes Persian letters in the Solar Hijri calendar', () => {
    const t = formatLetterDate('2026-11-20', 'fa-IR-u-ca-persian', { dateStyle: 'long' });
    expect(t).toContain('۱۴۰۵');
    expect(t).toContain('آبان');
  });

  it('does not move a date with the host zone', () => {
    expect(formatLetterDate('2026-12-31', 'en-GB', { dateStyle: 'long' })).toBe('31 December 2026');
    expect(loadLetterTemplate('tr').locale).toBe('tr-TR');
    expect(PROFILE.country).toBe('TR');
    expect(NOW.toISOString()).toBe('2026-11-23T09:00:00.000Z');
  });
});

describe('unverified legal data', () => {
  it('is used but reported', () => {
    const caseRecord = fixtureCase({ jurisdiction: 'EU', remedy: 'repair' });
    const letter = buildLetter(
      fixtureInput('en', { caseRecord, jurisdiction: loadJurisdiction('EU'), region: 'DE' }),
    );
    expect(letter.forum?.id).toBe('eu-national-adr');
    expect(letter.notices).toEqual([
      expect.stringContaining('the escalation body "eu-national-adr" is marked unverified'),
    ]);
    expect(textOf(letter)).toContain('Under Directive (EU) 2019/771');
  });
});

describe('address lines', () => {
  it('keeps a US state and ZIP code with the city', () => {
    const letter = buildLetter(
      fixtureInput('en', {
        profile: { ...PROFILE, address: '12 Elm Street, Springfield, IL 62701', country: 'US' },
      }),
    );
    expect(letter.blocks[0]!.lines.slice(0, 3)).toEqual([
      'Ayşe Yılmaz',
      '12 Elm Street',
      'Springfield, IL 62701',
    ]);
  });
});

describe('every sentence true to the log (issue 13)', () => {
  const only = (text: string, quotes: string[] = []) => {
    const [first] = fixtureContacts();
    const k = { ...first!, quotes, promises: [{ ...first!.promises[0]!, text }] };
    return buildLetter(fixtureInput('en', { contacts: [k] }))
      .blocks.find((b) => b.kind === 'contacts')!
      .lines.join('\n');
  };

  it('no contact after a broken promise: "heard nothing from you since"', () => {
    expect(only('call back')).toContain(
      'this was not done, and I have heard nothing from you since',
    );
  });

  it('the rep’s words typed in quotation marks, or recorded as a quote, are quoted', () => {
    expect(only('"We will call you back tomorrow"')).toContain(
      'You promised “We will call you back tomorrow” by',
    );
    expect(only('We will call you back', ['We will call you back'])).toContain(
      'You promised “We will call you back” by',
    );
    expect(only('call back')).not.toContain('“call back”');
  });
});

describe('the remedy in one sentence, in the user’s own words (issue 11, defect 3)', () => {
  const remedyOf = (language: string, fields: Parameters<typeof fixtureCase>[0]) => {
    const caseRecord = fixtureCase({ accountRef: null, ...fields });
    const letter = buildLetter(fixtureInput(language, { caseRecord }));
    const block = letter.blocks.find((b) => b.kind === 'remedy');
    return { text: block!.lines.join(' '), letter };
  };
  const cancellation = {
    remedy: 'cancellation' as const,
    remedyDetail: 'without the $300 early-termination fee.',
    request: 'Cancel the contract without the exit fee.',
    accountRef: 'AC-1234',
  };

  it.each([
    [
      'en',
      'I therefore ask you to cancel my contract (account AC-1234; without the $300 early-termination fee) and to confirm the cancellation in writing, as I have requested: “Cancel the contract without the exit fee”.',
    ],
    [
      'tr',
      'Bu nedenle, “Cancel the contract without the exit fee” şeklindeki talebim doğrultusunda, AC-1234 numaralı sözleşmemin iptal edilmesini (without the $300 early-termination fee) ve iptalin yazılı olarak onaylanmasını talep ediyorum.',
    ],
    [
      'ru',
      'На основании изложенного и в соответствии с моим требованием «Cancel the contract without the exit fee» требую расторгнуть договор (лицевой счёт № AC-1234; without the $300 early-termination fee) и письменно подтвердить его расторжение.',
    ],
    [
      'kk',
      'Жоғарыда баяндалғандардың негізінде және «Cancel the contract without the exit fee» деген талабыма сәйкес шартты (дербес шот № AC-1234) бұзуды (without the $300 early-termination fee) және оның бұзылғанын жазбаша растауды талап етемін.',
    ],
  ])('%s: the request and the detail in one well-formed sentence', (language, expected) => {
    const { text } = remedyOf(language, cancellation);
    expect(text).toBe(expected);
    // One sentence: one full stop, at the end; nothing glued on after it.
    expect(text.match(/[.。]/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
    expect(text).not.toMatch(/\.\s+\p{Ll}/u);
    expect(text).not.toMatch(/\.\s*\./);
  });

  it('fa: the request and the detail in one sentence, the Latin words marked left to right', () => {
    const { text } = remedyOf('fa', cancellation);
    expect(text.startsWith('بنابراین، مطابق درخواست اینجانب («')).toBe(true);
    expect(text).toContain('\u200eCancel the contract without the exit fee\u200e');
    expect(text).toContain('(\u200ewithout the $300 early-termination fee\u200e)');
    expect(text.endsWith('.')).toBe(true);
  });

  it('a remedy of "other" asks for the detail itself, and the request follows it', () => {
    const { text } = remedyOf('en', {
      remedy: 'other',
      remedyDetail: 'a written apology and a credit of £20 to my account.',
      request: 'An apology and a credit.',
    });
    expect(text).toBe(
      'I therefore ask for the following: a written apology and a credit of £20 to my account, as I have requested: “An apology and a credit”.',
    );
  });

  it('a remedy of "other" without a detail leaves a placeholder, never an empty colon', () => {
    const { text, letter } = remedyOf('tr', { remedy: 'other', remedyDetail: null });
    expect(text).toContain('şunu talep ediyorum: [tam olarak ne istediğinizi yazın].');
    expect(letter.placeholders.map((p) => p.gap)).toContain('remedy-detail');
  });

  it('the request is not repeated when it says what the detail says', () => {
    const { text } = remedyOf('en', {
      remedy: 'refund',
      remedyDetail: 'By bank transfer.',
      request: 'by bank transfer',
    });
    expect(text).toMatch(
      /^I therefore ask for a full refund of .+ paid for the Kettle K-200 \(By bank transfer\)\.$/,
    );
    expect(text).not.toContain('as I have requested');
  });
});

describe('a long history is condensed (issue 9)', () => {
  /** The fixture's three contacts among `plain` routine calls, one a day from 1 September. */
  const history = (plain: number) => [
    ...Array.from({ length: plain }, (_, i) =>
      makeContact(100 + i, new Date(Date.UTC(2026, 8, 1 + i, 9)).toISOString(), {
        caseId: 3,
        reference: `R-${i}`,
        summary: 'Explained the problem again.',
      }),
    ),
    ...fixtureContacts(),
  ];
  const contactsOf = (letter: Letter) => letter.blocks.find((b) => b.kind === 'contacts')!.lines;

  it('lists every contact up to LISTED_CONTACTS', () => {
    const contacts = history(LISTED_CONTACTS - 3);
    expect(contactsToList(contacts, [], NOW)).toEqual(contacts);
    const lines = contactsOf(buildLetter(fixtureInput('en', { contacts })));
    expect(lines).toHaveLength(1 + LISTED_CONTACTS);
    expect(lines[0]).not.toContain('Below are');
  });

  it('past it, lists the first, the last and those that carry the complaint, and counts the rest', () => {
    const contacts = history(30);
    const letter = buildLetter(fixtureInput('en', { contacts }));
    const [intro, ...items] = contactsOf(letter);
    expect(items).toHaveLength(CONDENSED_CONTACTS);
    expect(intro).toBe(
      'I have contacted you 33 times about this problem, without result (31 phone calls, ' +
        '1 online chat and 1 e-mail). Below are 8 of them: the first, the last and those that ' +
        'matter most. For each of the other 25, between 2 September 2026 and 26 September 2026, ' +
        'I have kept the date, the person I dealt with and the reference number:',
    );
    // Oldest first: the first call, the newest routine calls (27–30 September), then the
    // fixture's three (the broken promise, the rude quote and the refused supervisor, the kept
    // promise).
    expect(items[0]).toMatch(/^1 September 2026, phone call; reference R-0\./);
    expect(items.slice(-3).map((l) => l.slice(0, 15))).toEqual([
      '6 October 2026,',
      '13 October 2026',
      '2 November 2026',
    ]);
    expect(items.join('\n')).toContain('“Not my problem.”');
    expect(items.join('\n')).not.toContain('reference R-1.');
    // The quote of a contact listed stays exempt from lint; nothing of the others is cited.
    expect(letter.quotes).toEqual(['Not my problem.']);
  });

  it('prefers promises and quotes to routine calls, the newest first among equals', () => {
    const contacts = history(30).map((k, i) =>
      i === 5 ? { ...k, rude: true } : i === 6 ? { ...k, direction: 'inbound' as const } : k,
    );
    const listed = contactsToList(contacts, [], NOW).map((k) => k.id);
    expect(listed).toHaveLength(CONDENSED_CONTACTS);
    expect(listed).toEqual(expect.arrayContaining([100, 105, 106, 1, 2, 3]));
    expect(listed.at(-1)).toBe(3);
  });

  it.each([
    ['en', '10', '6'],
    ['tr', '10', '6'],
    ['ru', '10', '6'],
    ['fa', '۱۰', '۶'],
    ['kk', '10', '6'],
  ])('the --all-contacts help in %s gives the same numbers', (lang, listed, most) => {
    expect([String(LISTED_CONTACTS), String(CONDENSED_CONTACTS - 2)]).toEqual(['10', '6']);
    const help = translate(lang as UiLanguage, 'letter.help.allContacts');
    expect(help).toContain(listed);
    expect(help).toContain(most);
  });

  it('--all-contacts lists every one', () => {
    const contacts = history(30);
    const lines = contactsOf(buildLetter(fixtureInput('en', { contacts, allContacts: true })));
    expect(lines).toHaveLength(1 + 33);
  });

  it.each(['tr', 'ru', 'fa', 'kk'])('says so in %s, with its own digits', (lang) => {
    const contacts = history(30);
    const letter = buildLetter(fixtureInput(lang, { contacts }));
    const [intro, ...items] = contactsOf(letter);
    expect(items).toHaveLength(CONDENSED_CONTACTS);
    const template = loadLetterTemplate(lang);
    expect(intro).toContain(formatCount(template, 25));
    expect(intro).not.toMatch(/[{}]/);
  });
});
