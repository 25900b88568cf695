import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { BIN, makeSandbox, newCaseArgs } from '../support/cli.js';
import { Terminal } from '../support/tmux.js';

const ZONE = 'Europe/London';
function daysAgo(n: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(
    new Date(Date.now() - n * 86_400_000),
  );
}

interface Right {
  id: string;
  state: string;
  exercisedOn: string | null;
}

describe('issue 13: log records the exercise of a right (the wizard offers it, --exercises says it)', () => {
  let sb: CliSandbox;
  let term: Terminal | undefined;
  const env = { TZ: ZONE };
  beforeAll(() => {
    sb = makeSandbox();
    // 1: a UK laptop bought in a shop 10 days ago, refund asked; 2: a Turkish repair case.
    sb.json(
      newCaseArgs({
        jurisdiction: 'GB',
        product: 'Laptop ProBook X14',
        amount: '£899',
        remedy: 'refund',
      }),
      { env },
    );
    sb.json(['clock', '1', '--sale', 'shop', '--delivery', daysAgo(10)], { env });
    sb.json(newCaseArgs({ jurisdiction: 'TR', product: 'Çamaşır makinesi', remedy: 'repair' }), {
      env,
    });
  });
  afterAll(() => {
    term?.close();
    sb.cleanup();
  });

  it('in a real terminal: after an outbound e-mail on a UK refund case it asks, and "yes" records the rejection', async () => {
    term = new Terminal(
      [
        process.execPath,
        BIN,
        '--data-dir',
        sb.dataDir,
        'log',
        '1',
        '--channel',
        'email',
        '--summary',
        'Rejected the laptop in writing.',
        '--yes',
      ],
      { NO_COLOR: '1', TZ: ZONE },
      { cols: 140, rows: 40, cwd: sb.dir },
    );
    // The contact's own questions, each left at its default.
    for (const q of [
      'When did it start?',
      'Who did you speak to?',
      'Department',
      'Reference or ticket number',
      'What are the next steps?',
      'Who is responsible?',
      'How long will it take?',
      'Did they promise anything?',
      'How did it end?',
      'Did you ask for a supervisor?',
      'Was anyone rude?',
    ])
      await term.answer(q, '');
    await term.answer('Did you reject the goods in this contact', 'y');
    expect(await term.exitStatus(20_000)).toBe(0);
    expect(term.screen()).toContain(
      `Recorded on case #1: you rejected the goods on ${daysAgo(0)} (as complain clock 1 --rejected ${daysAgo(0)} does).`,
    );
    const show = sb.json<{ rights: Right[] }>(['show', '1'], { env });
    expect(show.rights.find((r) => r.id === 'gb-short-term-reject')).toMatchObject({
      state: 'exercised',
      exercisedOn: daysAgo(0),
    });
    // `clock` reads the same record: the 30-day right is exercised, not passed.
    const clock = sb.json<{ rights: Right[] }>(['clock', '1'], { env });
    expect(clock.rights.find((x) => x.id === 'gb-short-term-reject')?.state).toBe('exercised');
  }, 90_000);

  it('--exercises repair-requested records the repair request without a terminal', () => {
    const r = sb.run(
      [
        'log',
        '2',
        '--channel',
        'phone',
        '--at',
        `${daysAgo(3)} 10:00`,
        '--summary',
        'Asked for a repair.',
        '--exercises',
        'repair-requested',
      ],
      { env },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`you asked for a repair on ${daysAgo(3)}`);
    const show = sb.json<{ rights: Right[] }>(['show', '2'], { env });
    expect(show.rights.find((x) => x.id === 'tr-repair')).toMatchObject({
      state: 'exercised',
      exercisedOn: daysAgo(3),
    });
  });

  it('--exercises takes rejected or repair-requested only: one line, exit 2, nothing saved', () => {
    const before = sb.json<{ contacts: unknown[] }>(['show', '2'], { env });
    const r = sb.run(
      ['log', '2', '--channel', 'phone', '--summary', 'x', '--exercises', 'withdrawal'],
      { env },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--exercises');
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    const after = sb.json<{ contacts: unknown[] }>(['show', '2'], { env });
    expect(after.contacts).toHaveLength(before.contacts.length);
  });
});
