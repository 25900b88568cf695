import { describe, expect, it } from 'vitest';
import { clocksFor } from '../../src/domain/clocks.js';
import type { CaseEvent } from '../../src/domain/clocks.js';
import type { SaleChannel } from '../../src/domain/jurisdiction-rules.js';
import type { RightResult } from '../../src/domain/rights.js';
import { evaluateRights, strongestRight } from '../../src/domain/rights.js';
import { buildLetter } from '../../src/letter/model.js';
import { cardRouteId } from '../../src/domain/card-route.js';
import { loadJurisdiction } from '../../src/templates.js';
import { fixtureCase, fixtureInput } from '../support/letter-fixture.js';
import { makeCase, makeLetter, snapshot } from '../support/snapshot.js';

/** The fixture letter for a case of `code` asking for `remedy`. */
function letterInput({ jurisdiction, remedy }: { jurisdiction: string; remedy: 'refund' }) {
  const caseRecord = fixtureCase({ jurisdiction, remedy });
  return fixtureInput('en', { caseRecord, jurisdiction: loadJurisdiction(jurisdiction) });
}

/** Fixed "now": every row is evaluated on Monday 23 November 2026. */
const ON = '2026-11-23';
const NOW = new Date(`${ON}T12:00:00Z`);
const GBP = (pounds: number) => ({ minor: pounds * 100, currency: 'GBP' });

interface Row {
  name: string;
  code: string;
  events?: [CaseEvent['event'], string][];
  sale?: SaleChannel | null;
  paidBy?: string | null;
  sector?: string | null;
  amount?: { minor: number; currency: string } | null;
  letters?: ReturnType<typeof makeLetter>[];
  /** The card facts of the case (schema 9). */
  card?: { cardType?: 'credit' | 'debit'; statementDate?: string };
  /** id → expected state, or null for "not listed" (the right does not apply). */
  expect: Record<string, string | null>;
  /** The right the letter cites for the case's remedy (undefined: none). */
  cites?: string | undefined;
  remedy?: string;
}

function evaluate(row: Row): RightResult[] {
  const s = snapshot({
    case: makeCase({
      jurisdiction: row.code,
      remedy: (row.remedy ?? 'refund') as never,
      amount: (row.amount ?? null) as never,
      paidBy: (row.paidBy ?? null) as never,
      ...row.card,
    }),
    events: (row.events ?? []).map(([event, onDate]) => ({ event, onDate })),
    letters: row.letters ?? [],
    sector: row.sector ?? null,
  });
  const j = loadJurisdiction(row.code);
  return evaluateRights(
    s,
    j,
    { sale: row.sale ?? null, paidBy: row.paidBy ?? null, cardRoute: cardRouteId(s.case, j) },
    ON,
    'UTC',
  );
}

