import { PassThrough } from 'node:stream';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, createProgram, selectedCommand } from '../../src/cli.js';
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

describe('start-up loads only the command the argv names', () => {
  it.each([
    [['due'], 'due'],
    [['--data-dir', '/d', '--no-color', 'ls', '--all'], 'ls'],
    [['--data-dir=/d', 'show', '3'], 'show'],
    [['help', 'due'], 'due'],
    [['--help'], undefined],
    [['help'], undefined],
    [[], undefined],
    [['nosuch'], undefined],
  ])('%j selects %s', (args, expected) => {
    expect(selectedCommand(args)).toBe(expected);
  });

  it('the top-level help lists every command with its summary, without loading them', async () => {
    const help = await helpOf([]);
    for (const name of COMMAND_NAMES)
      expect(help).toMatch(new RegExp(`^  ${name}(\\|\\w+)? `, 'm'));
    expect(help).toContain('the cases that need attention first');
    // The same names as the commands the modules register (none missing, none extra).
    const registered = (
      await createProgram(fakeRuntime(), { ctx: undefined }, { record: () => undefined })
    ).commands.map((c) => c.name());
    expect(registered).toEqual([...COMMAND_NAMES]);
  });

  it('help of one command comes from its module', async () => {
    expect(await helpOf(['due'])).toContain('--ics <file>');
  });
});
