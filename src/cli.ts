import { Command, CommanderError } from 'commander';
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
  const program = new Command('complain');
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

Exit codes: 0 ok, 1 failure (not found, invalid data), 2 usage (bad or missing flags), 130 cancelled, 143 stopped (SIGTERM).`,
    );
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
