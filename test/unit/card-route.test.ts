import { afterEach, describe, expect, it } from 'vitest';
import { runLetter, toLetterOptions } from '../../src/commands/letter.js';
import { runNext, toNextOptions } from '../../src/commands/next.js';
import { createCase } from '../../src/db/case-repo.js';
import { createLetter, recordSending } from '../../src/db/letter-repo.js';
import { saveProfile } from '../../src/db/profile-repo.js';
import { caseItems } from '../../src/domain/agenda.js';
import { chooseCardRoute } from '../../src/domain/card-route.js';
import { checkCaseFields, parseCaseField } from '../../src/domain/case-fields.js';
import { clocksFor } from '../../src/domain/clocks.js';
import type { CaseFields, Profile } from '../../src/domain/model.js';
import { UsageError, ValidationError } from '../../src/errors.js';
import { draftFromFlags } from '../../src/commands/new.js';
import { renderLetterText } from '../../src/letter/render-text.js';
import { loadJurisdiction } from '../../src/templates.js';
import type { TestContext } from '../support/context.js';
import { makeTestContext } from '../support/context.js';
import { makeCase, makeCaseFields, makeLetter, snapshot } from '../support/snapshot.js';

/** Monday 23 November 2026, noon UTC: the fixed clock of every test here. */
const NOW = new Date('2026-11-23T12:00:00Z');
const clock = { now: NOW, timeZone: 'UTC' };

let t: TestContext | undefined;
/** Ends the test's context (a test that runs the command twice starts afresh). */
function reset(): void {
  t?.cleanup();
  t = undefined;
}
afterEach(reset);

const USD = (dollars: number) => ({ minor: dollars * 100, currency: 'USD' });
const GBP = (pounds: number) => ({ minor: pounds * 100, currency: 'GBP' });

describe('the card route a case takes', () => {
  const rows: [string, Partial<CaseFields>, string | null][] = [
    ['US credit card', { paidBy: 'card', cardType: 'credit', amount: USD(249) }, 'us-fcba'],
    ['US debit card', { paidBy: 'card', cardType: 'debit', amount: USD(249) }, 'us-chargeback'],
    ['GB credit card, £500', { paidBy: 'card', cardType: 'credit', amount: GBP(500) }, 'gb-s75'],
    [
      'GB credit card, £100 exactly',
      { paidBy: 'card', cardType: 'credit', amount: GBP(100) },
      'gb-chargeback',
    ],
    [
      'GB credit card, £30,000',
      { paidBy: 'card', cardType: 'credit', amount: GBP(30000) },
      'gb-s75',
    ],
    [
      'GB credit card, £30,001',
      { paidBy: 'card', cardType: 'credit', amount: GBP(30001) },
      'gb-chargeback',
    ],
    [
      'GB debit card, £500',
      { paidBy: 'card', cardType: 'debit', amount: GBP(500) },
      'gb-chargeback',
    ],
    ['GB card of unknown type, £80', { paidBy: 'card', amount: GBP(80) }, 'gb-chargeback'],
    ['TR card', { paidBy: 'card', amount: { minor: 1240000, currency: 'TRY' } }, 'tr-chargeback'],
    ['KZ card', { paidBy: 'card', cardType: 'debit' }, 'kz-chargeback'],
    ['IR card', { paidBy: 'card' }, 'ir-chargeback'],
    ['EU card', { paidBy: 'card', cardType: 'credit' }, 'eu-chargeback'],
  ];
  it.each(rows)('%s', (name, fields, expected) => {
    const code = name.slice(0, 2);
    const choice = chooseCardRoute(makeCaseFields(fields), loadJurisdiction(code));
    expect(choice.route?.id ?? null).toBe(expected);
  });

  it('a card of unknown type waits for the type where the route depends on it (US, GB s75)', () => {
    expect(chooseCardRoute(makeCaseFields({ paidBy: 'card' }), loadJurisdiction('US'))).toEqual({
      route: null,
      why: 'card-type',
    });
    expect(
      chooseCardRoute(makeCaseFields({ paidBy: 'card', amount: GBP(500) }), loadJurisdiction('GB')),
    ).toEqual({ route: null, why: 'card-type' });
    expect(chooseCardRoute(makeCaseFields({ paidBy: 'cash' }), loadJurisdiction('US'))).toEqual({
      route: null,
      why: 'not-card',
    });
  });
});

