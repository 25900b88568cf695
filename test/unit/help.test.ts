import { PassThrough } from 'node:stream';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli.js';
import { fakeRuntime } from '../support/argv.js';

/** The argv of every command that runs something (`contact edit`, `evidence move`…). */
function leaves(cmd: Command, path: string[] = []): string[][] {
  if (cmd.commands.length === 0) return [path];
  return cmd.commands.flatMap((c) => leaves(c, [...path, c.name()]));
}

async function helpOf(argv: string[]): Promise<string> {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (c: Buffer) => (text += c.toString()));
  const program = await createProgram(
    fakeRuntime({ stdout }),
    { ctx: undefined },
    { record: () => undefined, args: [...argv, '--help'] },
  );
  await expect(program.parseAsync(['node', 'complain', ...argv, '--help'])).rejects.toThrow();
  return text;
}

const commands = leaves(
  await createProgram(fakeRuntime(), { ctx: undefined }, { record: () => undefined }),
);

describe('help leads with examples (clig.dev)', () => {
  it.each(commands.map((argv) => [argv.join(' '), argv] as const))(
    'complain %s --help shows examples of itself',
    async (name, argv) => {
      const help = await helpOf(argv);
      expect(help).toContain('Examples:');
      expect(help).toContain(`$ complain ${name}`);
    },
  );
});
