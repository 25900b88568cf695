import { describe, expect, it } from 'vitest';
import type { CaseSnapshot } from '../../src/domain/clocks.js';
import { clocksFor, computeClock } from '../../src/domain/clocks.js';
import { ladderPosition } from '../../src/domain/escalation.js';
import type { Escalation } from '../../src/domain/model.js';
import { loadJurisdiction } from '../../src/templates.js';
import type { RawContact } from '../../src/domain/contact-fields.js';
import { describeContact } from '../../src/prompts/log-wizard.js';
import { makeCase, makeContact, makeLetter, snapshot } from '../support/snapshot.js';

const NOW = new Date('2026-11-23T12:00:00Z');

function escalation(kind: Escalation['kind'], over: Partial<Escalation> = {}): Escalation {
  return { kind, forum: null, platform: null, link: null, fileNumber: null, ...over };
}

describe('issue 11, defect 6: the Kazakh 10 days run from the written claim', () => {
  const KZ = loadJurisdiction('KZ');
  const rule = KZ.clocks.find((c) => c.id === 'kz-claim-answer')!;
  const kz = makeCase({ jurisdiction: 'KZ' });
  const call = makeContact(1, '2026-11-02T05:00:00Z');

  it('a phone call does not start it: not started, with what to record', () => {
    const c = computeClock(rule, snapshot({ case: kz, contacts: [call] }), KZ, NOW, 'Asia/Almaty');
    expect(c.state).toBe('not-started');
    expect(c.dueOn).toBeNull();
    expect(c.explanation).toContain('complain clock 1 --written-claim YYYY-MM-DD');
  });

  it('the letter sent starts it; its delivery, when known, wins', () => {
    const sent = snapshot({
      case: kz,
      contacts: [call],
      letters: [makeLetter(1, '2026-12-01', '2026-11-16T05:00:00Z')],
    });
    expect(computeClock(rule, sent, KZ, NOW, 'Asia/Almaty')).toMatchObject({
      start: { on: '2026-11-16', letterId: 1, contactId: null },
      dueOn: '2026-11-26',
    });
    const delivered = {
      ...sent,
      letters: [makeLetter(1, '2026-12-01', '2026-11-16T05:00:00Z', '2026-11-18T05:00:00Z')],
    };
    expect(computeClock(rule, delivered, KZ, NOW, 'Asia/Almaty').dueOn).toBe('2026-11-28');
  });

  it('a letter logged as sent (outbound, channel letter) starts it too', () => {
    const letter = makeContact(2, '2026-11-10T05:00:00Z', { channel: 'letter' });
    const c = computeClock(
      rule,
      snapshot({ case: kz, contacts: [call, letter] }),
      KZ,
      NOW,
      'Asia/Almaty',
    );
    expect(c.start).toMatchObject({ on: '2026-11-10', contactId: 2 });
  });

  it('every clock that starts from a request, a complaint or a written claim names its event', () => {
    // The data's start events, as checked against JURISDICTIONS.md: KZ answers a written claim;
    // a UK complaint may be oral (DISP 1.6); a Turkish repair runs from the request.
    const starts = Object.fromEntries(
      ['TR', 'GB', 'US', 'KZ', 'EU'].flatMap((code) =>
        loadJurisdiction(code).clocks.map((c) => [c.id, c.start]),
      ),
    );
    expect(starts).toMatchObject({
      'kz-claim-answer': 'written-claim',
      'gb-final-response': 'complaint',
      'tr-repair-replacement': 'request',
      'us-cfpb-response': 'regulator-filed',
    });
  });
});

