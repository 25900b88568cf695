import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { makeSandbox } from '../support/cli.js';

const ZONE = 'Europe/Istanbul';
function daysAgo(n: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(
    new Date(Date.now() - n * 86_400_000),
  );
}

const CASE = [
  '--product',
  'Kettle',
  '--situation',
  's',
  '--problem',
  'p',
  '--request',
  'r',
  '--jurisdiction',
  'TR',
];

describe('clock, show, prep, close and stats from the binary', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
    sb.json(['new', '--company', 'Acme', '--remedy', 'repair', '--amount', '12.400 TL', ...CASE]);
    sb.json(['new', '--company', 'Acme', '--remedy', 'refund', '--amount', '500 TL', ...CASE]);
    sb.json([
      'log',
      '1',
      '--channel',
      'phone',
      '--at',
      `${daysAgo(10)} 10:00`,
      '--rep',
      'Ayşe K.',
      '--reference',
      'R-1',
      '--summary',
      'Asked for a repair.',
      '--promise',
      'call back',
      '--due',
      daysAgo(8),
    ]);
  });
  afterAll(() => sb.cleanup());

  it('clock records a start date and show --json prints every clock with how it was computed', () => {
    const r = sb.run(['clock', '1', '--delivery', daysAgo(30), '--sector', 'goods']);
    expect(r.status).toBe(0);
    const show = sb.json<{
      sector: string;
      clocks: {
        id: string;
        startOn: string | null;
        startBasis: string;
        state: string;
        verified: boolean;
        explanation: string;
      }[];
    }>(['show', '1']);
    expect(show.sector).toBe('goods');
    const repair = show.clocks.find((c) => c.id === 'tr-repair-replacement')!;
    expect(repair).toMatchObject({
      startOn: daysAgo(10),
      startBasis: 'first contact #1 (phone)',
      state: 'running',
    });
    expect(repair.explanation).toContain('30 working days');
    const withdrawal = show.clocks.find((c) => c.id === 'tr-distance-withdrawal')!;
    expect(withdrawal).toMatchObject({
      startOn: daysAgo(30),
      startBasis: 'recorded',
      state: 'passed',
    });
    expect(show.clocks.find((c) => c.id === 'tr-goods-limitation')?.verified).toBe(false);
    const objection = show.clocks.find((c) => c.id === 'tr-arbitration-objection')!;
    expect(objection.state).toBe('not-started');
    expect(objection.explanation).toContain('complain clock 1 --decision-notified');
    expect(sb.run(['show', '1']).stdout).toContain('Legal clocks');
  });

  it('prep prints the call sheet with the broken promise', () => {
    const sheet = sb.json<{
      facts: { brokenPromises: { text: string }[]; references: { reference: string }[] };
    }>(['prep', '1']);
    expect(sheet.facts.brokenPromises.map((p) => p.text)).toEqual(['call back']);
    expect(sheet.facts.references.map((r) => r.reference)).toEqual(['R-1']);
    const text = sb.run(['prep', '1']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Situation: s');
    expect(text.stdout.split('\n').length).toBeLessThan(40);
  });

  it('close refuses "resolved" without the remedy, then closes; stats sums it up', () => {
    const missing = sb.run(['close', '2', '--as', 'resolved', '--rating', '2']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--received, --received-on, --amount');
    const closed = sb.json<{ status: string; closure: { closedAs: string; rating: number } }>([
      'close',
      '2',
      '--as',
      'resolved',
      '--received',
      'refund to my card',
      '--received-on',
      daysAgo(0),
      '--amount',
      '500 TL',
      '--rating',
      '4',
    ]);
    expect(closed).toMatchObject({
      status: 'resolved',
      closure: { closedAs: 'resolved', rating: 4 },
    });
    expect(sb.run(['close', '2', '--as', 'abandoned', '--rating', '1']).status).toBe(1);
    const stats = sb.json<Record<string, unknown>[]>(['stats']);
    expect(stats).toEqual([
      expect.objectContaining({
        company: 'Acme',
        cases: 2,
        open: 1,
        resolved: 1,
        medianDaysToResolution: 0,
        promisesBroken: 1,
        promisesBrokenByDefault: 1,
        averageRating: 4,
      }),
    ]);
    const due = sb.json<{ overdue: { caseId: number }[]; upcoming: { caseId: number }[] }>(['due']);
    expect([...due.overdue, ...due.upcoming].every((i) => i.caseId === 1)).toBe(true);
  });
});
