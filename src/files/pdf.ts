import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ComplainError } from '../errors.js';
import { t } from '../i18n.js';

/** The names LibreOffice's command line goes by, first found on the PATH wins. */
const SOFFICE_NAMES = ['soffice', 'libreoffice'];

/** How long one conversion may take before it is stopped: LibreOffice's first start is slow. */
export const PDF_TIMEOUT_MS = 120_000;

/** Whether an output path asks for a PDF (by its extension). */
export function wantsPdf(file: string | undefined): boolean {
  return Boolean(file && /\.pdf$/i.test(file));
}

/** LibreOffice's executable on `env.PATH`, or undefined when it is not installed there. */
export function findSoffice(env: Record<string, string | undefined>): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of SOFFICE_NAMES) {
      const file = join(dir, name);
      try {
        if (!statSync(file).isFile()) continue;
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // Not here: the next directory.
      }
    }
  }
  return undefined;
}

/** The one-line refusal when LibreOffice is missing: nothing is written. */
export function sofficeMissing(): ComplainError {
  return new ComplainError(t('followup.pdf.noSoffice'), { hint: t('followup.pdf.noSofficeHint') });
}

/** Finds LibreOffice or fails with the install hint, before anything is rendered or written. */
export function requireSoffice(env: Record<string, string | undefined>): string {
  const soffice = findSoffice(env);
  if (!soffice) throw sofficeMissing();
  return soffice;
}

/**
 * Converts a DOCX to PDF with LibreOffice headless, in a throw-away folder with its own user
 * profile (a running LibreOffice of the user's, or a parallel run, would otherwise take the
 * conversion over and return at once with no file). Stopped after `timeoutMs`. Returns the PDF.
 */
export async function convertDocxToPdf(
  docx: Buffer,
  options: { soffice: string; env: Record<string, string | undefined>; timeoutMs?: number },
): Promise<Buffer> {
  const work = mkdtempSync(join(tmpdir(), 'complain-pdf-'));
  try {
    const input = join(work, 'document.docx');
    await writeFile(input, docx, { mode: 0o600 });
    const profile = pathToFileURL(join(work, 'profile')).href;
    const args = [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      input,
    ];
    const outcome = await run(
      options.soffice,
      args,
      options.env,
      options.timeoutMs ?? PDF_TIMEOUT_MS,
    );
    let pdf: Buffer | undefined;
    try {
      pdf = readFileSync(join(work, 'document.pdf'));
    } catch {
      pdf = undefined;
    }
    if (outcome === 'timeout')
      throw new ComplainError(
        t('followup.pdf.timeout', {
          seconds: Math.round((options.timeoutMs ?? PDF_TIMEOUT_MS) / 1000),
        }),
        { hint: t('followup.pdf.timeoutHint') },
      );
    if (!pdf || pdf.length === 0 || pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new ComplainError(t('followup.pdf.failed', { detail: outcome }), {
        hint: t('followup.pdf.failedHint'),
      });
    return pdf;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Runs LibreOffice in its own process group, so that a timeout stops soffice.bin too. The
 * process module is loaded here, when a PDF is asked for: a DOCX export does without it.
 */
async function run(
  file: string,
  args: string[],
  env: Record<string, string | undefined>,
  timeoutMs: number,
): Promise<string> {
  const { spawn, spawnSync } = await import('node:child_process');
  return new Promise((resolvePromise) => {
    let stderr = '';
    const child = spawn(file, args, {
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString();
    });
    // soffice forks soffice.bin: the whole process group goes (kill(1), as only main.ts may
    // touch process.*), then the child itself where there are no groups.
    const stop = () => {
      if (child.pid) spawnSync('kill', ['-KILL', '--', `-${child.pid}`], { stdio: 'ignore' });
      child.kill('SIGKILL');
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolvePromise(error.message);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) resolvePromise('timeout');
      else resolvePromise(code === 0 ? '' : `${signal ?? `exit ${code}`} ${stderr.trim()}`.trim());
    });
  });
}
