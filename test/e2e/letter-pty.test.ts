import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { BIN, makeSandbox } from '../support/cli.js';

const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });

/** Waits until the pane (with its scrollback) shows `text`; returns the screen. */
async function waitFor(session: string, text: string, timeoutMs = 20_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let screen = '';
  while (Date.now() < until) {
    screen = tmux('capture-pane', '-p', '-J', '-S', '-300', '-t', session);
    if (screen.includes(text)) return screen;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for "${text}"; the screen shows:\n${screen}`);
}

describe('complain letter in a real terminal (tmux)', () => {
  let sb: CliSandbox;
  const session = `complain-letter-${process.pid}`;
  beforeAll(() => {
    sb = makeSandbox();
    sb.run([
      'profile',
      '--name',
      'Ayşe Yılmaz',
      '--address',
      'Bağdat Cd. 12, 34710 Kadıköy/İstanbul',
      '--country',
      'TR',
      '--language',
      'tr',
      '--time-zone',
      'Europe/Istanbul',
    ]);
    sb.json([
      'new',
      '--company',
      'Acme Elektronik',
      '--company-address',
      'Büyükdere Cd. 1, 34394 Şişli/İstanbul',
      '--product',
      'Çaydanlık',
      '--order',
      'A-1001',
      '--situation',
      'Çaydanlık aldım.',
      '--problem',
      'Isıtmıyor.',
      '--request',
      'İade.',
      '--remedy',
      'refund',
      '--jurisdiction',
      'TR',
    ]);
  });
  afterAll(() => {
    try {
      tmux('kill-session', '-t', session);
    } catch {
      // Already gone.
    }
    sb.cleanup();
  });

  it('asks for what is missing, previews, and exports on Enter', async () => {
    const command = `NO_COLOR=1 TZ=Europe/Istanbul ${process.execPath} ${BIN} --data-dir ${sb.dataDir} letter 1 --enclose fatura; echo EXIT=$?; sleep 60`;
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', '-c', sb.dir, command);
    await waitFor(session, 'What exactly do you ask for?');
    tmux('send-keys', '-t', session, '-l', '1.249,90 TL kartıma iade edilsin');
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, 'Deadline for their answer');
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, 'How will you send it?');
    tmux('send-keys', '-t', session, 'Down', 'Enter'); // the second method: registered mail
    const preview = await waitFor(session, 'Export the letter to DOCX now?');
    expect(preview).toContain('Sayın Yetkili,');
    expect(preview).toContain('1.249,90 TL kartıma iade edilsin.');
    expect(preview).toContain('Gönderim şekli: iadeli taahhütlü posta.');
    expect(preview).toContain('Lint: no warnings.');
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, 'File name');
    tmux('send-keys', '-t', session, 'Enter');
    const done = await waitFor(session, 'EXIT=');
    expect(done).toContain('EXIT=0');
    expect(existsSync(join(sb.dir, 'complaint-1-tr.docx'))).toBe(true);
    const shown = sb.json<{ letters: { sendMethod: string; deadlineSpec: string }[] }>([
      'show',
      '1',
    ]);
    expect(shown.letters).toEqual([
      expect.objectContaining({ sendMethod: 'registered-mail', deadlineSpec: '14d' }),
    ]);
  });
});
