import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { BIN, makeSandbox, newCaseArgs } from '../support/cli.js';
import { Terminal } from '../support/tmux.js';

/** Runs `complain args` in a real terminal (tmux), pressing `keys` once `text` shows; the exit status. */
async function inTerminal(sb: CliSandbox, args: string[], steps: string[][]): Promise<number> {
  const term = new Terminal(
    [process.execPath, BIN, '--data-dir', sb.dataDir, ...args],
    { NO_COLOR: '1', TZ: 'Europe/Istanbul' },
    { cols: 120, rows: 30 },
  );
  try {
    for (const [text, ...keys] of steps) {
      await term.waitFor(text!);
      term.press(...keys);
    }
    return await term.exitStatus();
  } finally {
    term.close();
  }
}

describe('promise and close in a real terminal', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
    sb.json(newCaseArgs({ amount: '500 TL' }));
    sb.json([
      'log',
      '1',
      '--channel',
      'phone',
      '--summary',
      'x',
      '--promise',
      'call back',
      '--due',
      'tomorrow',
    ]);
  });
  afterAll(() => sb.cleanup());

  it('promise asks kept or broken', async () => {
    const status = await inTerminal(sb, ['promise', '1'], [['did they keep it?', 'Down', 'Enter']]);
    expect(status).toBe(0);
    expect(sb.json<{ promises: { state: string }[] }>(['show', '1']).promises[0]!.state).toBe(
      'broken',
    );
  });

  it('close: the remedy did not arrive, so it goes elsewhere, rated 1', async () => {
    const status = await inTerminal(
      sb,
      ['close', '1'],
      [
        ['actually arrive?', 'n', 'Enter'],
        ['how does it end?', 'Down', 'Enter'],
        ['Where did it go', 'consumer court', 'Enter'],
        ['How did the company handle it?', 'Enter'],
      ],
    );
    expect(status).toBe(0);
    const show = sb.json<{
      status: string;
      closure: { closedAs: string; escalatedTo: string; rating: number };
    }>(['show', '1']);
    expect(show.status).toBe('escalated');
    expect(show.closure).toEqual(
      expect.objectContaining({
        closedAs: 'escalated-elsewhere',
        escalatedTo: 'consumer court',
        rating: 1,
      }),
    );
  });
});
