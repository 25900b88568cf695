import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root and the built binary the e2e tests spawn. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'complain.cjs');

/** What one run of the binary produced. */
export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A temporary data dir with a helper that runs `complain` against it, without a terminal. */
export interface CliSandbox {
  dir: string;
  dataDir: string;
  run(args: string[], options?: { env?: Record<string, string>; input?: string }): RunResult;
  /** Runs and parses stdout as JSON; fails the test with stderr when the exit code is not 0. */
  json<T = unknown>(args: string[], options?: { env?: Record<string, string> }): T;
  cleanup(): void;
}

export function makeSandbox(): CliSandbox {
  const dir = mkdtempSync(join(tmpdir(), 'complain-test-'));
  const dataDir = join(dir, 'data');
  const sandbox: CliSandbox = {
    dir,
    dataDir,
    run(args, options = {}) {
      const result = spawnSync(process.execPath, [BIN, '--data-dir', dataDir, ...args], {
        cwd: dir,
        encoding: 'utf8',
        input: options.input ?? '',
        env: { ...process.env, NO_COLOR: '1', TZ: 'Europe/Istanbul', ...options.env },
        timeout: 60_000,
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    json<T>(args: string[], options = {}) {
      const r = sandbox.run([...args, '--json'], options);
      if (r.status !== 0)
        throw new Error(`complain ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
      return JSON.parse(r.stdout) as T;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return sandbox;
}

/** The flags of the smallest valid case, the ones most tests need. */
const MINIMAL_CASE: Record<string, string> = {
  company: 'Acme',
  product: 'Kettle',
  situation: 's',
  problem: 'p',
  request: 'r',
  remedy: 'refund',
  jurisdiction: 'TR',
};

/**
 * `complain new` with the smallest valid case; `changes` replaces or adds flags by name
 * ({ remedy: 'repair', amount: '500 TL' }), and null leaves a flag out.
 */
export function newCaseArgs(changes: Record<string, string | null> = {}): string[] {
  const flags = { ...MINIMAL_CASE, ...changes };
  return ['new', ...Object.entries(flags).flatMap(([k, v]) => (v === null ? [] : [`--${k}`, v]))];
}
