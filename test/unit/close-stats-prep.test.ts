import { describe, expect, it } from 'vitest';
import type { CaseExtras } from '../../src/domain/closure.js';
import { missingCloseFlags, parseClosure } from '../../src/domain/closure.js';
import { buildCallSheet } from '../../src/domain/prep.js';
import { companyStats } from '../../src/domain/stats.js';
import type { LadderPosition } from '../../src/domain/escalation.js';
import { makeCase, makeContact, makeLetter, snapshot } from '../support/snapshot.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const clock = { now: NOW, timeZone: 'Europe/Istanbul' };
const refund = makeCase({ remedy: 'refund', amount: { minor: 1240000, currency: 'TRY' } });

describe('closing a case honestly', () => {
  it('resolved needs what arrived, when, and how much for a refund', () => {
    expect(missingCloseFlags({ as: 'resolved' }, 'refund')).toEqual([
      '--received',
      '--received-on',
      '--amount',
      '--rating',
    ]);
    expect(missingCloseFlags({ as: 'resolved' }, 'repair')).toEqual([
      '--received',
      '--received-on',
      '--rating',
    ]);
    expect(missingCloseFlags({ as: 'escalated-elsewhere', rating: '1' }, 'refund')).toEqual([
      '--to',
    ]);
  });

  it('keeps the remedy that arrived and writes the outcome', () => {
    const plan = parseClosure(
      {
        as: 'resolved',
        received: 'refund to my card',
        receivedOn: '2026-11-20',
        amount: '12.400',
        rating: '2',
      },
      refund,
      clock,
    );
    expect(plan.status).toBe('resolved');
    expect(plan.closure).toMatchObject({
      closedAs: 'resolved',
      remedyReceivedOn: '2026-11-20',
      remedyReceivedAmount: { minor: 1240000, currency: 'TRY' },
      rating: 2,
    });
    expect(plan.outcome).toBe('Resolved: refund to my card (12,400 TL) received on 2026-11-20');
  });

  it('refuses a remedy that arrives in the future, a rating out of range, a bad outcome', () => {
    const base = { as: 'resolved', received: 'x', amount: '1 TL', rating: '3' };
    expect(() => parseClosure({ ...base, receivedOn: '2026-11-24' }, refund, clock)).toThrow(
      /future/,
    );
    expect(() =>
      parseClosure({ ...base, receivedOn: '2026-11-20', rating: '6' }, refund, clock),
    ).toThrow(/1 to 5/);
    expect(() => parseClosure({ as: 'fixed', rating: '3' }, refund, clock)).toThrow(/not one of/);
  });

  it('abandoned and escalated elsewhere', () => {
    expect(parseClosure({ as: 'abandoned', rating: '1' }, refund, clock).status).toBe('abandoned');
    const e = parseClosure(
      { as: 'escalated-elsewhere', to: 'consumer court', rating: '1' },
      refund,
      clock,
    );
    expect(e.status).toBe('escalated');
    expect(e.closure.escalatedTo).toBe('consumer court');
  });
});

describe('stats by company', () => {
  const resolvedOn = (on: string, rating: number): CaseExtras => ({
    sector: null,
    closure: {
      closedAs: 'resolved',
      remedyReceived: 'x',
      remedyReceivedOn: on,
      remedyReceivedAmount: null,
      escalatedTo: null,
      rating,
    },
  });
  it('median days, promises kept vs broken (by default too), letters needed, rating', () => {
    const created = new Date('2026-10-01T09:00:00Z');
    const a = snapshot({
      case: makeCase({ id: 1, createdAt: created }),
      contacts: [
        makeContact(1, '2026-09-28T09:00:00Z', {
          promiseList: [
            ['call back', '2026-09-30T20:59:59.999Z', 'kept'],
            ['refund', '2026-10-05T20:59:59.999Z'],
          ],
        }),
      ],
      letters: [
        makeLetter(1, '2026-10-20', '2026-10-06T09:00:00Z'),
        makeLetter(2, '2026-11-01', null),
      ],
    });
    const b = snapshot({ case: makeCase({ id: 2, createdAt: created }) });
    const c = snapshot({ case: makeCase({ id: 3, createdAt: created }) });
    const stats = companyStats(
      [
        { snapshot: a, extras: resolvedOn('2026-10-08', 2) }, // 10 days from the first contact
        { snapshot: b, extras: resolvedOn('2026-10-21', 4) }, // 20 days from the case
        { snapshot: c, extras: { sector: null, closure: null } },
      ],
      NOW,
      'Europe/Istanbul',
    );
    expect(stats).toHaveLength(1);
    expect(stats[0]).toMatchObject({
      company: 'Acme',
      cases: 3,
      open: 1,
      resolved: 2,
      medianDaysToResolution: 15,
      promisesKept: 1,
      promisesBroken: 1,
      promisesBrokenByDefault: 1,
      lettersSent: 1,
      casesNeedingLetter: 1,
      averageRating: 3,
    });
  });
});

describe('the call sheet', () => {
  const position: LadderPosition = {
    step: 'first-contact',
    next: 'follow-up',
    reason: 'follow up',
    notes: [],
    forum: null,
  };
  it('has the statement, the facts, the broken promise and the questions', () => {
    const s = snapshot({
      case: makeCase({
        orderRef: 'A-1001',
        situation: 'Bought a kettle.',
        problem: 'Broken.',
        request: 'Refund.',
      }),
      contacts: [
        makeContact(1, '2026-10-06T09:00:00Z', {
          reps: [{ name: 'Ayşe K.', repId: '4411', role: null }],
          promiseList: [['call back', '2026-10-08T20:59:59.999Z']],
        }),
        makeContact(2, '2026-10-12T09:00:00Z', {
          reps: [{ name: 'Ayşe K.', repId: '4411', role: null }],
        }),
      ],
    });
    const sheet = buildCallSheet(s, position, NOW, 'Europe/Istanbul');
    expect(sheet.statement).toMatchObject({
      situation: 'Bought a kettle.',
      problem: 'Broken.',
      request: 'Refund.',
    });
    expect(sheet.facts.orderRef).toBe('A-1001');
    expect(sheet.facts.reps).toEqual([
      { name: 'Ayşe K.', repId: '4411', role: null, lastOn: '2026-10-12' },
    ]);
    expect(sheet.facts.brokenPromises).toMatchObject([
      {
        text: 'call back',
        madeOn: '2026-10-06',
        dueOn: '2026-10-08',
        by: ['Ayşe K.'],
        byDefault: true,
      },
    ]);
    expect(sheet.questions[0]).toContain('No reference number yet');
    expect(sheet.questions).toContain('What are the next steps?');
    expect(sheet.goal).toBe('follow up');
    expect(sheet.reminders.join(' ')).toContain('repeat your request');
  });
});