const ROWS: Row[] = [
  // United Kingdom: the 30-day short-term right to reject.
  {
    name: 'GB inside 30 days, no rejection logged: the short-term right is available',
    code: 'GB',
    events: [['delivery', '2026-11-10']],
    sale: 'shop',
    expect: { 'gb-short-term-reject': 'available', 'gb-distance-cancellation': null },
    cites: 'gb-short-term-reject',
  },
  {
    name: 'GB rejected on day 5: exercised, and still exercised once the 30 days are over',
    code: 'GB',
    events: [
      ['delivery', '2026-10-01'],
      ['rejected', '2026-10-06'],
    ],
    sale: 'shop',
    expect: { 'gb-short-term-reject': 'exercised', 'gb-final-reject': null },
    cites: 'gb-short-term-reject',
  },
  {
    name: 'GB outside 30 days without a rejection: lapsed; repair or replacement is cited',
    code: 'GB',
    events: [['delivery', '2026-09-01']],
    sale: 'shop',
    expect: { 'gb-short-term-reject': 'lapsed', 'gb-repair-replace': 'available' },
    cites: 'gb-repair-replace',
  },
  {
    name: 'GB a rejection logged after the 30 days does not revive the right',
    code: 'GB',
    events: [
      ['delivery', '2026-09-01'],
      ['rejected', '2026-10-15'],
    ],
    expect: { 'gb-short-term-reject': 'lapsed' },
    cites: 'gb-repair-replace',
  },
  {
    name: 'GB after a failed repair: the final right to reject is held and cited for a refund',
    code: 'GB',
    events: [
      ['delivery', '2026-06-01'],
      ['repair-failed', '2026-11-02'],
    ],
    expect: { 'gb-final-reject': 'available', 'gb-short-term-reject': 'lapsed' },
    cites: 'gb-final-reject',
  },
  {
    name: 'GB bought at a distance: 14-day cancellation inside the period',
    code: 'GB',
    events: [['delivery', '2026-11-15']],
    sale: 'distance',
    expect: { 'gb-distance-cancellation': 'available', 'gb-short-term-reject': 'available' },
    cites: 'gb-short-term-reject',
  },
  {
    name: 'GB bought at a distance, cancelled in time: exercised',
    code: 'GB',
    events: [
      ['delivery', '2026-10-01'],
      ['withdrawal', '2026-10-10'],
    ],
    sale: 'distance',
    expect: { 'gb-distance-cancellation': 'exercised' },
  },
  {
    name: 'GB bought at a distance, outside 14 days: lapsed',
    code: 'GB',
    events: [['delivery', '2026-10-01']],
    sale: 'distance',
    expect: { 'gb-distance-cancellation': 'lapsed' },
  },
  {
    name: 'GB paid by card, £500: the card claim is held too',
    code: 'GB',
    events: [['delivery', '2026-11-10']],
    paidBy: 'card',
    amount: GBP(500),
    expect: { 'gb-card-claim': 'available' },
    cites: 'gb-short-term-reject',
  },
  {
    name: 'GB paid in cash, £500: no card claim',
    code: 'GB',
    events: [['delivery', '2026-11-10']],
    paidBy: 'cash',
    amount: GBP(500),
    expect: { 'gb-card-claim': null },
  },
  {
    name: 'GB paid by card, £80: below the section 75 range',
    code: 'GB',
    paidBy: 'card',
    amount: GBP(80),
    expect: { 'gb-card-claim': null },
  },
  {
    name: 'GB a service: the services rights, none of the goods rights',
    code: 'GB',
    sector: 'services',
    remedy: 'repair',
    expect: { 'gb-services': 'available', 'gb-short-term-reject': null, 'gb-repair-replace': null },
    cites: 'gb-services',
  },
  // Turkey: Art. 11 rights, the 20-working-day repair limit (Saturdays count), distance sales.
  {
    name: 'TR repair requested 1 Oct and not done in 20 working days: replacement is held',
    code: 'TR',
    events: [
      ['delivery', '2026-06-01'],
      ['repair-requested', '2026-10-01'],
    ],
    remedy: 'replacement',
    expect: { 'tr-repair': 'exercised', 'tr-after-failed-repair': 'available' },
    cites: 'tr-after-failed-repair',
  },
  {
    name: 'TR repair requested 16 Nov: the repair time still runs, no replacement right yet',
    code: 'TR',
    events: [
      ['delivery', '2026-06-01'],
      ['repair-requested', '2026-11-16'],
    ],
    remedy: 'replacement',
    expect: { 'tr-repair': 'exercised', 'tr-after-failed-repair': null },
    cites: 'tr-replacement',
  },
  {
    name: 'TR no repair requested: repair is available, the elective rights too',
    code: 'TR',
    events: [['delivery', '2026-06-01']],
    remedy: 'repair',
    expect: {
      'tr-repair': 'available',
      'tr-withdrawal': 'available',
      'tr-replacement': 'available',
    },
    cites: 'tr-repair',
  },
  {
    name: 'TR delivered more than 2 years ago: the elective rights have lapsed',
    code: 'TR',
    events: [['delivery', '2024-06-01']],
    expect: { 'tr-withdrawal': 'lapsed', 'tr-repair': 'lapsed' },
    cites: undefined,
  },
  {
    name: 'TR bought at a distance, withdrawn on day 10: exercised and cited for a refund',
    code: 'TR',
    events: [
      ['delivery', '2026-11-01'],
      ['withdrawal', '2026-11-11'],
    ],
    sale: 'distance',
    expect: { 'tr-distance-withdrawal': 'exercised' },
    cites: 'tr-distance-withdrawal',
  },
  {
    name: 'TR bought in a shop: no distance withdrawal; card or cash changes nothing',
    code: 'TR',
    events: [['delivery', '2026-11-01']],
    sale: 'shop',
    paidBy: 'card',
    expect: { 'tr-distance-withdrawal': null, 'tr-withdrawal': 'available' },
    cites: 'tr-withdrawal',
  },
  {
    name: 'TR bought at a distance, 14 days over: lapsed',
    code: 'TR',
    events: [['delivery', '2026-10-01']],
    sale: 'distance',
    paidBy: 'cash',
    expect: { 'tr-distance-withdrawal': 'lapsed' },
    cites: 'tr-withdrawal',
  },
  // United States: the Fair Credit Billing Act needs a card and counts from the bill.
  // The billing dispute runs from the card statement (schema 9) on the credit-card route.
  {
    name: 'US paid by credit card, statement 1 Nov: the billing dispute is available',
    code: 'US',
    paidBy: 'card',
    card: { cardType: 'credit', statementDate: '2026-11-01' },
    expect: { 'us-billing-dispute': 'available' },
    cites: undefined,
  },
  {
    name: 'US paid by credit card, statement 1 Aug: lapsed',
    code: 'US',
    paidBy: 'card',
    card: { cardType: 'credit', statementDate: '2026-08-01' },
    expect: { 'us-billing-dispute': 'lapsed' },
  },
  {
    name: 'US paid by credit card, the letter to the issuer sent inside the 60 days: exercised',
    code: 'US',
    paidBy: 'card',
    card: { cardType: 'credit', statementDate: '2026-08-01' },
    letters: [{ ...makeLetter(1, '2026-11-30', '2026-09-01T10:00:00Z'), kind: 'card-issuer' }],
    expect: { 'us-billing-dispute': 'exercised' },
  },
  {
    name: 'US paid by credit card, only the merchant had a letter: still available',
    code: 'US',
    paidBy: 'card',
    card: { cardType: 'credit', statementDate: '2026-11-01' },
    letters: [makeLetter(1, '2026-11-30', '2026-11-10T10:00:00Z')],
    expect: { 'us-billing-dispute': 'available' },
  },
  {
    name: 'US paid by debit card: no billing dispute (a chargeback route instead)',
    code: 'US',
    paidBy: 'card',
    card: { cardType: 'debit', statementDate: '2026-11-01' },
    expect: { 'us-billing-dispute': null },
  },
  {
    name: 'US paid in cash: no billing dispute',
    code: 'US',
    events: [['bill', '2026-11-01']],
    paidBy: 'cash',
    expect: { 'us-billing-dispute': null },
  },
  // Kazakhstan: the written claim and its 10-day answer.
  {
    name: 'KZ no written claim yet: available',
    code: 'KZ',
    expect: { 'kz-claim': 'available' },
    cites: 'kz-claim',
  },
  {
    name: 'KZ written claim sent 10 Nov: exercised',
    code: 'KZ',
    letters: [makeLetter(1, '2026-11-20', '2026-11-10T08:00:00Z')],
    paidBy: 'card',
    sale: 'distance',
    expect: { 'kz-claim': 'exercised' },
    cites: 'kz-claim',
  },
  // Iran: no right with a source in the data; the letter stays neutral.
  {
    name: 'IR by card at a distance: none',
    code: 'IR',
    paidBy: 'card',
    sale: 'distance',
    expect: {},
  },
  { name: 'IR in cash in a shop: none', code: 'IR', paidBy: 'cash', sale: 'shop', expect: {} },
];