describe('the card fields', () => {
  const error = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e as ValidationError | UsageError;
    }
    throw new Error('no error');
  };

  it('takes exactly four digits, and never repeats a whole card number', () => {
    expect(parseCaseField('cardLast4', ' 4242 ', clock)).toBe('4242');
    expect(parseCaseField('cardLast4', '', clock)).toBeNull();
    expect(error(() => parseCaseField('cardLast4', '424', clock)).message).toBe(
      '--card-last4 takes exactly four digits',
    );
    const long = error(() => parseCaseField('cardLast4', '4111 1111 1111 1111', clock));
    expect(long).toBeInstanceOf(ValidationError);
    expect(long.message).toContain('never the full card number');
    expect(`${long.message} ${long.hint ?? ''}`).not.toMatch(/4111|1111 1111/);
  });

  it('takes a statement date on or before today, a known payment method and card type', () => {
    expect(parseCaseField('statementDate', '2026-10-05', clock)).toBe('2026-10-05');
    expect(error(() => parseCaseField('statementDate', '2026-11-24', clock)).message).toContain(
      'in the future',
    );
    expect(error(() => parseCaseField('statementDate', '2026-02-30', clock))).toBeInstanceOf(
      ValidationError,
    );
    expect(parseCaseField('paidBy', 'Card', clock)).toBe('card');
    expect(error(() => parseCaseField('paidBy', 'cheque', clock)).hint).toContain(
      'card, cash, bank-transfer, other',
    );
    expect(error(() => parseCaseField('cardType', 'charge', clock)).hint).toContain(
      'credit, debit',
    );
  });

  it('an issuer given as a flag names someone', () => {
    const e = error(() => draftFromFlags({ paidBy: 'card', cardIssuer: '  ' }));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toBe('--card-issuer is empty');
    expect(draftFromFlags({ paidBy: 'card', cardIssuer: 'Chase' }).fields).toEqual({
      paidBy: 'card',
      cardIssuer: 'Chase',
    });
  });

  it('card facts need --paid-by card; a statement cannot come before the purchase', () => {
    expect(
      error(() => checkCaseFields(makeCaseFields({ paidBy: 'cash', cardLast4: '4242' }))).message,
    ).toBe('--card-last4 is about a card payment, and the case was not paid by card');
    expect(
      error(() =>
        checkCaseFields(
          makeCaseFields({
            paidBy: 'card',
            purchasedOn: '2026-10-01',
            statementDate: '2026-09-30',
          }),
        ),
      ).message,
    ).toContain('before the purchase date 2026-10-01');
  });
});

const US_CARD: Partial<CaseFields> = {
  product: 'Blender B-9',
  purchasedOn: '2026-10-01',
  orderRef: 'GM-5531',
  amount: USD(249),
  problem: 'It never arrived.',
  remedy: 'refund',
  jurisdiction: 'US',
  paidBy: 'card',
  cardType: 'credit',
  cardIssuer: 'Chase',
  cardLast4: '4242',
  statementDate: '2026-10-05',
};

