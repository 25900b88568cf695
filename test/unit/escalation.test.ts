import { describe, expect, it } from 'vitest';
import { buildAgenda } from '../../src/domain/agenda.js';
import type { CaseSnapshot } from '../../src/domain/clocks.js';
import { clocksFor } from '../../src/domain/clocks.js';
import { ladderPosition, pickForum } from '../../src/domain/escalation.js';
import { loadJurisdiction } from '../../src/templates.js';
import { makeCase, makeContact, makeLetter, snapshot } from '../support/snapshot.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const TZ = 'Europe/Istanbul';
const TR = loadJurisdiction('TR');
const tl = (lira: number) => ({ minor: Math.round(lira * 100), currency: 'TRY' });

function position(s: CaseSnapshot, now = NOW) {
  const j = loadJurisdiction(s.case.jurisdiction);
  return ladderPosition(s, j, clocksFor(s, j, now, TZ), now, TZ);
}

// A refund case has no company-owed clock in TR unless a withdrawal is recorded, so the
// ladder reads the log alone.
const refundCase = makeCase({ remedy: 'refund', amount: tl(12400) });

describe('the Turkish arbitration limit by year', () => {
  it.each([
    [2025, 148_999.99, 'tr-hakem-heyeti'],
    [2025, 149_000, 'tr-mediation'],
    [2025, 160_000, 'tr-mediation'],
    [2026, 160_000, 'tr-hakem-heyeti'],
    [2026, 185_999.99, 'tr-hakem-heyeti'],
    [2026, 186_000, 'tr-mediation'],
  ])('in %i a claim of %d TL goes to %s', (year, lira, forum) => {
    expect(pickForum(TR, null, tl(lira), year)?.forum.id).toBe(forum);
  });

  it('says why, with the limit of the year', () => {
    expect(pickForum(TR, null, tl(12400), 2026)?.why).toBe(
      'your claim of 12,400 TL is below the 2026 limit of 186,000 TL',
    );
    expect(pickForum(TR, null, tl(149000), 2025)?.why).toBe(
      'your claim of 149,000 TL is not below the 2025 limit of 149,000 TL for Consumer Arbitration Committee (Tüketici Hakem Heyeti)',
    );
  });

  it('a year without data uses the latest known limit and says so', () => {
    const choice = pickForum(TR, null, tl(12400), 2027);
    expect(choice?.limit?.year).toBe(2026);
    expect(choice?.why).toContain('the latest known limit, set for 2026');
  });

  it('without an amount it names the limit and asks for the amount', () => {
    expect(pickForum(TR, null, null, 2026)?.why).toContain('record the amount');
  });

  it('picks a sector body where the data has one', () => {
    const gb = loadJurisdiction('GB');
    expect(pickForum(gb, 'finance', null, 2026)?.forum.id).toBe('gb-ombudsman');
    expect(pickForum(gb, null, null, 2026)?.forum.id).toBe('gb-small-claims');
    const us = loadJurisdiction('US');
    expect(pickForum(us, 'finance', null, 2026)?.forum.id).toBe('us-cfpb');
    expect(pickForum(us, null, null, 2026)?.forum.id).toBe('us-consumer-agency');
  });
});

