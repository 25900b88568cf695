import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { makeSandbox, newCaseArgs } from '../support/cli.js';

const ZONE = 'Europe/Istanbul';
/** The day n days ago in the test's zone, at a time of day. */
function daysAgo(n: number, time = '10:00'): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(
    new Date(Date.now() - n * 86_400_000),
  );
  return `${day} ${time}`;
}

interface AgendaJson {
  overdue: { kind: string; sinceContactId: number; what: string; standard: unknown }[];
  upcoming: { kind: string }[];
}

describe('a company held to its own e-mail standard (issue 11)', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
    sb.json(newCaseArgs({ company: 'Acme', jurisdiction: 'TR' }));
    // Two e-mails, 20 and 10 days ago, never answered within 3 days; then a late answer.
    for (const [n, summary] of [
      [20, 'Asked for the refund by e-mail.'],
      [10, 'Asked again by e-mail.'],
    ] as const)
      sb.json([
        'log',
        '1',
        '--channel',
        'email',
        '--at',
        daysAgo(n),
        '--summary',
        summary,
        '--reference',
        `E-${n}`,
      ]);
  });
  afterAll(() => sb.cleanup());

  it('standard add records it; list shows it; bad input is one line, nothing written', () => {
    const s = sb.json<{ id: number; within: string; source: string; channel: string }>([
      'standard',
      'add',
      'Acme',
      '--channel',
      'email',
      '--within',
      '3d',
      '--source',
      'their site, service charter, 2026-11',
    ]);
    expect(s).toMatchObject({ id: 1, within: '3d', channel: 'email' });
    const missing = sb.run(['standard', 'add', 'Acme', '--channel', 'email']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--within, --source');
    const bad = sb.run([
      'standard',
      'add',
      'Acme',
      '--channel',
      'fax',
      '--within',
      '1d',
      '--source',
      'x',
    ]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(
      sb.run(['standard', 'add', 'Nobody', '--channel', 'email', '--within', '1d', '--source', 'x'])
        .stderr,
    ).toContain('Acme');
    const list = sb.json<unknown[]>(['standard', 'list', 'acme']);
    expect(list).toHaveLength(1);
    expect(sb.run(['standard', 'list']).stdout).toContain('their site, service charter, 2026-11');
    expect(sb.run(['standard', 'add', '--help']).stdout).toContain('complain standard add Acme');
  });

  it('due shows both missed answers with the standard and its source', () => {
    const due = sb.json<AgendaJson>(['due']);
    const rows = due.overdue.filter((i) => i.kind === 'standard');
    expect(rows.map((r) => r.sinceContactId)).toEqual([1, 2]);
    expect(rows[0]!.what).toContain('their site, service charter, 2026-11');
    expect(rows[0]!.standard).toMatchObject({ id: 1, within: '3d', state: 'missed' });
  });

  it('the letter cites both missed standards, in English and in Turkish', () => {
    const en = sb.json<{
      blocks: { kind: string; lines: string[] }[];
      missedStandards: { contactId: number; within: string }[];
    }>(['letter', '1', '--lang', 'en', '--deadline', '14d']);
    expect(en.missedStandards.map((m) => m.contactId)).toEqual([1, 2]);
    const contacts = en.blocks.find((b) => b.kind === 'contacts')!.lines.join('\n');
    expect(
      contacts.match(
        /By your own service standard \(their site, service charter, 2026-11\) you answer within 3 days/g,
      ),
    ).toHaveLength(2);
    const tr = sb.json<{ blocks: { kind: string; lines: string[] }[] }>([
      'letter',
      '1',
      '--lang',
      'tr',
      '--deadline',
      '14d',
    ]);
    // TR sends through a notary by default: the ihtarname lists the contacts among its explanations.
    const trContacts = tr.blocks
      .filter((b) => b.kind === 'contacts' || b.kind === 'explanations')
      .flatMap((b) => b.lines)
      .join('\n');
    expect(
      trContacts.match(
        /Kendi hizmet standardınıza \(their site, service charter, 2026-11\) göre 3 gün içinde/g,
      ),
    ).toHaveLength(2);
  });

  it('stats count the standard per company; an answer in time counts as kept', () => {
    expect(
      sb.json<{ standardsKept: number; standardsMissed: number }[]>(['stats'])[0],
    ).toMatchObject({
      standardsKept: 0,
      standardsMissed: 2,
    });
    sb.json([
      'log',
      '1',
      '--channel',
      'email',
      '--at',
      daysAgo(3),
      '--summary',
      'Asked a third time.',
    ]);
    sb.json([
      'log',
      '1',
      '--channel',
      'email',
      '--direction',
      'inbound',
      '--at',
      daysAgo(2),
      '--summary',
      'They answered.',
    ]);
    expect(
      sb.json<{ standardsKept: number; standardsMissed: number }[]>(['stats'])[0],
    ).toMatchObject({
      standardsKept: 1,
      standardsMissed: 2,
    });
    // Answered (late) now: due no longer lists the two old e-mails.
    expect(sb.json<AgendaJson>(['due']).overdue.filter((i) => i.kind === 'standard')).toEqual([]);
  });

  it('standard remove needs --yes without a terminal, then removes it', () => {
    expect(sb.run(['standard', 'remove', '1']).status).toBe(2);
    expect(sb.json<unknown[]>(['standard', 'list'])).toHaveLength(1);
    expect(sb.json<{ id: number; removed: boolean }>(['standard', 'remove', '1', '--yes'])).toEqual(
      {
        id: 1,
        removed: true,
      },
    );
    expect(sb.json<unknown[]>(['standard', 'list'])).toEqual([]);
    expect(sb.run(['standard', 'remove', '1', '--yes']).status).toBe(1);
  });
});