describe('the clocks of the card route (fixed clock, 23 November 2026)', () => {
  const US = loadJurisdiction('US');
  const ids = (s: ReturnType<typeof snapshot>, code = 'US') =>
    clocksFor(s, loadJurisdiction(code), NOW, 'UTC').map((c) => [c.rule.id, c.state, c.dueOn]);

  it('US credit card: 60 days from the statement; the issuer’s 30 and 90 days wait for the letter', () => {
    const s = snapshot({ case: makeCase(US_CARD) });
    expect(ids(s)).toEqual([
      ['us-card-billing-error', 'running', '2026-12-04'],
      ['us-card-acknowledge', 'not-started', null],
      ['us-card-resolve', 'not-started', null],
    ]);
    const [notice] = clocksFor(s, US, NOW, 'UTC');
    expect(notice!.owes).toBe('consumer');
    expect(notice!.rule.verified).toBe(true);
    expect(notice!.rule.source).toContain('15 U.S.C. § 1666');
  });

  it('US: the letter to the issuer delivered starts its clocks; one to the merchant does not', () => {
    const merchant = makeLetter(1, '2026-11-06', '2026-10-20T15:00:00Z', '2026-10-23T15:00:00Z');
    const toIssuer = {
      ...makeLetter(2, '2027-02-18', '2026-10-21T15:00:00Z', '2026-10-24T15:00:00Z'),
      kind: 'card-issuer',
    };
    expect(ids(snapshot({ case: makeCase(US_CARD), letters: [merchant] }))).toEqual([
      ['us-card-billing-error', 'running', '2026-12-04'],
      ['us-card-acknowledge', 'not-started', null],
      ['us-card-resolve', 'not-started', null],
    ]);
    const s = snapshot({ case: makeCase(US_CARD), letters: [merchant, toIssuer] });
    // Delivered inside the 60 days: the consumer's clock is exercised; the issuer's run from the
    // delivery (its 30 days end today, at the end of the day).
    expect(ids(s)).toEqual([
      ['us-card-billing-error', 'exercised', '2026-12-04'],
      ['us-card-acknowledge', 'running', '2026-11-23'],
      ['us-card-resolve', 'running', '2027-01-22'],
    ]);
    const issuer = clocksFor(s, US, NOW, 'UTC').filter((c) => c.owes === 'issuer');
    expect(issuer.map((c) => c.start)).toEqual([
      expect.objectContaining({ event: 'card-dispute', on: '2026-10-24', letterId: 2 }),
      expect.objectContaining({ event: 'card-dispute', on: '2026-10-24', letterId: 2 }),
    ]);
    // The merchant's clocks still run from the merchant's letter.
    expect(
      clocksFor(s, US, NOW, 'UTC').every((c) => c.start.letterId === null || c.owes === 'issuer'),
    ).toBe(true);
    // The agenda names the issuer.
    const items = caseItems(s, US, NOW, 'UTC').filter((i) => i.clock?.owes === 'issuer');
    expect(items.map((i) => i.what)).toEqual([
      'Chase (card issuer): 30 days for the card issuer to acknowledge the billing-error notice in writing',
      'Chase (card issuer): two billing cycles, at most 90 days, for the card issuer to resolve the billing error',
    ]);
  });

  it('US debit card: the chargeback window, unverified; no Fair Credit Billing Act clocks', () => {
    const s = snapshot({ case: makeCase({ ...US_CARD, cardType: 'debit' }) });
    expect(ids(s)).toEqual([['us-card-chargeback', 'running', '2027-01-29']]);
    expect(clocksFor(s, US, NOW, 'UTC')[0]!.rule.verified).toBe(false);
  });

  it('GB credit card over £100: s75 (6 years, unverified) and the issuer’s 8 weeks (DISP 1.6)', () => {
    const gb = { ...US_CARD, jurisdiction: 'GB', amount: GBP(500) };
    const s = snapshot({
      case: makeCase(gb),
      letters: [{ ...makeLetter(1, '2027-01-18', '2026-11-02T10:00:00Z'), kind: 'card-issuer' }],
    });
    const clocks = clocksFor(s, loadJurisdiction('GB'), NOW, 'UTC').filter((c) =>
      c.rule.id.startsWith('gb-card-'),
    );
    expect(clocks.map((c) => [c.rule.id, c.owes, c.dueOn, c.rule.verified])).toEqual([
      ['gb-card-s75-limitation', 'consumer', '2032-10-01', false],
      ['gb-card-final-response', 'issuer', '2026-12-28', true],
    ]);
  });

  it('TR, KZ, EU: the chargeback window from the payment; IR: no clock without a source; cash: none', () => {
    for (const code of ['TR', 'KZ', 'EU'])
      expect(
        ids(snapshot({ case: makeCase({ ...US_CARD, jurisdiction: code }) }), code),
      ).toContainEqual([`${code.toLowerCase()}-card-chargeback`, 'running', '2027-01-29']);
    expect(
      ids(snapshot({ case: makeCase({ ...US_CARD, jurisdiction: 'IR' }) }), 'IR').filter((r) =>
        String(r[0]).includes('card'),
      ),
    ).toEqual([]);
    expect(ids(snapshot({ case: makeCase({ ...US_CARD, paidBy: 'cash' }) }))).toEqual([]);
  });
});

