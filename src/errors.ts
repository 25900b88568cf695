import { t } from './i18n.js';

/** Exit codes documented in the README. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  cancelled: 130,
  /** Stopped by SIGTERM (128 + 15), as a shell reports it. */
  terminated: 143,
} as const;

/**
 * An error meant for the user: a one-line message, an optional hint with the fix, and the
 * exit code it maps to. Anything that is not a ComplainError is a bug.
 */
export class ComplainError extends Error {
  readonly exitCode: number;
  readonly hint: string | undefined;

  constructor(
    message: string,
    options: { exitCode?: number; hint?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ComplainError';
    this.exitCode = options.exitCode ?? ExitCode.failure;
    this.hint = options.hint;
  }
}

/** Bad or missing flags: exit 2. */
export class UsageError extends ComplainError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: ExitCode.usage, ...(hint ? { hint } : {}) });
    this.name = 'UsageError';
  }
}

/** A record that does not exist: exit 1. */
export class NotFoundError extends ComplainError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: ExitCode.failure, ...(hint ? { hint } : {}) });
    this.name = 'NotFoundError';
  }
}

/** Input that parses but is not valid data (an impossible date, a due date before the contact): exit 1. */
export class ValidationError extends ComplainError {
  readonly field: string;

  constructor(field: string, message: string, hint?: string) {
    super(message, { exitCode: ExitCode.failure, ...(hint ? { hint } : {}) });
    this.name = 'ValidationError';
    this.field = field;
  }
}

/** The user pressed Ctrl-C or declined: exit 130, nothing saved. */
export class CancelledError extends ComplainError {
  constructor(message = t('cli.cancelled')) {
    super(message, { exitCode: ExitCode.cancelled });
    this.name = 'CancelledError';
  }
}

/** Collects every missing flag so that one run names them all. */
export class MissingFlagsError extends UsageError {
  readonly flags: string[];

  constructor(flags: string[], why: string) {
    super(
      t('cli.missingFlags', { count: flags.length, flags: flags.join(', '), why }),
      t('cli.missingFlagsHint'),
    );
    this.flags = flags;
  }
}
