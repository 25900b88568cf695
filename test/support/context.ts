import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { AppContext, Runtime } from '../../src/context.js';
import { createContext } from '../../src/context.js';
import type { Prompter } from '../../src/prompts/prompter.js';

/** A context on a real temporary database with captured streams and a fixed clock. */
export interface TestContext {
  ctx: AppContext;
  stdout: () => string;
  stderr: () => string;
  cleanup: () => void;
}

export function makeTestContext(
  options: { now?: Date; timeZone?: string; prompter?: Prompter; interactive?: boolean } = {},
): TestContext {
  const dir = mkdtempSync(join(tmpdir(), 'complain-ctx-'));
  const out = new PassThrough();
  const err = new PassThrough();
  let outText = '';
  let errText = '';
  out.on('data', (c: Buffer) => (outText += c.toString()));
  err.on('data', (c: Buffer) => (errText += c.toString()));
  const now = options.now ?? new Date('2026-11-23T12:00:00Z');
  const interactive = options.interactive ?? Boolean(options.prompter);
  const runtime: Runtime = {
    stdin: new PassThrough(),
    stdout: out,
    stderr: err,
    stdinIsTTY: interactive,
    stdoutIsTTY: interactive,
    stderrIsTTY: false,
    env: { NO_COLOR: '1', COMPLAIN_LANG: 'en' },
    platform: 'linux',
    home: dir,
    cwd: dir,
    now: () => now,
    systemTimeZone: options.timeZone ?? 'Europe/Istanbul',
    ...(options.prompter ? { prompter: options.prompter } : {}),
  };
  const ctx = createContext(runtime, { dataDir: join(dir, 'data') });
  return {
    ctx,
    stdout: () => outText,
    stderr: () => errText,
    cleanup: () => {
      ctx.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A prompter that answers from a script, in order, and fails on any question it did not expect. */
export function scriptedPrompter(answers: (string | boolean)[]): Prompter & { asked: string[] } {
  const queue = [...answers];
  const asked: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    if (queue.length === 0) throw new Error(`unexpected question: ${message}`);
    return queue.shift()!;
  };
  return {
    asked,
    input: async (o) => {
      const a = next(o.message);
      const value = a === '' && o.default !== undefined ? o.default : String(a);
      if (o.validate) {
        const ok = o.validate(value);
        if (ok !== true) throw new Error(`invalid scripted answer for "${o.message}": ${ok}`);
      }
      return value;
    },
    select: async <T extends string>(o: { message: string; choices: { value: T }[] }) => {
      const a = String(next(o.message));
      if (!o.choices.some((c) => c.value === a))
        throw new Error(`"${a}" is not a choice for "${o.message}"`);
      return a as T;
    },
    confirm: async (o) => Boolean(next(o.message)),
  };
}