const PROFILES: Record<string, Profile> = {
  US: {
    fullName: 'Jane Doe',
    address: '12 Elm St\nSpringfield, IL 62701',
    phone: '',
    email: 'jane@example.com',
    country: 'US',
    language: 'en',
    timeZone: 'America/Chicago',
  },
  GB: {
    fullName: 'John Smith',
    address: '1 High St\nLondon EC1A 1AA',
    phone: '',
    email: 'john@example.com',
    country: 'GB',
    language: 'en',
    timeZone: 'Europe/London',
  },
  TR: {
    fullName: 'Ayşe Yılmaz',
    address: 'Bağdat Cd. 12\n34710 Kadıköy/İstanbul',
    phone: '',
    email: 'ayse@example.com',
    country: 'TR',
    language: 'tr',
    timeZone: 'Europe/Istanbul',
  },
  KZ: {
    fullName: 'Айгерім Серікқызы',
    address: 'г. Астана, ул. Кенесары, 5',
    phone: '',
    email: 'a@example.kz',
    country: 'KZ',
    language: 'ru',
    timeZone: 'Asia/Almaty',
  },
  IR: {
    fullName: 'مریم احمدی',
    address: 'تهران، خیابان ولیعصر، پلاک ۱۲',
    phone: '',
    email: 'm@example.ir',
    country: 'IR',
    language: 'fa',
    timeZone: 'Asia/Tehran',
  },
};

/** A card case in `code` with a profile, a sent and delivered complaint, and the card letter. */
async function cardLetter(
  code: string,
  fields: Partial<CaseFields>,
  lang: string,
  flags: Record<string, unknown> = {},
) {
  t = makeTestContext({ now: NOW, timeZone: PROFILES[code]?.timeZone ?? 'UTC' });
  const db = t.ctx.db();
  saveProfile(db, PROFILES[code] ?? PROFILES.US!, NOW);
  const id = createCase(
    db,
    { name: 'Gadget Mart', channels: { address: 'Main St 1' } },
    makeCaseFields({ ...US_CARD, jurisdiction: code, ...fields }),
    NOW,
  );
  const first = createLetter(
    db,
    {
      caseId: id,
      language: lang,
      deadlineOn: '2026-11-06',
      deadlineSpec: '14d',
      deadlineFrom: '2026-10-23',
      remedy: 'refund',
      fileSha256: null,
      filePath: null,
      fileSize: null,
      cc: null,
      sendMethod: 'certified-mail',
      enclosures: [],
    },
    new Date('2026-10-20T12:00:00Z'),
  );
  recordSending(
    db,
    first,
    {
      sentOn: '2026-10-20',
      sentVia: 'certified-mail',
      tracking: 'RR123456789US',
      deliveredOn: '2026-10-23',
      deadlineOn: '2026-11-06',
      deadlineFrom: '2026-10-23',
    },
    NOW,
  );
  const result = await runLetter(
    toLetterOptions(String(id), { to: 'card-issuer', lang, ...flags }),
    t.ctx,
  );
  return { ...result, text: renderLetterText(result.letter) };
}

