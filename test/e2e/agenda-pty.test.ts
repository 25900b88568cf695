import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { BIN, makeSandbox } from '../support/cli.js';

/** Runs `complain args` in a real terminal (tmux) and types `keys`, one step at a time. */
async function inTerminal(sb: CliSandbox, args: string[], steps: string[][]): Promise<string> {
  const session = `complain-${process.pid}-${Date.now()}`;
  const command = [process.execPath, BIN, '--data-dir', sb.dataDir, ...args]
    .map((a) => `'${a.replace(/'/g, "'\\''")}'`)
    .join(' ');
  execFileSync('tmux', [
    'new-session',
    '-d',
    '-s',
    session,
    '-x',
    '120',
    '-y',
    '30',
    `env NO_COLOR=1 TZ=Europe/Istanbul ${command}; echo EXIT=$?; sleep 30`,
  ]);
  const screen = () =>
    execFileSync('tmux', ['capture-pane', '-p', '-t', session], { encoding: 'utf8' });
  const waitFor = async (text: string) => {
    for (let i = 0; i < 100; i++) {
      if (screen().includes(text)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`"${text}" never appeared:\n${screen()}`);
  };
  try {
    for (const [expectText, ...keys] of steps) {
      await waitFor(expectText!);
      for (const k of keys) execFileSync('tmux', ['send-keys', '-t', session, k]);
    }
    await waitFor('EXIT=');
    return screen();
  } finally {
    spawnSync('tmux', ['kill-session', '-t', session]);
  }
}

describe('promise and close in a real terminal', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
    sb.json([
      'new',
      '--company',
      'Acme',
      '--product',
      'Kettle',
      '--amount',
      '500 TL',
      '--situation',
      's',
      '--problem',
      'p',
      '--request',
      'r',
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
    const out = await inTerminal(sb, ['promise', '1'], [['did they keep it?', 'Down', 'Enter']]);
    expect(out).toContain('EXIT=0');
    expect(sb.json<{ promises: { state: string }[] }>(['show', '1']).promises[0]!.state).toBe(
      'broken',
    );
  });

  it('close: the remedy did not arrive, so it goes elsewhere, rated 1', async () => {
    const out = await inTerminal(
      sb,
      ['close', '1'],
      [
        ['actually arrive?', 'n', 'Enter'],
        ['how does it end?', 'Down', 'Enter'],
        ['Where did it go', 'consumer court', 'Enter'],
        ['How did the company handle it?', 'Enter'],
      ],
    );
    expect(out).toContain('EXIT=0');
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
