import Database from 'better-sqlite3';
import ICAL from 'ical.js';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { makeSandbox } from '../support/cli.js';

/** The sandbox runs in Europe/Istanbul; dates are relative to the real now of the binary. */
const ZONE = 'Europe/Istanbul';
function daysAgo(n: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(
    new Date(Date.now() - n * 86_400_000),
  );
}

interface Row {
  kind: string;
  caseId: number;
  dueOn: string;
  daysLate: number;
  standing: string | null;
  sinceContactId: number | null;
  letterId: number | null;
  promiseId: number | null;
  what: string;
}

describe('due and next on a case with a broken promise and a letter past its deadline', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
    sb.json([
      'new',
      '--company',
      'Acme Elektronik',
      '--product',
      'Kettle K-200',
      '--purchased',
      daysAgo(40),
      '--amount',
      '12.400 TL',
      '--situation',
      'I bought a kettle.',
      '--problem',
      'It stopped heating.',
      '--request',
      'Refund the full price.',
      '--remedy',
      'refund',
      '--jurisdiction',
      'TR',
    ]);
    sb.json([
      'log',
      '1',
      '--channel',
      'phone',
      '--at',
      `${daysAgo(20)} 10:00`,
      '--rep',
      'Ayşe K.',
      '--rep-id',
      '4411',
      '--reference',
      'TCK-88812',
      '--summary',
      'Promised a call back.',
      '--promise',
      'call back',
      '--due',
      daysAgo(18),
    ]);
    // The letter command lives on another branch: write its row as it does (schema 1 columns;
    // sent_at and delivered_at as calendar dates).
    const db = new Database(join(sb.dataDir, 'complain.db'));
    db.prepare(
      `INSERT INTO letter (case_id, language, created_at, deadline_on, remedy, sent_at, sent_via, delivered_at)
       VALUES (1, 'tr', ?, ?, 'refund', ?, 'registered-mail', ?)`,
    ).run(`${daysAgo(12)}T09:00:00.000Z`, daysAgo(5), daysAgo(12), daysAgo(10));
    db.close();
  });
  afterAll(() => sb.cleanup());

  it('due --json: overdue first, the promise broken by default, the letter 5 days late', () => {
    const r = sb.run(['due', '--json']);
    expect(r.status).toBe(0);
    const agenda = JSON.parse(r.stdout) as { overdue: Row[]; upcoming: Row[] };
    expect(agenda.overdue.map((i) => [i.kind, i.dueOn, i.daysLate])).toEqual([
      ['promise', daysAgo(18), 18],
      ['letter-deadline', daysAgo(5), 5],
    ]);
    expect(agenda.overdue[0]).toMatchObject({
      standing: 'broken-by-default',
      sinceContactId: 1,
      promiseId: 1,
    });
    expect(agenda.overdue[0]!.what).toContain('Ayşe K. (ID 4411)');
    expect(agenda.overdue[1]).toMatchObject({ letterId: 1, caseId: 1 });
  });

  it('next --json: the forum, with the claim against the year limit', () => {
    const next = sb.json<{ step: string; next: string; reason: string; forum: { id: string } }>([
      'next',
      '1',
    ]);
    expect(next.step).toBe('written-complaint');
    expect(next.next).toBe('forum');
    expect(next.forum.id).toBe('tr-hakem-heyeti');
    expect(next.reason).toContain(`the letter's deadline passed 5 days ago (${daysAgo(5)})`);
    expect(next.reason).toContain(
      'apply to Consumer Arbitration Committee (Tüketici Hakem Heyeti)',
    );
    if (daysAgo(0).startsWith('2026'))
      expect(next.reason).toContain(
        'your claim of 12,400 TL is below the 2026 limit of 186,000 TL',
      );
  });

  it('due --ics writes a calendar file (0600) that a parser reads back with the same dates', () => {
    const file = join(sb.dir, 'deadlines.ics');
    const r = sb.run(['due', '--ics', file]);
    expect(r.status).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const cal = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.startDate.toString(), e.startDate.isDate])).toEqual([
      ['promise-1@complain', daysAgo(18), true],
      ['letter-1@complain', daysAgo(5), true],
    ]);
    expect(events[0]!.summary).toContain('call back');
  });

  it('due --ics into a missing folder fails with exit 1 and leaves nothing', () => {
    const r = sb.run(['due', '--ics', join(sb.dir, 'nope', 'x.ics')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the folder does not exist');
  });

  it('due prints a table with overdue first, and explains the clocks', () => {
    const r = sb.run(['due', '--explain']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Overdue \(2\)/);
    expect(r.stdout).toContain('18 days late');
  });

  it('a promise marked kept leaves the agenda; --pending brings it back', () => {
    expect(sb.run(['promise', '1', '--kept']).status).toBe(0);
    let agenda = sb.json<{ overdue: Row[] }>(['due']);
    expect(agenda.overdue.map((i) => i.kind)).toEqual(['letter-deadline']);
    expect(sb.run(['promise', '1', '--pending']).status).toBe(0);
    agenda = sb.json<{ overdue: Row[] }>(['due']);
    expect(agenda.overdue.map((i) => i.kind)).toEqual(['promise', 'letter-deadline']);
    const missing = sb.run(['promise', '1']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--kept or --broken');
  });

  it('logged escalations are contacts: a forum application moves the ladder', () => {
    const c = sb.json<{ id: number; escalation: { kind: string; fileNumber: string } }>([
      'log',
      '1',
      '--escalation',
      'arbitration',
      '--forum',
      'tr-hakem-heyeti',
      '--file-number',
      'THH-2026-77',
      '--summary',
      'Applied through e-Devlet.',
    ]);
    expect(c.escalation).toMatchObject({ kind: 'arbitration', fileNumber: 'THH-2026-77' });
    const next = sb.json<{ step: string; next: string; reason: string }>(['next', '1']);
    expect(next.step).toBe('forum');
    expect(next.next).toBe('last-resort');
    expect(next.reason).toContain('file THH-2026-77');
  });
});