describe('the letter to the card issuer, per jurisdiction (fixed clock, 23 November 2026)', () => {
  it('US credit card: a Fair Credit Billing Act billing-error notice citing the card, the statement and the complaint', async () => {
    const r = await cardLetter('US', {}, 'en');
    expect(r.kind).toBe('card-issuer');
    expect(r.card?.route.id).toBe('us-fcba');
    expect(r.letter.legalBasis).toEqual({
      id: 'us-fcba',
      source: 'Fair Credit Billing Act, 15 U.S.C. § 1666; Regulation Z, 12 CFR 1026.13',
      verified: true,
    });
    const text = r.text.replace(/\s+/g, ' ');
    expect(text).toContain('Chase Billing Error Notices');
    expect(text).toContain(
      'Subject: Billing error notice, card ending 4242, statement of October 5, 2026',
    );
    expect(text).toContain(
      'My statement of October 5, 2026 for the card ending 4242 shows a charge of $249.00 from Gadget Mart on October 1, 2026 for Blender B-9 (order GM-5531).',
    );
    expect(text).toContain('billing error under the Fair Credit Billing Act');
    expect(text).toContain('What went wrong: It never arrived.');
    expect(text).toContain(
      'On October 20, 2026 I sent them my written complaint by certified mail, return receipt requested (tracking number RR123456789US); it was delivered on October 23, 2026. They did not answer by the deadline it set, November 6, 2026.',
    );
    // 90 days from the letter's date (counted again from its delivery once known).
    expect(r.letter.deadline.on).toBe('2027-02-21');
    expect(text).toContain('in no case later than 90 days, that is by February 21, 2027');
    // Nothing of the merchant's letter: no forum threat, no remedy-by-law paragraph.
    expect(text).not.toContain('Better Business Bureau');
    expect(r.letter.placeholders.map((p) => p.gap)).toEqual(['issuer-address']);
    expect(r.warnings.map((w) => w.code)).not.toContain('capitals');
    // The card appears by its last four digits only.
    expect(text.match(/4242/g)).toHaveLength(2);
    expect(text).not.toMatch(/\d{5,}\s*4242|•{4}/);
    expect(r.card?.cited).toEqual([
      { id: 1, sentOn: '2026-10-20', tracking: 'RR123456789US', deliveredOn: '2026-10-23' },
    ]);
  });

  it('the issuer’s address given on the command line takes the placeholder’s place', async () => {
    const r = await cardLetter('US', {}, 'en', {
      issuerAddress: 'Chase Card Services, P.O. Box 15299, Wilmington, DE 19850',
    });
    expect(r.letter.placeholders).toEqual([]);
    expect(r.text).toContain('P.O. Box 15299');
    // Address lines as the sender's are written: a US state and ZIP stay with their city.
    const recipient = r.letter.blocks.find((b) => b.kind === 'recipient')!.lines;
    expect(recipient.slice(-3)).toEqual([
      'Chase Card Services',
      'P.O. Box 15299',
      'Wilmington, DE 19850',
    ]);
  });

  it('GB credit card, £500: a claim under section 75, 8 weeks for the final response', async () => {
    const r = await cardLetter('GB', { amount: GBP(500) }, 'en');
    expect(r.card?.route.kind).toBe('s75');
    const text = r.text.replace(/\s+/g, ' ');
    expect(text).toContain(
      'Subject: Claim under section 75 of the Consumer Credit Act 1974, card ending 4242',
    );
    expect(text).toContain('jointly and severally liable');
    expect(text).toContain('£500.00');
    expect(r.letter.deadline.on).toBe('2027-01-18');
    expect(text).toContain('Financial Ombudsman Service');
  });

  it('GB debit card: a chargeback request, not section 75', async () => {
    const r = await cardLetter('GB', { amount: GBP(500), cardType: 'debit' }, 'en');
    expect(r.card?.route.kind).toBe('chargeback');
    expect(r.text).toContain('Chargeback request, card ending 4242');
    expect(r.text).not.toContain('section 75');
  });

  it('TR: a chargeback request in Turkish', async () => {
    const r = await cardLetter(
      'TR',
      { amount: { minor: 1240000, currency: 'TRY' }, cardIssuer: 'Garanti BBVA' },
      'tr',
    );
    const text = r.text.replace(/\s+/g, ' ');
    expect(text).toContain('Garanti BBVA Kart İtirazları Birimi');
    expect(text).toContain('Konu: Ters ibraz (chargeback) talebi, son dört hanesi 4242 olan kart');
    expect(text).toContain('5 Ekim 2026 tarihli hesap özeti');
    expect(text).toContain('takip numarası RR123456789US');
    expect(r.letter.missingTranslations).toEqual([]);
  });

  it('KZ: the chargeback request in Russian and in Kazakh, titled as a claim is', async () => {
    const ru = await cardLetter('KZ', { amount: { minor: 4599000, currency: 'KZT' } }, 'ru');
    expect(ru.letter.blocks.find((b) => b.kind === 'title')?.lines).toEqual([
      'ЗАЯВЛЕНИЕ',
      'о возврате платежа (chargeback)',
    ]);
    expect(ru.text).toContain('Кому: Chase');
    expect(ru.text.replace(/\s+/g, ' ')).toContain('с последними цифрами 4242');
    reset();
    const kk = await cardLetter('KZ', { amount: { minor: 4599000, currency: 'KZT' } }, 'kk');
    expect(kk.text.replace(/\s+/g, ' ')).toContain('соңғы цифрлары 4242');
    expect(kk.letter.missingTranslations).toEqual([]);
  });

  it('IR: the chargeback request in Persian, right to left, the card digits marked left to right', async () => {
    const r = await cardLetter(
      'IR',
      { amount: { minor: 125000000, currency: 'IRR' }, cardIssuer: 'بانک ملت' },
      'fa',
    );
    expect(r.letter.direction).toBe('rtl');
    const lines = r.letter.blocks.flatMap((b) => b.lines);
    expect(lines.some((l) => l.includes('\u200e4242\u200e'))).toBe(true);
    expect(r.text).toContain('درخواست بازگشت وجه (chargeback)');
  });

  it('refuses without the card, naming the edit command; and without the type where it matters', async () => {
    const fail = (fields: Partial<CaseFields>) =>
      cardLetter('US', fields, 'en').catch((e: unknown) => e as ValidationError);
    const cash = await fail({
      paidBy: 'cash',
      cardType: null,
      cardIssuer: null,
      cardLast4: null,
      statementDate: null,
    });
    expect(cash).toBeInstanceOf(ValidationError);
    expect((cash as ValidationError).message).toBe(
      'case #1 does not record a card payment: the letter to the card issuer needs the card',
    );
    expect((cash as ValidationError).hint).toBe(
      'record them first: complain edit 1 --paid-by card --card-issuer … --card-last4 … --statement-date …',
    );
    reset();
    const noStatement = (await fail({ statementDate: null })) as ValidationError;
    expect(noStatement.hint).toBe('record them first: complain edit 1 --statement-date …');
    reset();
    const noType = (await fail({ cardType: null })) as ValidationError;
    expect(noType.message).toContain('credit or a debit card');
    expect(noType.hint).toBe('record them first: complain edit 1 --card-type credit|debit');
  });
});

