import type { Command } from 'commander';
import { CommanderError } from 'commander';
import { registerAttach } from './commands/attach.js';
import { registerBackup } from './commands/backup.js';
import { registerContact } from './commands/contact.js';
import { registerClock } from './commands/clock.js';
import { registerClose } from './commands/close.js';
import { registerDue } from './commands/due.js';
import { registerNext } from './commands/next.js';
import { registerPromise } from './commands/promise.js';
import { registerLetter } from './commands/letter.js';
import { registerDoctor } from './commands/doctor.js';
import { registerEdit } from './commands/edit.js';
import { registerEvidence } from './commands/evidence.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerList } from './commands/list.js';
import { registerLog } from './commands/log.js';
import { registerNew } from './commands/new.js';
import { registerPath } from './commands/path.js';
import { registerPrep } from './commands/prep.js';
import { registerProfile } from './commands/profile.js';
import { registerSent } from './commands/sent.js';
import type { Act } from './commands/shared.js';
import { examples } from './commands/shared.js';
import { LocalCommand, localHelp } from './cli-i18n.js';
import { t } from './i18n.js';
import { registerShow } from './commands/show.js';
import { registerStats } from './commands/stats.js';
import type { AppContext, GlobalOptions, Runtime } from './context.js';
import { createContext } from './context.js';

/** The version printed by --version. */
export const VERSION = '0.1.0';

/** What a run of the program leaves for main.ts to clean up. */
export interface Session {
  ctx: AppContext | undefined;
}

/**
 * Registers the commands; no logic here. `record`, when given, receives each command's parsed
 * options instead of running it (the argv → options table test).
 */
export function createProgram(
  runtime: Runtime,
  session: Session,
  record?: (name: string, options: unknown) => void,
): Command {
  const program = new LocalCommand('complain');
  const act: Act = async (cmd, name, options, body) => {
    if (record) {
      record(name, options);
      return;
    }
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
  // The order of --help: the everyday workflow first, then corrections, then housekeeping.
  registerNew(program, act);
  registerLog(program, act);
  registerList(program, act);
  registerShow(program, act);
  registerDue(program, act);
  registerNext(program, act);
  registerPrep(program, act);
  registerLetter(program, act);
  registerSent(program, act);
  registerPromise(program, act);
  registerClock(program, act);
  registerAttach(program, act);
  registerEvidence(program, act);
  registerExport(program, act);
  registerClose(program, act);
  registerStats(program, act);
  registerEdit(program, act);
  registerContact(program, act);
  registerProfile(program, act);
  registerPath(program, act);
  registerBackup(program, act);
  registerImport(program, act);
  registerDoctor(program, act);
  return program;
}

export { CommanderError };
