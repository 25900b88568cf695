import { PassThrough } from 'node:stream';
import type { Session } from '../../src/cli.js';
import { createProgram } from '../../src/cli.js';
import type { Runtime } from '../../src/context.js';

/** What a command would have been given: its name and its normalised options. */
export interface ParsedCommand {
  name: string;
  options: unknown;
}

/** A runtime with no terminal, no environment and a fixed clock; nothing is run against it. */
export function fakeRuntime(over: Partial<Runtime> = {}): Runtime {
  return {
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    stderr: new PassThrough(),
    stdinIsTTY: false,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: { COMPLAIN_LANG: 'en' },
    platform: 'linux',
    home: '/home/u',
    cwd: '/home/u',
    now: () => new Date('2026-11-23T12:00:00Z'),
    systemTimeZone: 'UTC',
    ...over,
  };
}

/** Parses argv the way main.ts does and returns what the command would have been given. */
export async function parseArgv(argv: string[], runtime = fakeRuntime()): Promise<ParsedCommand> {
  let seen: ParsedCommand | undefined;
  const session: Session = { ctx: undefined };
  const program = await createProgram(runtime, session, {
    record: (name, options) => {
      seen = { name, options };
    },
    args: argv,
  });
  await program.parseAsync(['node', 'complain', ...argv]);
  if (!seen) throw new Error('no command ran');
  return seen;
}
