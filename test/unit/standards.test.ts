import { describe, expect, it } from 'vitest';
import {
  checkStandards,
  parseWithin,
  standardDueAt,
  withinSpec,
} from '../../src/domain/standards.js';
import type { ServiceStandard } from '../../src/domain/standards.js';
import { companyStats } from '../../src/domain/stats.js';
import { makeContact, snapshot } from '../support/snapshot.js';

const TZ = 'Europe/Istanbul';
const WEEK = { weekend: [0, 6], holidays: [] as string[] };

function standard(within: string, over: Partial<ServiceStandard> = {}): ServiceStandard {
  return {
    id: 1,
    companyId: 1,
    company: 'Acme',
    channel: 'email',
    ...parseWithin(within),
    source: 'their site, service charter, 2026-11',
    createdAt: new Date('2026-11-01T00:00:00Z'),
    ...over,
  };
}

describe('service standards: durations', () => {
  it.each([
    ['24h', 24, 'hours'],
    ['3d', 3, 'calendar-days'],
    ['1bd', 1, 'working-days'],
    [' 2BD ', 2, 'working-days'],
  ])('%s is %i %s', (text, amount, unit) => {
    expect(parseWithin(text)).toEqual({ amount, unit });
  });

  it.each(['', '0h', '1w', 'soon', '1.5d', '-1d'])('"%s" is refused with the fix', (text) => {
    expect(() => parseWithin(text)).toThrow(/not an answer time/);
  });

  it('writes the spec back', () => {
    expect(['24h', '3d', '1bd'].map((s) => withinSpec(parseWithin(s)))).toEqual([
      '24h',
      '3d',
      '1bd',
    ]);
  });

  it('hours from the instant; days to the end of the day in the user zone', () => {
    // Friday 27 Nov 2026, 15:00 in Istanbul.
    const at = new Date('2026-11-27T12:00:00Z');
    expect(standardDueAt(at, parseWithin('24h'), WEEK, TZ).toISOString()).toBe(
      '2026-11-28T12:00:00.000Z',
    );
    expect(standardDueAt(at, parseWithin('3d'), WEEK, TZ).toISOString()).toBe(
      '2026-11-30T20:59:59.999Z',
    );
    // One working day after a Friday is the Monday.
    expect(standardDueAt(at, parseWithin('1bd'), WEEK, TZ).toISOString()).toBe(
      '2026-11-30T20:59:59.999Z',
    );
    // ...and the Tuesday when the Monday is a public holiday.
    const holiday = { weekend: [0, 6], holidays: ['2026-11-30'] };
    expect(standardDueAt(at, parseWithin('1bd'), holiday, TZ).toISOString()).toBe(
      '2026-12-01T20:59:59.999Z',
    );
  });
});

describe('service standards: each outbound contact on the channel is held to it', () => {
  const now = new Date('2026-12-02T09:00:00Z');
  const sent1 = makeContact(1, '2026-11-23T08:00:00Z', { channel: 'email' }); // Mon
  const call = makeContact(2, '2026-11-24T08:00:00Z', { channel: 'phone' });
  const answer = makeContact(3, '2026-11-24T10:00:00Z', {
    channel: 'email',
    direction: 'inbound',
  });
  const sent2 = makeContact(4, '2026-11-26T08:00:00Z', { channel: 'email' }); // Thu
  const late = makeContact(5, '2026-11-30T08:00:00Z', { channel: 'email', direction: 'inbound' });
  const sent3 = makeContact(6, '2026-12-01T18:00:00Z', { channel: 'email' }); // Tue

  it('kept when an inbound contact came by the due time, missed when none did, else pending', () => {
    const checks = checkStandards(
      [sent1, call, answer, sent2, late, sent3],
      [standard('1bd')],
      WEEK,
      now,
      TZ,
    );
    expect(checks.map((c) => [c.contact.id, c.state, c.answer?.id ?? null])).toEqual([
      [1, 'kept', 3],
      [4, 'missed', 5],
      [6, 'pending', null],
    ]);
    expect(checks[1]!.dueAt.toISOString()).toBe('2026-11-27T20:59:59.999Z');
  });

  it('stats count kept and missed per company, not the pending ones', () => {
    const contacts = [sent1, call, answer, sent2, late, sent3];
    const [s] = companyStats(
      [
        {
          snapshot: snapshot({ contacts }),
          extras: { sector: null, closure: null },
          standards: checkStandards(contacts, [standard('1bd')], WEEK, now, TZ),
        },
      ],
      now,
      TZ,
    );
    expect(s).toMatchObject({ standardsKept: 1, standardsMissed: 1 });
  });
});
