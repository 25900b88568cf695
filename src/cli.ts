import type { Command } from 'commander';
import { CommanderError } from 'commander';
import type { Act } from './commands/shared.js';
import { examples } from './commands/shared.js';
import { LocalCommand, localHelp } from './cli-i18n.js';
import type { AppContext, GlobalOptions, Runtime } from './context.js';
import { pinUiLanguage, t } from './i18n.js';
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
  { names: ['apply'], load: async () => (await import('./commands/apply.js')).registerApply },
  {
    names: ['promise'],
    load: async () => (await import('./commands/promise.js')).registerPromise,
  },
  { names: ['clock'], load: async () => (await import('./commands/clock.js')).registerClock },
  {
    names: ['standard'],
    load: async () => (await import('./commands/standard.js')).registerStandard,
  },
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
  const program = new LocalCommand('complain');
  const act: Act = async (cmd, name, options, body) => {
    if (record) {
      record(name, options);
      return;
    }
    // JSON is the same in every language: the sentences it carries are written in English.
    if ((options as { json?: unknown } | undefined)?.json === true) pinUiLanguage('en');
    const { createContext } = await import('./context.js');
    const ctx = createContext(runtime, cmd.optsWithGlobals() as GlobalOptions);
    session.ctx = ctx;
    await body(ctx);
  };
  program
    .description(t('cli.program.description'))
    .version(VERSION, '-V, --version', t('cli.program.version'))
    .helpOption('-h, --help', t('cli.program.help'))
    .helpCommand('help [command]', t('cli.program.helpCommand'))
    .configureHelp(localHelp)
    .option('--data-dir <dir>', t('cli.program.dataDir'))
    .option('--no-input', t('cli.program.noInput'))
    .option('--no-color', t('cli.program.noColor'))
    .option('--debug', t('cli.program.debug'))
    .showHelpAfterError(t('cli.program.helpAfterError'))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => runtime.stdout.write(s),
      writeErr: (s) => runtime.stderr.write(s),
      outputError: (s, write) => write(s),
    })
    .addHelpText('after', `${examples(t('cli.program.examples'))}\n${t('cli.program.exitCodes')}`);
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
