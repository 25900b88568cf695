import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { ComplainError } from '../errors.js';
import { writeAtomically } from '../files/atomic.js';
import { t } from '../i18n.js';

/** One file of the bundle: bytes in memory, or a file streamed from disk. */
export interface ZipEntry {
  /** The path inside the zip (forward slashes). */
  name: string;
  /** The SHA-256 the entry must have when read back. */
  sha256: string;
  size: number;
  source: { data: Buffer } | { path: string };
  /** Deflate it (text); already-compressed formats are stored as they are. */
  compress: boolean;
}

/** Bytes written or verified so far, out of the total, by phase. */
export type BundleProgress = (phase: 'write' | 'verify', done: number, total: number) => void;

function counter(onChunk: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      onChunk(chunk.length);
      done(null, chunk);
    },
  });
}

/**
 * Writes the zip to a temp file beside `file`, reads every entry back and checks its SHA-256
 * (and that nothing is missing or extra), then fsyncs and renames it into place, 0600.
 * Entries are streamed both ways: a large video is never held in memory.
 */
export async function writeVerifiedZip(
  file: string,
  entries: ZipEntry[],
  mtime: Date,
  onProgress?: BundleProgress,
): Promise<void> {
  const total = entries.reduce((n, e) => n + e.size, 0);
  await writeAtomically(file, async (tmp) => {
    const zip = new yazl.ZipFile();
    let written = 0;
    for (const entry of entries) {
      const options = { mtime, mode: 0o100600, compress: entry.compress };
      if ('data' in entry.source) {
        zip.addBuffer(entry.source.data, entry.name, options);
        written += entry.size;
      } else {
        const path = entry.source.path;
        zip.addReadStreamLazy(entry.name, { ...options, size: entry.size }, (cb) =>
          cb(
            null,
            createReadStream(path).pipe(
              counter((n) => {
                written += n;
                onProgress?.('write', written, total);
              }),
            ),
          ),
        );
      }
    }
    zip.end();
    await pipeline(zip.outputStream, createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
    await verifyZip(tmp, entries, (done) => onProgress?.('verify', done, total));
  });
}

/** Reads every entry of a zip back and compares it with what was meant to be written. */
export async function verifyZip(
  file: string,
  entries: ZipEntry[],
  onProgress?: (done: number) => void,
): Promise<void> {
  const expected = new Map(entries.map((e) => [e.name, e]));
  const seen = new Set<string>();
  const zip = await yauzl.openPromise(file, {
    lazyEntries: true,
    validateEntrySizes: true,
    strictFileNames: true,
  });
  let done = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const want = expected.get(entry.fileName);
      if (!want || seen.has(entry.fileName))
        throw bundleError(t('evidence.bundle.unexpected', { name: entry.fileName }));
      seen.add(entry.fileName);
      const hash = createHash('sha256');
      const stream = await zip.openReadStreamPromise(entry);
      for await (const chunk of stream) {
        hash.update(chunk as Buffer);
        done += (chunk as Buffer).length;
        onProgress?.(done);
      }
      if (hash.digest('hex') !== want.sha256)
        throw bundleError(
          'path' in want.source
            ? t('evidence.bundle.evidenceDiffers', { name: entry.fileName })
            : t('evidence.bundle.entryDiffers', { name: entry.fileName }),
          'path' in want.source ? t('evidence.bundle.evidenceDiffersHint') : undefined,
        );
    }
  } finally {
    zip.close();
  }
  const missing = entries.filter((e) => !seen.has(e.name));
  if (missing.length > 0)
    throw bundleError(t('evidence.bundle.entryMissing', { name: missing[0]!.name }));
}

function bundleError(what: string, hint?: string): ComplainError {
  return new ComplainError(t('evidence.bundle.verifyFailed', { what }), {
    hint: hint ?? t('evidence.bundle.verifyFailedHint'),
  });
}
