import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { makeSandbox, newCaseArgs } from '../support/cli.js';

const ZONE = 'Europe/Istanbul';
function daysAgo(n: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(
    new Date(Date.now() - n * 86_400_000),
  );
}

describe('issue 11: closing, the state of a case and what is due', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
    sb.json(newCaseArgs());
    sb.json([
      'log',
      '1',
      '--channel',
      'phone',
      '--at',
      `${daysAgo(13)} 10:00`,
      '--reference',
      'R-1',
      '--summary',
      'Promised a refund.',
      '--promise',
      'refund',
      '--due',
      daysAgo(11),
    ]);
  });
  afterAll(() => sb.cleanup());

  it('edit --status resolved is refused with a pointer to close, and changes nothing (defect 4)', () => {
    const r = sb.run(['edit', '1', '--status', 'resolved']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('complain close 1');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(sb.json<{ status: string }>(['show', '1']).status).toBe('open');
    expect(sb.run(['edit', '1', '--status', 'abandoned']).status).toBe(2);
  });

  it('close, then list, stats, due, next, prep and show agree: closed, nothing due (defects 4, 5)', () => {
    sb.json([
      'close',
      '1',
      '--as',
      'resolved',
      '--received',
      'refund',
      '--received-on',
      daysAgo(1),
      '--amount',
      '10 TL',
      '--rating',
      '3',
    ]);
    const list = sb.run(['list', '--all']);
    expect(list.status).toBe(0);
    expect(list.stdout).not.toMatch(/overdue/);
    const row = sb.json<{ status: string; nextDue: unknown; overdue: boolean }[]>(['list'])[0]!;
    expect(row).toMatchObject({ status: 'resolved', nextDue: null, overdue: false });
    const stats = sb.json<{ open: number; resolved: number }[]>(['stats'])[0]!;
    expect(stats).toMatchObject({ open: 0, resolved: 1 });
    const due = sb.json<{ overdue: unknown[]; upcoming: unknown[] }>(['due']);
    expect(due.overdue).toEqual([]);
    const show = sb.json<{
      nextDue: unknown;
      promises: { overdue: boolean }[];
      clocks: unknown[];
    }>(['show', '1']);
    expect(show.nextDue).toBeNull();
    expect(show.promises.every((p) => !p.overdue)).toBe(true);
    expect(show.clocks).toEqual([]);
    expect(sb.run(['show', '1']).stdout).not.toMatch(/overdue/);
    const next = sb.json<{ next: unknown; notes: string[]; reason: string }>(['next', '1']);
    expect(next.next).toBeNull();
    expect(next.notes).toEqual([]);
    expect(next.reason).toMatch(/closed/);
    const prep = sb.json<{ goal: string }>(['prep', '1']);
    expect(prep.goal).toMatch(/nothing is due/);
  });

  it('edit --status open reopens the case: stats and list count it open again (defect 4)', () => {
    expect(sb.run(['edit', '1', '--status', 'open']).status).toBe(0);
    expect(sb.json<{ open: number; resolved: number }[]>(['stats'])[0]).toMatchObject({
      open: 1,
      resolved: 0,
    });
    const row = sb.json<{ status: string; overdue: boolean }[]>(['list'])[0]!;
    expect(row).toMatchObject({ status: 'open', overdue: true });
  });
});
