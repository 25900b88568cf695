import { homedir } from 'node:os';
import { createProgram, CommanderError } from './cli.js';
import type { Session } from './cli.js';
import type { Runtime } from './context.js';
import { startUiLanguage } from './context.js';
import { ComplainError, ExitCode } from './errors.js';
import { translateSqliteError } from './db/open.js';
import { t } from './i18n.js';

/** Formats a user error as one line: what went wrong, then the fix. */
export function formatError(error: ComplainError): string {
  return `complain: ${error.message}${error.hint ? ` — ${error.hint}` : ''}\n`;
}

/** The only place that reads process.*: builds the runtime, runs the program, sets the exit code. */
export async function main(argv: string[] = process.argv): Promise<void> {
  // Personal data: whatever we create is readable by the user alone.
  process.umask(0o077);
  const abort = new AbortController();
  const runtime: Runtime = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    platform: process.platform,
    home: homedir(),
    cwd: process.cwd(),
    now: () => new Date(),
    systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    signal: abort.signal,
  };
  startUiLanguage(runtime, argv);
  const session: Session = { ctx: undefined };
  const onSigint = () => {
    // Ctrl-C outside a prompt: close the database (committed data leaves the -wal), then die of
    // the signal as a shell expects. A transaction in progress is synchronous and has finished.
    abort.abort();
    session.ctx?.close();
    process.stderr.write(`\n${t('cli.cancelled')}\n`);
    process.exitCode = ExitCode.cancelled;
    process.removeListener('SIGINT', onSigint);
    process.kill(process.pid, 'SIGINT');
  };
  process.on('SIGINT', onSigint);
  const debug = argv.includes('--debug');
  try {
    const program = createProgram(runtime, session);
    await program.parseAsync(argv);
  } catch (caught) {
    const error = translateSqliteError(caught, session.ctx?.paths.dbFile ?? t('cli.theDatabase'));
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    } else if (error instanceof ComplainError) {
      process.stderr.write(formatError(error));
      if (debug && error.cause)
        process.stderr.write(String((error.cause as Error).stack ?? error.cause) + '\n');
      process.exitCode = error.exitCode;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`complain: ${t('cli.bug', { message })}\n`);
      if (debug && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
      process.exitCode = ExitCode.failure;
    }
  } finally {
    process.removeListener('SIGINT', onSigint);
    session.ctx?.close();
  }
}