describe('rights evaluated from the facts on a fixed date (23 Nov 2026)', () => {
  it.each(ROWS)('$name', (row) => {
    const results = evaluate(row);
    const byId = new Map(results.map((r) => [r.rule.id, r.state]));
    for (const [id, state] of Object.entries(row.expect))
      expect([id, byId.get(id) ?? null]).toEqual([id, state]);
    if (Object.keys(row.expect).length === 0) expect(results).toEqual([]);
    if ('cites' in row)
      expect(strongestRight(results, row.remedy ?? 'refund')?.rule.id).toBe(row.cites);
    for (const r of results) {
      expect(r.rule.source).not.toBe('');
      expect(typeof r.rule.verified).toBe('boolean');
    }
  });
});

describe('the dates of a right', () => {
  it('GB: the 30 days run from delivery; a rejection on day 5 is dated', () => {
    const gb = evaluate(ROWS[1]!).find((r) => r.rule.id === 'gb-short-term-reject')!;
    expect(gb.window).toEqual({ event: 'delivery', start: '2026-10-01', end: '2026-10-31' });
    expect(gb.exercisedOn).toBe('2026-10-06');
  });

  it('TR: 20 working days from Thu 1 Oct counting Saturdays, end Sat 24 Oct (Sundays only are off); replacement held from the next day', () => {
    const results = evaluate(ROWS[12]!);
    const repair = results.find((r) => r.rule.id === 'tr-repair')!;
    expect(repair.perform).toMatchObject({
      start: '2026-10-01',
      end: '2026-10-24',
      overdue: true,
    });
    expect(results.find((r) => r.rule.id === 'tr-after-failed-repair')!.heldSince).toBe(
      '2026-10-25',
    );
  });
});

