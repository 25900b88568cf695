import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { clocksFor, computeClock } from '../../src/domain/clocks.js';
import type { ClockRule, Jurisdiction } from '../../src/domain/jurisdiction-rules.js';
import { loadJurisdiction } from '../../src/templates.js';
import { ROOT } from '../support/cli.js';
import { makeCase, makeContact, makeLetter, snapshot } from '../support/snapshot.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const TR = loadJurisdiction('TR');
const GB = loadJurisdiction('GB');
const US = loadJurisdiction('US');
const KZ = loadJurisdiction('KZ');

function rule(j: Jurisdiction, id: string): ClockRule {
  const r = j.clocks.find((c) => c.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

/** Every rule in the data, with a start and the date it must give: a new rule needs a row. */
const EVERY_RULE: [string, string, string, string][] = [
  ['TR', 'tr-repair-replacement', '2026-10-06', '2026-11-18'], // skips Republic Day, Thu 29 Oct
  ['TR', 'tr-max-repair', '2026-11-02', '2026-11-25'], // Saturdays count (Garanti Belgesi Yönetmeliği Art. 4)
  ['TR', 'tr-distance-withdrawal', '2026-01-31', '2026-02-14'],
  ['TR', 'tr-distance-refund', '2026-02-20', '2026-03-06'],
  ['TR', 'tr-arbitration-objection', '2026-12-20', '2027-01-04'],
  ['TR', 'tr-defect-presumption', '2026-08-31', '2027-02-28'],
  ['TR', 'tr-goods-limitation', '2028-02-29', '2030-02-28'],
  ['TR', 'tr-services-limitation', '2026-03-15', '2028-03-15'],
  ['GB', 'gb-short-term-reject', '2026-01-31', '2026-03-02'],
  ['GB', 'gb-final-response', '2026-12-31', '2027-02-25'],
  ['GB', 'gb-ombudsman-window', '2026-08-31', '2027-02-28'],
  ['GB', 'gb-online-cancellation', '2026-12-25', '2027-01-08'],
  ['GB', 'gb-burden-of-proof', '2027-08-31', '2028-02-29'],
  ['US', 'us-billing-dispute', '2026-11-01', '2026-12-31'],
  ['US', 'us-cfpb-response', '2026-12-20', '2027-01-04'],
  ['KZ', 'kz-claim-answer', '2026-11-25', '2026-12-05'],
  ['EU', 'eu-conformity', '2024-02-29', '2026-02-28'],
  ['EU', 'eu-withdrawal', '2026-02-20', '2026-03-06'],
  // The card route (schema 9): a recorded start date stands in for the statement or the letter.
  ['US', 'us-card-billing-error', '2026-10-05', '2026-12-04'],
  ['US', 'us-card-acknowledge', '2026-11-23', '2026-12-23'],
  ['US', 'us-card-resolve', '2026-11-23', '2027-02-21'],
  ['US', 'us-card-chargeback', '2026-10-01', '2027-01-29'],
  ['GB', 'gb-card-s75-limitation', '2026-10-01', '2032-10-01'],
  ['GB', 'gb-card-final-response', '2026-11-23', '2027-01-18'],
  ['GB', 'gb-card-chargeback', '2026-10-01', '2027-01-29'],
  ['TR', 'tr-card-chargeback', '2026-10-01', '2027-01-29'],
  ['KZ', 'kz-card-chargeback', '2026-10-01', '2027-01-29'],
  ['EU', 'eu-card-chargeback', '2026-10-01', '2027-01-29'],
];

describe('every clock in the data', () => {
  it.each(EVERY_RULE)('%s %s: from %s runs to %s', (code, id, start, due) => {
    const j = loadJurisdiction(code);
    const r = rule(j, id);
    const s = snapshot({
      case: makeCase({ jurisdiction: code }),
      events: [{ event: r.start, onDate: start }],
    });
    const c = computeClock(r, s, j, NOW, 'UTC');
    expect(c.start).toMatchObject({ on: start, basis: 'recorded' });
    expect(c.dueOn).toBe(due);
    expect(c.explanation).toContain(r.source);
    expect(c.explanation).toContain(r.verified ? 'verified' : 'UNVERIFIED');
  });

  it('has a row for each rule of each jurisdiction', () => {
    const all = ['TR', 'GB', 'US', 'KZ', 'EU', 'IR'].flatMap((code) =>
      loadJurisdiction(code).clocks.map((c) => c.id),
    );
    expect(EVERY_RULE.map((r) => r[1]).sort()).toEqual(all.sort());
  });
});

describe('legal clocks', () => {
  it('Turkey: 30 working days for repair from the first contact (Tue 6 Oct → Wed 18 Nov, past Republic Day on 29 Oct)', () => {
    const s = snapshot({ contacts: [makeContact(1, '2026-10-06T07:00:00Z')] });
    const c = computeClock(rule(TR, 'tr-repair-replacement'), s, TR, NOW, 'Europe/Istanbul');
    expect(c.start).toMatchObject({ on: '2026-10-06', contactId: 1, event: 'request' });
    expect(c.dueOn).toBe('2026-11-18');
    expect(c.dueAt?.toISOString()).toBe('2026-11-18T20:59:59.999Z');
    expect(c.skippedHolidays.map((h) => h.date)).toEqual(['2026-10-29']);
    expect(c.explanation).toContain('skipped: 2026-10-29 Republic Day');
    expect(c.state).toBe('passed');
    expect(c.owes).toBe('company');
    expect(c.explanation).toContain('30 working days');
    expect(c.explanation).toContain('Law No. 6502');
  });

  it('working days started on a Saturday count from Monday (Sat 3 Oct → Mon 16 Nov)', () => {
    const s = snapshot({ events: [{ event: 'request', onDate: '2026-10-03' }] });
    const c = computeClock(rule(TR, 'tr-repair-replacement'), s, TR, NOW, 'Europe/Istanbul');
    expect(c.dueOn).toBe('2026-11-16');
    expect(c.start.basis).toBe('recorded');
  });

  it('a Friday weekend (Iran) skips Friday only', () => {
    const ir: Jurisdiction = { ...TR, code: 'IR', weekend: [5], holidays: [] };
    const r: ClockRule = { ...rule(TR, 'tr-repair-replacement'), amount: 2 };
    const s = snapshot({ events: [{ event: 'request', onDate: '2026-11-19' }] });
    expect(computeClock(r, s, ir, NOW, 'Asia/Tehran').dueOn).toBe('2026-11-22');
  });

  it('holidays in the data do not count', () => {
    const withHoliday: Jurisdiction = { ...TR, holidays: ['2026-10-29'] };
    const s = snapshot({ events: [{ event: 'request', onDate: '2026-10-06' }] });
    const c = computeClock(rule(TR, 'tr-repair-replacement'), s, withHoliday, NOW, 'UTC');
    expect(c.dueOn).toBe('2026-11-18');
    expect(c.explanation).toContain('skipped: 2026-10-29');
  });

  it('a later letter does not give the seller the period again: the first request starts it', () => {
    const s = snapshot({
      contacts: [makeContact(1, '2026-10-06T07:00:00Z')],
      letters: [makeLetter(2, '2026-11-10', '2026-10-20T09:00:00Z', '2026-10-22T09:00:00Z')],
    });
    const c = computeClock(rule(TR, 'tr-repair-replacement'), s, TR, NOW, 'Europe/Istanbul');
    expect(c.start).toMatchObject({ on: '2026-10-06', contactId: 1 });
    expect(c.dueOn).toBe('2026-11-18'); // 29 Oct (Republic Day) does not count
    expect(c.state).toBe('passed');
  });

  it('a letter with nothing logged before it: its delivery starts the clock', () => {
    const s = snapshot({
      contacts: [],
      letters: [makeLetter(2, '2026-11-10', '2026-10-20T09:00:00Z', '2026-10-22T09:00:00Z')],
    });
    const c = computeClock(rule(TR, 'tr-repair-replacement'), s, TR, NOW, 'Europe/Istanbul');
    expect(c.start).toMatchObject({ on: '2026-10-22', letterId: 2, basis: 'letter #2 delivered' });
    expect(c.dueOn).toBe('2026-12-04');
    expect(c.state).toBe('running');
  });

  it('UK: 8 weeks from a complaint on 31 Dec, then 6 months to the ombudsman from 31 Aug', () => {
    const s = snapshot({
      case: makeCase({ jurisdiction: 'GB' }),
      sector: 'finance',
      contacts: [makeContact(1, '2026-12-31T10:00:00Z')],
      events: [{ event: 'final-response', onDate: '2026-08-31' }],
    });
    const clocks = clocksFor(s, GB, NOW, 'Europe/London');
    expect(clocks.find((c) => c.rule.id === 'gb-final-response')?.dueOn).toBe('2027-02-25');
    const window = clocks.find((c) => c.rule.id === 'gb-ombudsman-window');
    expect(window?.dueOn).toBe('2027-02-28');
    expect(window?.owes).toBe('consumer');
  });

  it('month ends into a leap year: 6 months from 31 Aug 2027 is 29 Feb 2028', () => {
    const s = snapshot({
      case: makeCase({ jurisdiction: 'GB' }),
      sector: 'energy',
      events: [{ event: 'final-response', onDate: '2027-08-31' }],
    });
    const c = computeClock(rule(GB, 'gb-ombudsman-window'), s, GB, NOW, 'Europe/London');
    expect(c.dueOn).toBe('2028-02-29');
  });

  it('from a leap day: 2 years from 29 Feb 2028 is 28 Feb 2030', () => {
    const s = snapshot({ events: [{ event: 'delivery', onDate: '2028-02-29' }] });
    const c = computeClock(rule(TR, 'tr-goods-limitation'), s, TR, NOW, 'Europe/Istanbul');
    expect(c.dueOn).toBe('2030-02-28');
    expect(c.rule.verified).toBe(false);
    expect(c.explanation).toContain('UNVERIFIED');
  });

  it('sector rules apply only to their sector (US: 60 days to dispute a card bill)', () => {
    const base = {
      case: makeCase({ jurisdiction: 'US' }),
      events: [{ event: 'bill' as const, onDate: '2026-11-01' }],
    };
    expect(clocksFor(snapshot(base), US, NOW, 'America/New_York')).toHaveLength(0);
    const finance = clocksFor(
      snapshot({ ...base, sector: 'finance' }),
      US,
      NOW,
      'America/New_York',
    );
    expect(finance.find((c) => c.rule.id === 'us-billing-dispute')?.dueOn).toBe('2026-12-31');
  });

  it('Kazakhstan: 10 calendar days to answer the written claim, across a month end', () => {
    const s = snapshot({
      case: makeCase({ jurisdiction: 'KZ' }),
      letters: [makeLetter(1, '2026-12-10', '2026-11-20T05:00:00Z', '2026-11-25T05:00:00Z')],
    });
    const c = computeClock(rule(KZ, 'kz-claim-answer'), s, KZ, NOW, 'Asia/Almaty');
    expect(c.dueOn).toBe('2026-12-05');
  });

  it('an unknown start event says what to record', () => {
    const c = computeClock(rule(TR, 'tr-distance-withdrawal'), snapshot(), TR, NOW, 'UTC');
    expect(c.state).toBe('not-started');
    expect(c.dueOn).toBeNull();
    expect(c.explanation).toContain('complain clock 1 --delivery YYYY-MM-DD');
  });

  it('remedy rules apply only to their remedies', () => {
    const refund = snapshot({ case: makeCase({ remedy: 'refund' }) });
    const ids = clocksFor(refund, TR, NOW, 'UTC').map((c) => c.rule.id);
    expect(ids).not.toContain('tr-repair-replacement');
    expect(ids).toContain('tr-distance-refund');
  });

  it.each([
    // A contact at 22:30 UTC on 5 Oct is 6 Oct in Istanbul and Tehran, still 5 Oct in New York.
    // 30 working days skip Republic Day (Thu 29 Oct).
    ['Europe/Istanbul', '2026-10-06', '2026-11-18', '2026-11-18T20:59:59.999Z'],
    ['Asia/Tehran', '2026-10-06', '2026-11-18', '2026-11-18T20:29:59.999Z'],
    ['America/New_York', '2026-10-05', '2026-11-17', '2026-11-18T04:59:59.999Z'],
    ['UTC', '2026-10-05', '2026-11-17', '2026-11-17T23:59:59.999Z'],
  ])('the start day and the deadline are in the consumer zone: %s', (tz, start, due, dueAt) => {
    const s = snapshot({ contacts: [makeContact(1, '2026-10-05T22:30:00Z')] });
    const c = computeClock(rule(TR, 'tr-repair-replacement'), s, TR, NOW, tz);
    expect(c.start.on).toBe(start);
    expect(c.dueOn).toBe(due);
    expect(c.dueAt?.toISOString()).toBe(dueAt);
  });

  it('gives the same dates whatever the host zone (TZ=UTC, Asia/Tehran, America/New_York)', () => {
    const script = `
      import { computeClock } from './dist/domain/clocks.js';
      import { loadJurisdiction } from './dist/templates.js';
      const TR = loadJurisdiction('TR');
      const GB = loadJurisdiction('GB');
      const contact = { id: 1, direction: 'outbound', channel: 'phone', startedAt: new Date('2026-10-05T22:30:00Z'), promises: [] };
      const base = { case: { id: 1, remedy: 'repair', jurisdiction: 'TR' }, contacts: [contact], letters: [], sector: 'finance' };
      const out = [];
      for (const tz of ['Europe/Istanbul', 'Asia/Tehran', 'America/New_York']) {
        const r = computeClock(TR.clocks[0], { ...base, events: [] }, TR, new Date('2026-11-23T12:00:00Z'), tz);
        out.push([r.start.on, r.dueOn, r.dueAt.toISOString()]);
        const g = GB.clocks.find((c) => c.id === 'gb-ombudsman-window');
        const w = computeClock(g, { ...base, events: [{ event: 'final-response', onDate: '2027-08-31' }] }, GB, new Date('2026-11-23T12:00:00Z'), tz);
        out.push([w.dueOn, w.dueAt.toISOString()]);
      }
      console.log(JSON.stringify(out));`;
    const results = ['UTC', 'Asia/Tehran', 'America/New_York'].map((TZ) => {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, TZ },
      });
      expect(r.stderr).toBe('');
      return r.stdout;
    });
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
    expect(JSON.parse(results[0]!)[0]).toEqual([
      '2026-10-06',
      '2026-11-18',
      '2026-11-18T20:59:59.999Z',
    ]);
  });
});