describe('the escalation ladder', () => {
  it('before any contact: make the first one', () => {
    const p = position(snapshot({ case: refundCase }));
    expect(p.step).toBeNull();
    expect(p.next).toBe('first-contact');
    expect(p.reason).toContain('nothing logged yet');
  });

  it('after a first contact with a reference and no promise: follow up', () => {
    const p = position(
      snapshot({
        case: refundCase,
        contacts: [makeContact(1, '2026-11-20T09:00:00Z', { reference: 'R-1' })],
      }),
    );
    expect(p.step).toBe('first-contact');
    expect(p.next).toBe('follow-up');
    expect(p.reason).toContain('quoting reference R-1');
  });

  it('3 contacts without a reference number: ask for one, and for a supervisor', () => {
    const contacts = [1, 2, 3].map((i) => makeContact(i, `2026-11-1${i}T09:00:00Z`));
    const p = position(snapshot({ case: refundCase, contacts }));
    expect(p.step).toBe('follow-up');
    expect(p.next).toBe('supervisor');
    expect(p.reason).toBe('3 contacts, no reference number: ask for one');
  });

  it('a promise not yet due: wait for it', () => {
    const c = makeContact(1, '2026-11-20T09:00:00Z', {
      reference: 'R-1',
      promiseList: [['call back', '2026-11-25T20:59:59.999Z']],
    });
    const p = position(snapshot({ case: refundCase, contacts: [c] }));
    expect(p.next).toBe('follow-up');
    expect(p.reason).toContain('wait: "call back" is promised by 2026-11-25 (in 2 days)');
  });

  it('one contact and a broken promise: follow up', () => {
    const c = makeContact(1, '2026-10-06T09:00:00Z', {
      reference: 'R-1',
      promiseList: [['call back', '2026-10-08T20:59:59.999Z']],
    });
    const p = position(snapshot({ case: refundCase, contacts: [c] }));
    expect(p.next).toBe('follow-up');
    expect(p.reason).toContain('was due 2026-10-08 and not kept');
    expect(p.notes[0]).toBe('promised on 2026-10-06: "call back" by 2026-10-08 — not kept');
  });

  it('two contacts and a broken promise: ask for a supervisor', () => {
    const c1 = makeContact(1, '2026-10-06T09:00:00Z', {
      reference: 'R-1',
      promiseList: [['call back', '2026-10-08T20:59:59.999Z']],
    });
    const c2 = makeContact(2, '2026-10-12T09:00:00Z', { reference: 'R-2' });
    const p = position(snapshot({ case: refundCase, contacts: [c1, c2] }));
    expect(p.step).toBe('follow-up');
    expect(p.next).toBe('supervisor');
    expect(p.reason).toContain('quoting reference R-2');
  });

  it('after a supervisor: the written complaint', () => {
    const c = makeContact(1, '2026-11-10T09:00:00Z', { reference: 'R-1', supervisor: 'refused' });
    const p = position(snapshot({ case: refundCase, contacts: [c] }));
    expect(p.step).toBe('supervisor');
    expect(p.next).toBe('written-complaint');
    expect(p.reason).toContain('complain letter 1');
  });

  it('a legal duty of the company passed: the written complaint', () => {
    const repair = makeCase({ remedy: 'repair', amount: tl(12400) });
    const c = makeContact(1, '2026-10-06T07:00:00Z', { reference: 'R-1' });
    const p = position(snapshot({ case: repair, contacts: [c] }));
    expect(p.next).toBe('written-complaint');
    // 30 working days from 6 Oct skip Republic Day (29 Oct): due 18 Nov.
    expect(p.reason).toContain('the legal time limit passed 5 days ago');
    expect(p.reason).toContain('2026-11-18');
  });

  it('UK: 8 weeks without a final response open the ombudsman directly', () => {
    const s = snapshot({
      case: makeCase({ jurisdiction: 'GB', remedy: 'refund' }),
      sector: 'finance',
      contacts: [makeContact(1, '2026-09-01T09:00:00Z', { reference: 'R-1' })],
    });
    const p = position(s);
    expect(p.next).toBe('forum');
    expect(p.forum?.forum.id).toBe('gb-ombudsman');
    expect(p.reason).toContain('8 weeks for a regulated firm');
    expect(p.reason).toContain('by 2026-10-27');
  });

  it('a letter before its deadline: wait, then the forum', () => {
    const s = snapshot({
      case: refundCase,
      contacts: [makeContact(1, '2026-11-01T09:00:00Z', { reference: 'R-1' })],
      letters: [makeLetter(1, '2026-11-30', '2026-11-16T09:00:00Z')],
    });
    const p = position(s);
    expect(p.step).toBe('written-complaint');
    expect(p.reason).toContain("wait: the letter's deadline is 2026-11-30 (in 7 days)");
  });

  it("the letter's deadline passed: apply to the Hakem Heyeti, below the 2026 limit", () => {
    const s = snapshot({
      case: refundCase,
      letters: [makeLetter(1, '2026-11-18', '2026-11-02T09:00:00Z', '2026-11-04T09:00:00Z')],
    });
    const p = position(s);
    expect(p.next).toBe('forum');
    expect(p.forum?.forum.id).toBe('tr-hakem-heyeti');
    expect(p.reason).toBe(
      "the letter's deadline passed 5 days ago (2026-11-18) with no answer: apply to Consumer Arbitration Committee (Tüketici Hakem Heyeti) — your claim of 12,400 TL is below the 2026 limit of 186,000 TL",
    );
  });

  it('an application to a forum: wait for it; the last resort comes next', () => {
    const c = makeContact(1, '2026-11-20T09:00:00Z', {
      channel: 'web-form',
      escalation: {
        kind: 'arbitration',
        forum: 'tr-hakem-heyeti',
        platform: null,
        link: null,
        fileNumber: '2026-77',
      },
    });
    const p = position(snapshot({ case: refundCase, contacts: [c] }));
    expect(p.step).toBe('forum');
    expect(p.next).toBe('last-resort');
    expect(p.reason).toContain('(file 2026-77)');
  });

  it('a sector body in the data, and no sector on the case: says to record it', () => {
    const gb = snapshot({ case: makeCase({ jurisdiction: 'GB' }) });
    expect(position(gb).notes.join(' ')).toContain('complain clock 1 --sector');
    expect(position({ ...gb, sector: 'finance' }).notes.join(' ')).not.toContain('--sector');
  });

  it('a public post is a side step, not a rung (issue 11, defect 8)', () => {
    const c = makeContact(1, '2026-11-20T09:00:00Z', {
      channel: 'social',
      escalation: {
        kind: 'social-media',
        forum: null,
        platform: 'X',
        link: 'https://x.com/a/1',
        fileNumber: null,
      },
    });
    const p = position(snapshot({ case: refundCase, contacts: [c] }));
    expect(p.step).toBe('first-contact');
    expect(p.next).not.toBeNull();
    expect(p.notes.join(' ')).toContain('side step');
  });
});