describe('issue 11, defect 7: a case of a sector shows the rules of that sector only', () => {
  const GB = loadJurisdiction('GB');
  const ids = (s: CaseSnapshot, code = 'GB') =>
    clocksFor(s, loadJurisdiction(code), NOW, 'Europe/London').map((c) => c.rule.id);
  const gb = makeCase({ jurisdiction: 'GB', remedy: 'refund' });

  it('UK finance: the regulated-firm clocks, none of the goods rules', () => {
    const finance = ids(snapshot({ case: gb, sector: 'finance' }));
    expect(finance).toContain('gb-final-response');
    expect(finance).not.toContain('gb-short-term-reject');
    expect(finance).not.toContain('gb-burden-of-proof');
    expect(GB.clocks.length).toBeGreaterThan(finance.length);
  });

  it('UK goods, and a case with no sector recorded: the goods rules, not the finance ones', () => {
    for (const sector of ['goods', null]) {
      const got = ids(snapshot({ case: gb, sector }));
      expect(got).toContain('gb-short-term-reject');
      expect(got).not.toContain('gb-final-response');
    }
  });

  it('Turkey: the services limitation for services, the goods one for goods', () => {
    const tr = makeCase({ jurisdiction: 'TR' });
    const services = ids(snapshot({ case: tr, sector: 'services' }), 'TR');
    expect(services).toContain('tr-services-limitation');
    expect(services).not.toContain('tr-goods-limitation');
    const goods = ids(snapshot({ case: tr, sector: 'goods' }), 'TR');
    expect(goods).toContain('tr-goods-limitation');
    expect(goods).not.toContain('tr-services-limitation');
  });
});

describe('issue 11, defect 8: the rung is the highest formal step taken', () => {
  const TZ = 'Europe/Istanbul';
  const position = (s: CaseSnapshot) => {
    const j = loadJurisdiction(s.case.jurisdiction);
    return ladderPosition(s, j, clocksFor(s, j, NOW, TZ), NOW, TZ);
  };
  const post = makeContact(2, '2026-11-05T09:00:00Z', {
    channel: 'social',
    escalation: escalation('social-media', { platform: 'X', link: 'https://x.com/a/1' }),
  });
  const regulator = makeContact(3, '2026-11-10T09:00:00Z', {
    channel: 'web-form',
    escalation: escalation('arbitration', { forum: 'Tüketici Hakem Heyeti', fileNumber: '77' }),
  });
  const base = {
    case: makeCase({ remedy: 'refund' }),
    letters: [makeLetter(1, '2026-11-01', '2026-10-20T09:00:00Z')],
  };

  it('a post after the letter leaves the case on the written complaint', () => {
    const p = position(
      snapshot({ ...base, contacts: [makeContact(1, '2026-10-10T09:00:00Z'), post] }),
    );
    expect(p.step).toBe('written-complaint');
    expect(p.next).toBe('forum');
    expect(p.notes.join(' ')).toContain('contact #2');
  });

  it('a later application to a forum moves it to the forum rung, and court comes next', () => {
    const p = position(
      snapshot({ ...base, contacts: [makeContact(1, '2026-10-10T09:00:00Z'), post, regulator] }),
    );
    expect(p.step).toBe('forum');
    expect(p.next).toBe('last-resort');
    expect(p.reason).toContain('(file 77)');
  });

  it('a post after the application does not hide the application', () => {
    const later = { ...post, id: 4, startedAt: new Date('2026-11-15T09:00:00Z') };
    const p = position(snapshot({ ...base, contacts: [regulator, later] }));
    expect(p.step).toBe('forum');
    expect(p.reason).toContain('Tüketici Hakem Heyeti');
  });
});

describe('issue 11, defect 10: the log summary shows the dates the phrases resolve to', () => {
  it('"in 3 days" shows as the date with its weekday, not "by in 3 days"', () => {
    // Monday 23 Nov 2026, 17:00 in Istanbul.
    const clock = { now: new Date('2026-11-23T14:00:00Z'), timeZone: 'Europe/Istanbul' };
    const text = describeContact(
      {
        channel: 'phone',
        direction: 'outbound',
        at: 'today 14:05',
        reps: [],
        summary: 'Promised a call.',
        promises: [{ text: 'call back', due: 'in 3 days' }],
        quotes: [],
      } as unknown as RawContact,
      clock,
    );
    expect(text).not.toContain('by in 3 days');
    expect(text).toMatch(/call back — by Thu 26 Nov 2026/);
    expect(text).toMatch(/Mon 23 Nov 2026 14:05/);
  });
});
