import { homedir } from 'node:os';
import { isatty } from 'node:tty';
import type { Session } from './cli.js';
import type { Runtime } from './context.js';
import type { ComplainError } from './errors.js';
import { VERSION } from './version.js';

/** Formats a user error as one line: what went wrong, then the fix. */
export function formatError(error: ComplainError): string {
  return `complain: ${error.message}${error.hint ? ` — ${error.hint}` : ''}\n`;
}

/** `--version` (or `-V`), with at most the global flags beside it: commander would say the same. */
function asksVersionOnly(args: readonly string[]): boolean {
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--data-dir') i++;
    else if (!a.startsWith('--data-dir=') && !['--no-input', '--no-color', '--debug'].includes(a))
      rest.push(a);
  }
  return rest.length === 1 && (rest[0] === '--version' || rest[0] === '-V');
}

/** The only place that reads process.*: builds the runtime, runs the program, sets the exit code. */
export async function main(argv: string[] = process.argv): Promise<void> {
  // `complain --version` answers before anything else is loaded (scripts call it to check).
  const args = argv.slice(2);
  if (asksVersionOnly(args)) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  // The rest is loaded now; cli.ts then loads only the command the argv names.
  const [{ createProgram, CommanderError }, { startUiLanguage }, errors, { t }] = await Promise.all(
    [import('./cli.js'), import('./ui-language.js'), import('./errors.js'), import('./i18n.js')],
  );
  const { ExitCode } = errors;
  // Personal data: whatever we create is readable by the user alone.
  process.umask(0o077);
  const abort = new AbortController();
  let systemZone: string | undefined;
  const runtime: Runtime = {
    // Read only by the prompts: process.stdin sets up a stream when first read.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    // isatty, not process.stdin.isTTY: that would set the stream up (1 ms of every command).
    stdinIsTTY: isatty(0),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    platform: process.platform,
    home: homedir(),
    cwd: process.cwd(),
    now: clockOf(process.env.COMPLAIN_NOW),
    // Asked only when the profile names no zone: the first Intl date formatter costs ~15 ms.
    get systemTimeZone() {
      return (systemZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
    },
    signal: abort.signal,
    pid: process.pid,
    isRunning: (pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
      }
    },
  };
  startUiLanguage(runtime, argv);
  const session: Session = { ctx: undefined };
  // Ctrl-C or a `kill` outside a prompt: close the database (committed data leaves the -wal),
  // remove temp files still being written, then die of the signal as a shell expects (130, 143).
  // A transaction in progress is synchronous and has finished before this handler runs.
  const onSignal = (signal: NodeJS.Signals) => {
    abort.abort();
    session.ctx?.close();
    process.stderr.write(`\n${t('cli.cancelled')}\n`);
    process.exitCode = signal === 'SIGTERM' ? ExitCode.terminated : ExitCode.cancelled;
    removeSignalHandlers();
    process.kill(process.pid, signal);
  };
  const removeSignalHandlers = () => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // The reader of stdout went away (`complain list | head -1`): like git, stop writing and end
  // quietly with 0. Without a listener, EPIPE is an unhandled 'error' event and a stack trace.
  let readerGone = false;
  const onStreamError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || readerGone) {
      readerGone = true;
      return;
    }
    process.exitCode = ExitCode.failure;
  };
  process.stdout.on('error', onStreamError);
  process.stderr.on('error', onStreamError);
  const debug = argv.includes('--debug');
  try {
    const program = await createProgram(runtime, session, { args });
    await program.parseAsync(argv);
  } catch (caught) {
    // `--help` and usage errors arrive here as CommanderError: they must not load the database.
    const error =
      caught instanceof CommanderError || caught instanceof errors.ComplainError
        ? caught
        : (await import('./db/open.js')).translateSqliteError(
            caught,
            session.ctx?.paths.dbFile ?? t('cli.theDatabase'),
          );
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    } else if (error instanceof errors.ComplainError) {
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
    removeSignalHandlers();
    session.ctx?.close();
  }
}

/**
 * The clock: the wall clock, or the instant COMPLAIN_NOW names (ISO 8601), which then moves on
 * at the wall clock's pace from that instant. For tests and demonstrations of dated steps (a
 * deadline that passes); a value that is not an instant is ignored.
 */
function clockOf(fixed: string | undefined): () => Date {
  const start = fixed && /^\d{4}-\d{2}-\d{2}T/.test(fixed) ? Date.parse(fixed) : NaN;
  if (Number.isNaN(start)) return () => new Date();
  const offset = start - Date.now();
  return () => new Date(Date.now() + offset);
}
