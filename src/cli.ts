import { Command, CommanderError } from 'commander';
import type { Act } from './commands/shared.js';
import type { AppContext, GlobalOptions, Runtime } from './context.js';
import { t } from './i18n.js';
import { VERSION } from './version.js';

export { VERSION };

type Register = (program: Command, act: Act) => void;

/**
 * The commands in the order of --help (the everyday workflow first, then corrections, then
 * housekeeping): the names a module registers, and how to load it. Only the module of the
 * command being run is imported; the others are listed by name with their one-line summary
 * from the catalogue (`commands.<name>.summary`), so `complain --help` imports no command.
 */
const COMMANDS: { names: string[]; aliases?: string[]; load: () => Promise<Register> }[] = [
  { names: ['new'], load: async () => (await import('./commands/new.js')).registerNew },
  { names: ['log'], load: async () => (await import('./commands/log.js')).registerLog },
  {
    names: ['list'],
    aliases: ['ls'],
    load: async () => (await import('./commands/list.js')).registerList,
  },
  { names: ['show'], load: async () => (await import('./commands/show.js')).registerShow },
  { names: ['due'], load: async () => (await import('./commands/due.js')).registerDue },
  { names: ['next'], load: async () => (await import('./commands/next.js')).registerNext },
  { names: ['prep'], load: async () => (await import('./commands/prep.js')).registerPrep },
  { names: ['letter'], load: async () => (await import('./commands/letter.js')).registerLetter },
  { names: ['sent'], load: async () => (await import('./commands/sent.js')).registerSent },
  {
    names: ['promise'],
    load: async () => (await import('./commands/promise.js')).registerPromise,
  },
  { names: ['clock'], load: async () => (await import('./commands/clock.js')).registerClock },
  { names: ['attach'], load: async () => (await import('./commands/attach.js')).registerAttach },
  {
    names: ['evidence'],
    load: async () => (await import('./commands/evidence.js')).registerEvidence,
  },
  { names: ['export'], load: async () => (await import('./commands/export.js')).registerExport },
  { names: ['close'], load: async () => (await import('./commands/close.js')).registerClose },
  { names: ['stats'], load: async () => (await import('./commands/stats.js')).registerStats },
  {
    names: ['edit', 'delete'],
    load: async () => (await import('./commands/edit.js')).registerEdit,
  },
  {
    names: ['contact'],
    load: async () => (await import('./commands/contact.js')).registerContact,
  },
  {
    names: ['profile'],
    load: async () => (await import('./commands/profile.js')).registerProfile,
  },
  { names: ['path'], load: async () => (await import('./commands/path.js')).registerPath },
  { names: ['backup'], load: async () => (await import('./commands/backup.js')).registerBackup },
  { names: ['import'], load: async () => (await import('./commands/import.js')).registerImport },
  { names: ['doctor'], load: async () => (await import('./commands/doctor.js')).registerDoctor },
];

/** Every top-level command name, in the order of --help. */
export const COMMAND_NAMES: readonly string[] = COMMANDS.flatMap((c) => c.names);

/** The global options that take a value: the command name is the first word after the others. */
const GLOBAL_VALUES = new Set(['--data-dir']);

/**
 * The command an argv runs, as commander will read it: the first operand after the global
 * options (`help due` runs `due --help`). Undefined for `complain`, `complain --help`, `complain
 * help`: nothing but the summaries is needed then.
 */
export function selectedCommand(args: readonly string[]): string | undefined {
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (GLOBAL_VALUES.has(a)) i++;
      continue;
    }
    operands.push(a);
    if (operands[0] !== 'help' || operands.length === 2) break;
  }
  const word = operands[0] === 'help' ? operands[1] : operands[0];
  if (word === undefined) return undefined;
  const entry = COMMANDS.find((c) => c.names.includes(word) || c.aliases?.includes(word));
  return entry ? word : undefined;
}

/** What a run of the program leaves for main.ts to clean up. */
export interface Session {
  ctx: AppContext | undefined;
}

/**
 * Registers the commands; no logic here. `record`, when given, receives each command's parsed
 * options instead of running it (the argv → options table test).
 */
export async function createProgram(
  runtime: Runtime,
  session: Session,
  options: {
    /** Receives each command's parsed options instead of running it (the argv → options test). */
    record?: (name: string, options: unknown) => void;
    /** The arguments after `node complain`: only the command they run is loaded. All when absent. */
    args?: readonly string[];
  } = {},
): Promise<Command> {
  const { record } = options;
  const program = new Command('complain');
  const act: Act = async (cmd, name, options, body) => {
    if (record) {
      record(name, options);
      return;
    }
    const { createContext } = await import('./context.js');
    const ctx = createContext(runtime, cmd.optsWithGlobals() as GlobalOptions);
    session.ctx = ctx;
    await body(ctx);
  };
  program
    .description(
      'Fight a company for a refund, a repair or a cancellation: log every contact, keep them to their word, write the formal letter.\nEverything stays in one SQLite file on this computer.',
    )
    .version(VERSION, '-V, --version')
    .option(
      '--data-dir <dir>',
      'where the data lives (default: $COMPLAIN_HOME, else the platform data dir)',
    )
    .option('--no-input', 'never prompt: fail and name the missing flags instead')
    .option('--no-color', 'no colour (also NO_COLOR=1 or TERM=dumb)')
    .option('--debug', 'show the stack trace of an unexpected error')
    .showHelpAfterError('(add --help for usage and examples)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => runtime.stdout.write(s),
      writeErr: (s) => runtime.stderr.write(s),
      outputError: (s, write) => write(s),
    })
    .addHelpText(
      'after',
      `
Examples:
  $ complain new                      define the problem (a wizard asks)
  $ complain log                      right after a call, chat or e-mail
  $ complain list                     every case, what is due and what is overdue
  $ complain show 3                   the case file, its timeline, letters and legal clocks
  $ complain due                      what is overdue and what is due in the next 14 days
  $ complain next 3                   where the case stands on the escalation ladder, and why
  $ complain prep 3                   a one-screen call sheet before you call
  $ complain letter 3 -o letter.docx  the formal complaint letter
  $ complain attach 3 receipt.pdf     keep a verified copy of a document
  $ complain export 3 -o case-3.zip   the bundle for a regulator or arbitration body

Exit codes: 0 ok, 1 failure (not found, invalid data), 2 usage (bad or missing flags), 130 cancelled.`,
    );
  // Subcommands copy the output, exit and help settings above when they are created.
  const selected = options.args ? selectedCommand(options.args) : undefined;
  for (const entry of COMMANDS) {
    const wanted =
      !options.args ||
      (selected !== undefined &&
        (entry.names.includes(selected) || Boolean(entry.aliases?.includes(selected))));
    if (wanted) {
      (await entry.load())(program, act);
      continue;
    }
    // Listed in --help, never run: the argv named another command (or none).
    for (const name of entry.names) {
      const placeholder = program.command(name).summary(t(`commands.${name}.summary`));
      for (const alias of entry.aliases ?? []) placeholder.alias(alias);
    }
  }
  return program;
}

export { CommanderError };
