import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function quote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * A real terminal: the command runs in a tmux pane on a private server; the test types with
 * send-keys and reads the screen with capture-pane, as a person would.
 */
export class Terminal {
  private readonly socketDir = mkdtempSync(join(tmpdir(), 'complain-tmux-'));
  private readonly socket = join(this.socketDir, 'sock');

  constructor(
    argv: string[],
    env: Record<string, string>,
    { cols = 110, rows = 50, cwd }: { cols?: number; rows?: number; cwd?: string } = {},
  ) {
    const envPrefix = Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`);
    // The shell prints the exit status where the test can read it, then keeps the pane open.
    const command =
      ['env', ...envPrefix, ...argv.map(quote)].join(' ') + '; echo "[exit $?]"; sleep 600';
    this.tmux(
      '-f',
      '/dev/null',
      'new-session',
      '-d',
      '-x',
      String(cols),
      '-y',
      String(rows),
      ...(cwd ? ['-c', cwd] : []),
      command,
    );
  }

  private tmux(...args: string[]): string {
    const r = spawnSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  }

  /** Types text literally. */
  type(text: string): void {
    this.tmux('send-keys', '-t', '0', '-l', text);
  }

  /** Presses keys by name: Enter, Down, Up, C-c, BSpace… */
  press(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', '-t', '0', key);
  }

  /** What the screen shows now, with the scrollback and wrapped lines joined. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-t', '0', '-S', '-300');
  }

  /** Waits until the screen matches, then returns it; fails with the screen after `ms`. */
  async waitFor(pattern: RegExp | string, ms = 15_000): Promise<string> {
    const deadline = Date.now() + ms;
    for (;;) {
      const text = this.screen();
      if (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)) return text;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${String(pattern)}; the screen:\n${text}`);
      await sleep(50);
    }
  }

  private answeredCount(): number {
    return this.screen()
      .split('\n')
      .filter((l) => l.startsWith('✔ ')).length;
  }

  /** Waits until the newest question on screen is `question` and still open. */
  async waitForPrompt(question: RegExp | string, ms = 15_000): Promise<void> {
    const deadline = Date.now() + ms;
    for (;;) {
      const last =
        this.screen()
          .split('\n')
          .filter((l) => /^[?✔] /.test(l))
          .at(-1) ?? '';
      const matches = typeof question === 'string' ? last.includes(question) : question.test(last);
      if (matches && last.startsWith('? ')) return;
      if (Date.now() > deadline) {
        throw new Error(
          `timed out waiting for the question ${String(question)}; the screen:\n${this.screen()}`,
        );
      }
      await sleep(50);
    }
  }

  /**
   * Answers the open question: types `text` (nothing for the default), then `keys` (Enter by
   * default), and waits until the prompt took the answer (a new ✔ line).
   */
  async answer(question: RegExp | string, text: string, keys: string[] = ['Enter']): Promise<void> {
    await this.waitForPrompt(question);
    const before = this.answeredCount();
    if (text) this.type(text);
    this.press(...keys);
    const deadline = Date.now() + 15_000;
    while (this.answeredCount() <= before) {
      if (Date.now() > deadline)
        throw new Error(
          `the answer to ${String(question)} was not taken; the screen:\n${this.screen()}`,
        );
      await sleep(50);
    }
  }

  /** Picks a choice of a list by moving down `downs` times with the arrow key. */
  async choose(question: RegExp | string, downs: number): Promise<void> {
    await this.answer(question, '', [...Array<string>(downs).fill('Down'), 'Enter']);
  }

  /** Waits for the command to end and returns its exit status. */
  async exitStatus(ms = 15_000): Promise<number> {
    const screen = await this.waitFor(/\[exit \d+\]/, ms);
    return Number(/\[exit (\d+)\]/.exec(screen)![1]);
  }

  close(): void {
    spawnSync('tmux', ['-S', this.socket, 'kill-server']);
    rmSync(this.socketDir, { recursive: true, force: true });
  }
}