describe('the complaint to the company mentions the card route', () => {
  const complaint = async (fields: Partial<CaseFields>) => {
    reset();
    t = makeTestContext({ now: NOW, timeZone: 'America/Chicago' });
    const db = t.ctx.db();
    saveProfile(db, PROFILES.US!, NOW);
    const id = createCase(
      db,
      { name: 'Gadget Mart', channels: { address: 'Main St 1' } },
      makeCaseFields({ ...US_CARD, ...fields }),
      NOW,
    );
    const r = await runLetter(toLetterOptions(String(id), {}), t.ctx);
    expect(r.kind).toBe('complaint');
    return renderLetterText(r.letter).replace(/\s+/g, ' ');
  };

  it('US credit card: the billing dispute the buyer may also raise, while its 60 days run', async () => {
    expect(await complaint({})).toContain(
      'I paid by card, and under the Fair Credit Billing Act I may also dispute this charge in writing with the card issuer within 60 days',
    );
    expect(await complaint({ cardType: 'debit' })).not.toContain('Fair Credit Billing Act');
    expect(await complaint({ statementDate: '2026-09-01' })).not.toContain(
      'Fair Credit Billing Act',
    );
  });
});

describe('next names the card route beside the ladder', () => {
  it('a US card case: the letter to the issuer as a parallel route, then what the issuer owes', async () => {
    t = makeTestContext({ now: NOW, timeZone: 'UTC' });
    const db = t.ctx.db();
    const id = createCase(db, { name: 'Gadget Mart', channels: {} }, makeCaseFields(US_CARD), NOW);
    let r = await runNext(toNextOptions(String(id), {}), t.ctx);
    expect(r.position.notes.at(-1)).toBe(
      'Paid by card: a parallel route is the billing-error notice to the card issuer (Fair Credit Billing Act), to Chase: complain letter 1 --to card-issuer -o card-issuer.docx',
    );
    expect(r.position.cardRoute).toMatchObject({
      id: 'us-fcba',
      kind: 'billing-error',
      letterId: null,
    });
    const letter = createLetter(
      db,
      {
        caseId: id,
        kind: 'card-issuer',
        language: 'en',
        deadlineOn: '2027-02-18',
        deadlineSpec: '90d',
        deadlineFrom: '2026-11-20',
        remedy: 'refund',
        fileSha256: null,
        filePath: null,
        fileSize: null,
        cc: null,
        sendMethod: 'certified-mail',
        enclosures: [],
      },
      NOW,
    );
    recordSending(
      db,
      letter,
      {
        sentOn: '2026-11-20',
        sentVia: 'certified-mail',
        tracking: 'RR555US',
        deliveredOn: null,
        deadlineOn: '2027-02-18',
        deadlineFrom: '2026-11-20',
      },
      NOW,
    );
    r = await runNext(toNextOptions(String(id), {}), t.ctx);
    expect(r.position.notes.slice(-3)).toEqual([
      'Card route: letter #1 to Chase was sent on 2026-11-20.',
      'The card issuer: 30 days for the card issuer to acknowledge the billing-error notice in writing, by 2026-12-20.',
      'The card issuer: two billing cycles, at most 90 days, for the card issuer to resolve the billing error, by 2027-02-18.',
    ]);
    // The letter to the issuer is not a letter to the company: the ladder has not moved.
    expect(r.position.step).toBeNull();
  });
});
