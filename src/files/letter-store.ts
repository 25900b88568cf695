import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from './atomic.js';

/** Where the data dir keeps a copy of every exported letter, named by its SHA-256. */
export function letterStoreDir(dataDir: string): string {
  return join(dataDir, 'letters');
}

/** Keeps the exported DOCX (0600) in the data dir; the same letter twice is stored once. */
export async function storeLetterCopy(
  dataDir: string,
  sha256: string,
  data: Buffer,
): Promise<string> {
  const dir = letterStoreDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${sha256}.docx`);
  if (readLetterCopy(dataDir, sha256)) return file;
  await writeFileAtomically(file, data);
  return file;
}

/** The stored copy of a letter, when it is there and still has its hash; undefined otherwise. */
export function readLetterCopy(dataDir: string, sha256: string): Buffer | undefined {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return undefined;
  try {
    const data = readFileSync(join(letterStoreDir(dataDir), `${sha256}.docx`));
    return createHash('sha256').update(data).digest('hex') === sha256 ? data : undefined;
  } catch {
    return undefined;
  }
}