describe('clock agrees with the rights', () => {
  it('GB: a rejection inside the 30 days shows the clock exercised, not passed', () => {
    const s = snapshot({
      case: makeCase({ jurisdiction: 'GB' }),
      events: [
        { event: 'delivery', onDate: '2026-10-01' },
        { event: 'rejected', onDate: '2026-10-06' },
      ],
      sale: 'shop',
    });
    const clocks = clocksFor(s, loadJurisdiction('GB'), NOW, 'UTC');
    expect(clocks.find((c) => c.rule.id === 'gb-short-term-reject')).toMatchObject({
      state: 'exercised',
      exercisedOn: '2026-10-06',
    });
    expect(clocks.find((c) => c.rule.id === 'gb-online-cancellation')).toBeUndefined();
  });

  it('GB: without a rejection the same clock has passed', () => {
    const s = snapshot({
      case: makeCase({ jurisdiction: 'GB' }),
      events: [{ event: 'delivery', onDate: '2026-10-01' }],
    });
    const clocks = clocksFor(s, loadJurisdiction('GB'), NOW, 'UTC');
    expect(clocks.find((c) => c.rule.id === 'gb-short-term-reject')?.state).toBe('passed');
  });
});

describe('the letter cites the strongest right held', () => {
  it('GB: a rejection within 30 days gives the short-term right and a full refund, not the final right', () => {
    const input = letterInput({ jurisdiction: 'GB', remedy: 'refund' });
    const rights = evaluate(ROWS[1]!);
    const letter = buildLetter({ ...input, rights });
    const text = letter.blocks.map((b) => b.lines.join('\n')).join('\n');
    expect(text).toContain('short-term right to reject');
    expect(text).toContain('ss.20–22');
    expect(text).toContain('full refund');
    expect(text).not.toContain('final right');
    expect(letter.legalBasis?.id).toBe('gb-short-term-reject');
  });

  it('GB: paid by card, the letter adds the card claim', () => {
    const input = letterInput({ jurisdiction: 'GB', remedy: 'refund' });
    const letter = buildLetter({ ...input, rights: evaluate(ROWS[8]!) });
    expect(letter.blocks.find((b) => b.kind === 'legal-basis')!.lines[0]).toContain('s.75');
  });

  it('IR: no right in the data, no citation', () => {
    const input = letterInput({ jurisdiction: 'IR', remedy: 'refund' });
    const letter = buildLetter({ ...input, rights: evaluate(ROWS.at(-1)!) });
    expect(letter.blocks.find((b) => b.kind === 'legal-basis')).toBeUndefined();
  });
});