describe('the agenda', () => {
  it('lists overdue first (most days late first), then the next 14 days, with the contact', () => {
    const c1 = makeContact(1, '2026-10-06T09:00:00Z', {
      reps: [{ name: 'Ayşe K.', repId: '4411', role: null }],
      promiseList: [
        ['call back', '2026-10-08T20:59:59.999Z'],
        ['technician visit', '2026-11-30T20:59:59.999Z'],
        ['refund', '2026-12-20T20:59:59.999Z'],
      ],
    });
    const s = snapshot({
      case: refundCase,
      contacts: [c1],
      letters: [makeLetter(1, '2026-11-18', '2026-11-02T09:00:00Z', '2026-11-04T09:00:00Z')],
    });
    const a = buildAgenda([s], loadJurisdiction, NOW, TZ);
    expect(a.overdue.map((i) => [i.kind, i.dueOn, i.daysLate])).toEqual([
      ['promise', '2026-10-08', 46],
      ['letter-deadline', '2026-11-18', 5],
    ]);
    expect(a.overdue[0]!.promise?.standing).toBe('broken-by-default');
    expect(a.overdue[0]!.what).toContain('from Ayşe K. (ID 4411)');
    expect(a.overdue[0]!.sinceContactId).toBe(1);
    expect(a.upcoming.map((i) => [i.dueOn, i.daysLeft])).toEqual([['2026-11-30', 7]]);
    expect(buildAgenda([s], loadJurisdiction, NOW, TZ, 30).upcoming).toHaveLength(2);
  });

  it('an answered letter and a lapsed right of the consumer are not due', () => {
    const s = snapshot({
      case: makeCase({ remedy: 'refund' }),
      contacts: [makeContact(2, '2026-11-10T09:00:00Z', { direction: 'inbound' })],
      letters: [makeLetter(1, '2026-11-18', '2026-11-02T09:00:00Z')],
      events: [{ event: 'delivery', onDate: '2026-10-01' }],
    });
    const a = buildAgenda([s], loadJurisdiction, NOW, TZ);
    expect(a.overdue).toEqual([]);
  });
});
