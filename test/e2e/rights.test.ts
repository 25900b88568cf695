import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { makeSandbox, newCaseArgs } from '../support/cli.js';

const ZONE = 'Europe/Istanbul';
function daysAgo(n: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(
    new Date(Date.now() - n * 86_400_000),
  );
}

interface Right {
  id: string;
  state: string;
  windowStart: string | null;
  windowEnd: string | null;
  exercisedOn: string | null;
}
interface Clock {
  id: string;
  state: string;
}

describe('issue 13: rights from the facts — clock, show and the letter agree', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
    sb.json(
      newCaseArgs({
        jurisdiction: 'GB',
        product: 'Laptop ProBook X14',
        amount: '£899',
        remedy: 'refund',
      }),
    );
    sb.json(newCaseArgs({ jurisdiction: 'GB', product: 'Phone', remedy: 'refund' }));
  });
  afterAll(() => sb.cleanup());

  it('a UK rejection within 30 days: the clock is exercised, show lists it, the letter cites the short-term right', () => {
    const clock = sb.json<{ sale: string; clocks: Clock[]; rights: Right[] }>([
      'clock',
      '1',
      '--sale',
      'shop',
      '--delivery',
      daysAgo(40),
      '--rejected',
      daysAgo(30),
    ]);
    expect(clock.sale).toBe('shop');
    expect(clock.clocks.find((c) => c.id === 'gb-short-term-reject')?.state).toBe('exercised');
    // Bought in a shop: no 14-day cancellation.
    expect(clock.clocks.map((c) => c.id)).not.toContain('gb-online-cancellation');
    const show = sb.json<{ rights: Right[] }>(['show', '1']);
    expect(show.rights.find((r) => r.id === 'gb-short-term-reject')).toMatchObject({
      state: 'exercised',
      windowStart: daysAgo(40),
      windowEnd: daysAgo(10),
      exercisedOn: daysAgo(30),
    });
    expect(show.rights.map((r) => r.id)).not.toContain('gb-distance-cancellation');
    const letter = sb.run(['letter', '1', '--deadline', '14d', '--send-via', 'recorded-delivery']);
    expect(letter.status, letter.stderr).toBe(0);
    const text = letter.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('short-term right to reject (ss.20–22)');
    expect(text).toContain('full refund without any deduction');
    expect(text).not.toContain('final right');
    // The court is named, with its rule, instead of "the appropriate channels".
    expect(text).toContain('small claims procedure');
  });

  it('the same case without the rejection: the clock has passed and the letter does not claim it', () => {
    sb.json(['clock', '2', '--sale', 'shop', '--delivery', daysAgo(40)]);
    const show = sb.json<{ clocks: Clock[]; rights: Right[] }>(['show', '2']);
    expect(show.clocks.find((c) => c.id === 'gb-short-term-reject')?.state).toBe('passed');
    expect(show.rights.find((r) => r.id === 'gb-short-term-reject')?.state).toBe('lapsed');
    const text = sb.run(['letter', '2', '--deadline', '14d']).stdout.replace(/\s+/g, ' ');
    expect(text).not.toContain('short-term right');
    expect(text).toContain('repair or replace them');
  });

  it('--sale takes shop, distance or off-premises only: one line, exit 2, nothing written', () => {
    const r = sb.run(['clock', '2', '--sale', 'online']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(r.stderr).toContain('--sale');
    expect(sb.json<{ sale: string }>(['clock', '2']).sale).toBe('shop');
  });
});

describe('issue 13: a lapsed statutory period is stated, not granted again', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
    sb.json(
      newCaseArgs({ product: 'Çamaşır makinesi', remedy: 'replacement', amount: '25000 TL' }),
    );
    sb.json([
      'log',
      '1',
      '--channel',
      'phone',
      '--at',
      `${daysAgo(80)} 10:00`,
      '--summary',
      'Reported the fault.',
    ]);
  });
  afterAll(() => sb.cleanup());

  it('TR: the 30 working days ran out; the letter states start and end and demands performance within 7 days', () => {
    const clocks = sb.json<{ clocks: Clock[] }>(['clock', '1']).clocks;
    expect(clocks.find((c) => c.id === 'tr-repair-replacement')?.state).toBe('passed');
    const r = sb.json<{ deadline: { basis: string; on: string; spec: string } }>([
      'letter',
      '1',
      '--lang',
      'tr',
      '-o',
      `${sb.dir}/l.docx`,
    ]);
    expect(r.deadline).toMatchObject({ basis: 'lapsed', spec: '7d', on: daysAgo(-7) });
    const text = sb.run(['letter', '1', '--lang', 'tr']).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('30 iş günlük süre');
    expect(text).toContain('ifa edilmeksizin dolmuştur');
    expect(text).toContain('7 gün içinde');
    expect(text).not.toContain('bu talebimden itibaren 30 iş günü');
  });
});
